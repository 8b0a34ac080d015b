package io.leadpipeline.routing.api;

import java.time.Instant;
import java.util.List;

/** A pool as GET /v1/pools shows it: its set-up, how many leads wait for it and since when the oldest waits. */
public record PoolView(String id, String strategy, List<String> members, String offHours, String overflowPool, int waiting,
        Instant oldestWaitingSince, int openHandoffs) {
}
