package io.leadpipeline.qualification.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.kafka.AvroBinaryEventSerdes;
import io.leadpipeline.qualification.TestConversions;
import io.leadpipeline.qualification.config.Topics;
import io.leadpipeline.qualification.domain.scoring.Qualifier;

/** Proves the stage machine: a first decision for every lead, then decisions only on stage changes, duplicates ignored. */
class QualificationTopologyTest {

    private final AvroBinaryEventSerdes serdes = new AvroBinaryEventSerdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ConversionCaptured> conversions;
    private TestOutputTopic<String, QualificationDecided> decisions;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "qualification-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(QualificationTopology.build(serdes, new Qualifier()), props);
        conversions = driver.createInputTopic(Topics.CONVERSIONS, Serdes.String().serializer(),
                serdes.valueSerde(ConversionCaptured.class).serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS, Serdes.String().deserializer(),
                serdes.valueSerde(QualificationDecided.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldDecideEveryNewLeadOnceWithReasonsAndSnapshot() {
        ConversionCaptured demo = TestConversions.salesReady("vp@acme.example");
        conversions.pipeInput(demo.getLeadId(), demo);

        List<QualificationDecided> out = decisions.readValuesToList();
        assertEquals(1, out.size());
        QualificationDecided decision = out.get(0);
        assertEquals(LeadStage.SQL, decision.getStage());
        assertNull(decision.getPreviousStage());
        assertEquals(demo.getLeadId(), decision.getLeadId());
        assertEquals(demo.getConversionId(), decision.getTriggeringEventId());
        assertEquals("Acme Corp", decision.getLead().getContact().getCompany());
        assertEquals(70, decision.getTotalScore());
        assertTrue(decision.getReasons().stream().anyMatch(r -> r.getRuleId().equals("intent.high-intent-form")));
    }

    @Test
    void shouldIgnoreARedeliveredConversion() {
        ConversionCaptured demo = TestConversions.salesReady("vp@acme.example");
        conversions.pipeInput(demo.getLeadId(), demo);
        conversions.pipeInput(demo.getLeadId(), demo);

        assertEquals(1, decisions.readValuesToList().size());
    }

    @Test
    void shouldDecideAgainOnlyWhenTheStageChanges() {
        String email = "buyer@acme.example";
        ConversionCaptured newsletter = TestConversions.conversion(email, FormType.NEWSLETTER_SIGNUP, "Acme Corp", "Buyer");
        ConversionCaptured ebook = TestConversions.conversion(email, FormType.CONTENT_DOWNLOAD, "Acme Corp", "Buyer");
        ConversionCaptured demo = TestConversions.conversion(email, FormType.DEMO_REQUEST, null, null);
        conversions.pipeInput(newsletter.getLeadId(), newsletter);
        conversions.pipeInput(ebook.getLeadId(), ebook);
        conversions.pipeInput(demo.getLeadId(), demo);

        List<QualificationDecided> out = decisions.readValuesToList();
        assertEquals(List.of(LeadStage.REJECTED, LeadStage.SQL), out.stream().map(QualificationDecided::getStage).toList());
        assertEquals(RejectionReason.LOW_SCORE, out.get(0).getRejectionReason());
        assertEquals(LeadStage.REJECTED, out.get(1).getPreviousStage());
        assertEquals("Acme Corp", out.get(1).getLead().getContact().getCompany(), "the company given earlier is kept");
    }
}
