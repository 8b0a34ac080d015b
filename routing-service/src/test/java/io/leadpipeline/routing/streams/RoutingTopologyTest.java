package io.leadpipeline.routing.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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

import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.AvroBinaryEventSerdes;
import io.leadpipeline.routing.TestDecisions;
import io.leadpipeline.routing.config.Topics;
import io.leadpipeline.routing.domain.Closer;
import io.leadpipeline.routing.domain.RoundRobin;

/** Proves every SQL decision yields exactly one handoff, in rotation, and nothing else is handed off. */
class RoutingTopologyTest {

    private final AvroBinaryEventSerdes serdes = new AvroBinaryEventSerdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, QualificationDecided> decisions;
    private TestOutputTopic<String, LeadHandedOff> handoffs;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        RoundRobin rotation = new RoundRobin(List.of(new Closer("ava", "Ava", "ava@sales.example"),
                new Closer("ben", "Ben", "ben@sales.example")));
        driver = new TopologyTestDriver(RoutingTopology.build(serdes, "default", rotation, Duration.ofHours(4)), props);
        decisions = driver.createInputTopic(Topics.DECISIONS, Serdes.String().serializer(),
                serdes.valueSerde(QualificationDecided.class).serializer());
        handoffs = driver.createOutputTopic(Topics.HANDOFFS, Serdes.String().deserializer(),
                serdes.valueSerde(LeadHandedOff.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldHandOffAnSqlLeadWithItsSnapshotAndSla() {
        QualificationDecided sql = TestDecisions.decision("vp@acme.example", LeadStage.SQL);
        decisions.pipeInput(sql.getLeadId(), sql, sql.getDecidedAt());

        List<LeadHandedOff> out = handoffs.readValuesToList();
        assertEquals(1, out.size());
        LeadHandedOff handoff = out.get(0);
        assertEquals(sql.getLeadId(), handoff.getLeadId());
        assertEquals(sql.getDecisionId(), handoff.getDecisionId());
        assertEquals("ava", handoff.getCloser().getId());
        assertEquals(1, handoff.getAttempt());
        assertEquals(sql.getDecidedAt().plus(Duration.ofHours(4)), handoff.getSlaDueAt());
        assertEquals("Acme Corp", handoff.getLead().getContact().getCompany());
        assertEquals("intent.high-intent-form", handoff.getLead().getReasons().get(0).getRuleId());
    }

    @Test
    void shouldHandOffOnlySqlDecisions() {
        QualificationDecided rejected = TestDecisions.decision("student@gmail.com", LeadStage.REJECTED);
        QualificationDecided mql = TestDecisions.decision("reader@acme.example", LeadStage.MQL);
        decisions.pipeInput(rejected.getLeadId(), rejected);
        decisions.pipeInput(mql.getLeadId(), mql);

        assertEquals(List.of(), handoffs.readValuesToList());
    }

    @Test
    void shouldHandOffARedeliveredDecisionOnlyOnceAndRotateOverClosers() {
        QualificationDecided first = TestDecisions.decision("a@acme.example", LeadStage.SQL);
        QualificationDecided second = TestDecisions.decision("b@acme.example", LeadStage.SQL);
        QualificationDecided third = TestDecisions.decision("c@acme.example", LeadStage.SQL);
        decisions.pipeInput(first.getLeadId(), first);
        decisions.pipeInput(first.getLeadId(), first);
        decisions.pipeInput(second.getLeadId(), second);
        decisions.pipeInput(third.getLeadId(), third);

        assertEquals(List.of("ava", "ben", "ava"),
                handoffs.readValuesToList().stream().map(h -> h.getCloser().getId()).toList());
    }
}
