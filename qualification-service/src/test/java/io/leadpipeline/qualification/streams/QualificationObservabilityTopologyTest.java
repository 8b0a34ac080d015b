package io.leadpipeline.qualification.streams;

import static io.leadpipeline.qualification.TestConversions.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.AvroBinaryEventSerdes;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.qualification.TestConversions;
import io.leadpipeline.qualification.config.ScoringRuleSet;
import io.leadpipeline.qualification.config.Topics;
import io.leadpipeline.qualification.domain.Qualification;

/**
 * Proves what ops and tracing rely on from the topology: a decision carries the trace context of the event that
 * caused it, and every decision, stale expiry and recycle is reported to the metrics.
 */
class QualificationObservabilityTopologyTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final AvroBinaryEventSerdes serdes = new AvroBinaryEventSerdes();
    private final List<String> reported = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ConversionCaptured> conversions;
    private TestInputTopic<String, HandoffOutcomeRecorded> outcomes;
    private TestOutputTopic<String, QualificationDecided> decisions;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "qualification-observability-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        QualificationMetrics recording = new QualificationMetrics() {
            @Override
            public void decided(Qualification.Decision decision, Duration lag) {
                reported.add("decided " + decision.stage() + "/" + decision.rejectionReason());
            }

            @Override
            public void staleExpired() {
                reported.add("stale");
            }

            @Override
            public void recycled() {
                reported.add("recycled");
            }

            @Override
            public void erased() {
                reported.add("erased");
            }
        };
        Qualification qualification = new Qualification(ScoringRuleSet.defaults());
        driver = new TopologyTestDriver(QualificationTopology.build(serdes, () -> qualification,
                Duration.ofHours(1), recording, StreamsTracing.OFF), props, T0);
        conversions = driver.createInputTopic(Topics.CONVERSIONS, Serdes.String().serializer(),
                serdes.valueSerde(ConversionCaptured.class).serializer());
        outcomes = driver.createInputTopic(Topics.HANDOFF_OUTCOMES, Serdes.String().serializer(),
                serdes.valueSerde(HandoffOutcomeRecorded.class).serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS, Serdes.String().deserializer(),
                serdes.valueSerde(QualificationDecided.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldCarryTheConversionsTraceparentOntoItsDecision() {
        ConversionCaptured demo = TestConversions.salesReady("traced@acme.example");
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        conversions.pipeInput(new TestRecord<>(demo.getLeadId(), demo, headers, T0));

        TestRecord<String, QualificationDecided> decision = decisions.readRecord();
        assertEquals(TRACEPARENT, new String(decision.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldForwardNoTraceWhenTheConversionHadNone() {
        ConversionCaptured demo = TestConversions.salesReady("untraced@acme.example");
        conversions.pipeInput(demo.getLeadId(), demo, T0);

        assertNull(decisions.readRecord().headers().lastHeader("traceparent"));
    }

    @Test
    void shouldReportDecisionsStaleExpiriesAndRecycles() {
        conversions.pipeInput(null, null, T0); // unusable: no decision, nothing reported but the dead letter
        ConversionCaptured content = TestConversions.conversion("m.jones@acme.example", FormType.CONTENT_DOWNLOAD, "Acme",
                "Marketing Manager", "100", "US", T0);
        conversions.pipeInput(content.getLeadId(), content, T0);
        driver.advanceWallClockTime(Duration.ofDays(31));
        ConversionCaptured vp = TestConversions.salesReady("vp@acme.example");
        conversions.pipeInput(vp.getLeadId(), vp, T0);
        HandoffOutcomeRecorded rejected = TestConversions.closerRejected("vp@acme.example", T0.plus(Duration.ofDays(1)));
        outcomes.pipeInput(rejected.getLeadId(), rejected, T0.plus(Duration.ofDays(1)));

        assertEquals(List.of("decided MQL/null", "decided REJECTED/STALE", "stale", "decided SQL/null", "recycled"), reported);
    }
}
