package io.leadpipeline.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Breaks the running pipeline on a seeded schedule spread over the load: SIGKILLs each service (mid-transaction, as
 * the load keeps them busy) and restarts it on the same state, SIGKILLs the broker and restarts it on the same data,
 * stops it cleanly once (full runs), and restarts the registry, which must come back with the same schemas.
 */
final class FaultInjector {

    enum Fault {
        KILL_CAPTURE("capture-service"), KILL_QUALIFICATION("qualification-service"), KILL_ROUTING("routing-service"),
        KILL_NURTURE("nurture-service"), KILL_BROKER(null), STOP_BROKER(null), RESTART_REGISTRY(null);

        final String service;

        Fault(String service) {
            this.service = service;
        }
    }

    /** What happened: which fault, when (seconds into the run), and how long until the part was back. */
    record Applied(Fault fault, double atSeconds, double downSeconds) {
    }

    private final RunningPipeline pipeline;
    private final Random random;
    private final List<Fault> schedule;
    private final List<Applied> applied = new CopyOnWriteArrayList<>();

    FaultInjector(RunningPipeline pipeline, long seed, boolean full) {
        this.pipeline = pipeline;
        this.random = new Random(seed * 31 + 7);
        List<Fault> faults = new ArrayList<>(List.of(Fault.KILL_CAPTURE, Fault.KILL_QUALIFICATION, Fault.KILL_ROUTING,
                Fault.KILL_NURTURE, Fault.KILL_BROKER, Fault.RESTART_REGISTRY));
        if (full) {
            faults.add(Fault.STOP_BROKER);
            faults.addAll(List.of(Fault.KILL_CAPTURE, Fault.KILL_QUALIFICATION, Fault.KILL_ROUTING, Fault.KILL_NURTURE));
        }
        Collections.shuffle(faults, random);
        this.schedule = List.copyOf(faults);
    }

    /** Applies every fault in turn over {@code span}, each at a random moment of its slot, waiting for recovery between. */
    void run(Duration span, long startedAtNanos) throws InterruptedException {
        long slotMillis = span.toMillis() / (schedule.size() + 1);
        for (int i = 0; i < schedule.size(); i++) {
            long target = startedAtNanos / 1_000_000 + slotMillis * (i + 1) - slotMillis / 2 + (long) (random.nextDouble() * slotMillis);
            long wait = target - System.nanoTime() / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            apply(schedule.get(i), startedAtNanos);
        }
    }

    private void apply(Fault fault, long startedAtNanos) throws InterruptedException {
        double at = (System.nanoTime() - startedAtNanos) / 1e9;
        long downStarted = System.nanoTime();
        long pause = 200 + random.nextInt(2_000); // how long the part stays down before its supervisor restarts it
        switch (fault) {
            case KILL_BROKER -> {
                pipeline.stack().killBroker();
                Thread.sleep(pause);
                pipeline.stack().startBroker();
            }
            case STOP_BROKER -> {
                pipeline.stack().stopBroker();
                Thread.sleep(pause);
                pipeline.stack().startBroker();
            }
            case RESTART_REGISTRY -> {
                pipeline.stack().stopRegistry();
                Thread.sleep(pause);
                pipeline.stack().startRegistry();
            }
            default -> {
                pipeline.kill(fault.service);
                Thread.sleep(pause);
                pipeline.restart(fault.service);
            }
        }
        double down = (System.nanoTime() - downStarted) / 1e9;
        applied.add(new Applied(fault, at, down));
        System.out.printf("chaos: %-18s at %6.1f s, back after %5.1f s%n", fault, at, down);
    }

    List<Applied> applied() {
        return List.copyOf(applied);
    }

    /** Kills (SIGKILL) by component, clean stops, and restarts. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Applied a : applied) {
            String kind = switch (a.fault()) {
                case STOP_BROKER -> "clean stops";
                case RESTART_REGISTRY -> "registry restarts";
                default -> "kills (SIGKILL)";
            };
            counts.merge(kind, 1, Integer::sum);
            counts.merge("restarts", 1, Integer::sum);
        }
        return counts;
    }
}
