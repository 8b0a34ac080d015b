package io.leadpipeline.opsconsole.api;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.leadpipeline.opsconsole.messaging.PipelineReader;
import io.leadpipeline.opsconsole.messaging.ReaderStatus;
import jakarta.enterprise.context.ApplicationScoped;

/** Ready once the reader thread runs; its state and progress are in the check's data. */
@Readiness
@ApplicationScoped
public class ReaderReadiness implements HealthCheck {

    private final PipelineReader reader;

    ReaderReadiness(PipelineReader reader) {
        this.reader = reader;
    }

    @Override
    public HealthCheckResponse call() {
        ReaderStatus status = reader.status();
        return HealthCheckResponse.named("pipeline-reader")
                .status(reader.isRunning())
                .withData("state", status.state())
                .withData("assignedPartitions", status.assignedPartitions())
                .withData("recordsRead", status.recordsRead())
                .withData("caughtUp", status.caughtUp())
                .build();
    }
}
