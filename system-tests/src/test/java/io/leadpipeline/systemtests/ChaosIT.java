package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Proves no lead is lost or duplicated when every part of the pipeline crashes: each service and the broker are
 * SIGKILLed under load and restarted, the registry restarted, and then every acknowledged lead is counted on every
 * topic. The suite runs a short seed; {@code ./pipeline chaos} runs the long ones (see docs/reliability.md).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SharedPipeline.OWN_PIPELINE_LANE)
class ChaosIT {

    @Test
    void shouldLoseAndDuplicateNothingWhenEveryPartCrashesUnderLoad() throws Exception {
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        System.out.println("chaos: " + settings.describe());
        List<ChaosRun.Report> reports = new ArrayList<>();
        for (long seed : settings.seeds()) {
            ChaosRun.Report report = new ChaosRun(settings, seed).run();
            System.out.print(report.text());
            reports.add(report);
        }
        int lost = reports.stream().mapToInt(ChaosRun.Report::lost).sum();
        int duplicated = reports.stream().mapToInt(ChaosRun.Report::duplicated).sum();
        System.out.printf("chaos: %d seeds, %d leads: lost = %d, duplicated = %d%n", reports.size(),
                reports.stream().mapToInt(ChaosRun.Report::leads).sum(), lost, duplicated);
        assertEquals(0, lost, "lost leads or events");
        assertEquals(0, duplicated, "duplicated events");
        for (ChaosRun.Report report : reports) {
            assertEquals(0, report.audit().wrong(), "wrong outcomes under seed " + report.seed() + ":\n" + report.text());
            assertEquals(0, report.deadLetters(), "dead letters for valid input under seed " + report.seed());
            assertEquals(Map.of(), report.personalDataInLogs(), "log lines naming a lead, under seed " + report.seed());
            assertTrue(report.faults().getOrDefault("kills (SIGKILL)", 0) >= 5, "every service and the broker were killed: " + report.faults());
        }
    }
}
