package io.leadpipeline.opsconsole.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.leadpipeline.opsconsole.config.ConsoleSettings;
import io.leadpipeline.opsconsole.messaging.GroupLagMonitor;
import io.leadpipeline.opsconsole.messaging.PipelineReader;
import io.leadpipeline.opsconsole.messaging.ReaderStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready while the reader thread runs, polls (it comes back to Kafka every few seconds even while the registry does
 * not answer: one that has not for a minute, or four registry timeouts if longer, is stuck) and Kafka answered
 * recently (within three lag checks, at least 15 s); the reader's state, last poll and progress are in the check's data.
 */
@Readiness
@ApplicationScoped
public class ReaderReadiness implements HealthCheck {

    private static final Duration MIN_GRACE = Duration.ofSeconds(15);
    private static final Duration MIN_STALL = Duration.ofMinutes(1);

    private final PipelineReader reader;
    private final GroupLagMonitor kafka;
    private final Duration grace;
    private final Duration stall;
    private final Clock clock;

    ReaderReadiness(PipelineReader reader, GroupLagMonitor kafka, ConsoleSettings settings, Clock clock) {
        this.reader = reader;
        this.kafka = kafka;
        Duration threeChecks = settings.lagInterval().multipliedBy(3);
        this.grace = threeChecks.compareTo(MIN_GRACE) > 0 ? threeChecks : MIN_GRACE;
        Duration fourRegistryCalls = settings.registryTimeout().multipliedBy(4);
        this.stall = fourRegistryCalls.compareTo(MIN_STALL) > 0 ? fourRegistryCalls : MIN_STALL;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        ReaderStatus status = reader.status();
        Instant now = clock.instant();
        Instant answered = kafka.kafkaAnsweredAt();
        boolean kafkaAnswers = answered != null && answered.plus(grace).isAfter(now);
        Instant polled = status.lastPollAt();
        boolean polling = polled != null && polled.plus(stall).isAfter(now);
        return HealthCheckResponse.named("pipeline-reader")
                .status(reader.isRunning() && polling && kafkaAnswers)
                .withData("kafka", kafkaAnswers ? "answers" : "no answer" + (answered == null ? " yet" : " since " + answered))
                .withData("polling", polling ? "yes" : polled == null ? "not yet" : "stuck since " + polled)
                .withData("state", status.state())
                .withData("assignedPartitions", status.assignedPartitions())
                .withData("recordsRead", status.recordsRead())
                .withData("caughtUp", status.caughtUp())
                .build();
    }
}
