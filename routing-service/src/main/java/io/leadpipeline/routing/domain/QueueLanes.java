package io.leadpipeline.routing.domain;

/**
 * The lanes of the waiting queue, each first in first out. Every waiting lead is in its pool's lane; a lead from a
 * company with an account owner is also in that owner's lane, so it reaches its owner even while its pool is full.
 * Lanes keep the desk's work per event independent of how many leads wait: a pool whose oldest lead cannot be
 * placed cannot place any younger lead either, so the desk looks at the head of each lane, not at every lead.
 */
public final class QueueLanes {

    private QueueLanes() {
    }

    public static String pool(String poolId) {
        return "pool:" + poolId;
    }

    public static String owner(String closerId) {
        return "owner:" + closerId;
    }
}
