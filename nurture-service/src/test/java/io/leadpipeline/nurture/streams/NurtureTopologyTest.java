package io.leadpipeline.nurture.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.kafka.AvroBinaryEventSerdes;
import io.leadpipeline.nurture.TestDecisions;
import io.leadpipeline.nurture.config.Topics;
import io.leadpipeline.nurture.domain.TrackSelector;

/** Proves rejected, nurturable leads are enrolled once, in the right track, and suppressed without consent. */
class NurtureTopologyTest {

    private final AvroBinaryEventSerdes serdes = new AvroBinaryEventSerdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, QualificationDecided> decisions;
    private TestOutputTopic<String, NurtureEnrollmentChanged> enrollments;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "nurture-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(NurtureTopology.build(serdes, new TrackSelector()), props);
        decisions = driver.createInputTopic(Topics.DECISIONS, Serdes.String().serializer(),
                serdes.valueSerde(QualificationDecided.class).serializer());
        enrollments = driver.createOutputTopic(Topics.NURTURE_ENROLLMENTS, Serdes.String().deserializer(),
                serdes.valueSerde(NurtureEnrollmentChanged.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldEnrollANotAFitLeadInTheEducationTrack() {
        QualificationDecided rejected = TestDecisions.rejected("student@gmail.com", RejectionReason.NOT_A_FIT, true);
        decisions.pipeInput(rejected.getLeadId(), rejected);

        List<NurtureEnrollmentChanged> out = enrollments.readValuesToList();
        assertEquals(1, out.size());
        NurtureEnrolled enrolled = (NurtureEnrolled) out.get(0).getChange();
        assertEquals(rejected.getLeadId(), enrolled.getLeadId());
        assertEquals("education", enrolled.getTrack());
        assertEquals(NurtureEnrollmentReason.NOT_A_FIT, enrolled.getReason());
        assertEquals(1, enrolled.getCycle());
        assertEquals(rejected.getDecisionId(), enrolled.getSourceEventId());
        assertFalse(enrolled.getSuppressed());
    }

    @Test
    void shouldEnrollOnceWhenTheSameRejectionArrivesTwice() {
        QualificationDecided rejected = TestDecisions.rejected("twice@gmail.com", RejectionReason.LOW_SCORE, true);
        decisions.pipeInput(rejected.getLeadId(), rejected);
        decisions.pipeInput(rejected.getLeadId(), rejected);

        assertEquals(1, enrollments.readValuesToList().size());
    }

    @Test
    void shouldNotNurtureDisqualifiedOrQualifiedLeads() {
        QualificationDecided competitor = TestDecisions.rejected("spy@rival.example", RejectionReason.DISQUALIFIED_COMPETITOR, true);
        QualificationDecided sql = TestDecisions.decision("vp@acme.example", LeadStage.SQL);
        decisions.pipeInput(competitor.getLeadId(), competitor);
        decisions.pipeInput(sql.getLeadId(), sql);

        assertEquals(List.of(), enrollments.readValuesToList());
    }

    @Test
    void shouldRecordTheEnrollmentAsSuppressedWithoutMarketingConsent() {
        QualificationDecided rejected = TestDecisions.rejected("no-consent@gmail.com", RejectionReason.NOT_A_FIT, false);
        decisions.pipeInput(rejected.getLeadId(), rejected);

        assertTrue(((NurtureEnrolled) enrollments.readValuesToList().get(0).getChange()).getSuppressed());
    }
}
