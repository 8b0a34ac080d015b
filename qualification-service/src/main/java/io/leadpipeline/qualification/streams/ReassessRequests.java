package io.leadpipeline.qualification.streams;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The "re-assess all leads" requests of this instance: the HTTP API raises the generation, and every stream task of
 * the instance re-assesses the leads of its partitions once per generation, on its own thread (so its decisions go
 * out in its transaction), counting what it moved.
 */
public final class ReassessRequests {

    /** For topology tests that never re-assess. */
    public static final ReassessRequests NONE = new ReassessRequests();

    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong moved = new AtomicLong();

    /** Asks every task for one re-assessment; returns the generation asked for. */
    public long request() {
        return requested.incrementAndGet();
    }

    long requested() {
        return requested.get();
    }

    void moved(long leads) {
        moved.addAndGet(leads);
    }

    /** Leads moved to another stage by re-assessments on this instance since it started. */
    public long movedSoFar() {
        return moved.get();
    }
}
