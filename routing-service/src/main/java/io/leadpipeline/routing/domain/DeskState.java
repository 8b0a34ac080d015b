package io.leadpipeline.routing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the routing desk remembers. In the service these are Kafka Streams stores owned by the single desk
 * task (changelogged, exactly once); in unit tests plain maps.
 */
public interface DeskState {

    Optional<RoutingCase> routingCase(String decisionId);

    void putCase(RoutingCase routingCase);

    Optional<Handoff> handoff(String handoffId);

    void putHandoff(Handoff handoff);

    int openHandoffs(String closerId);

    void putOpenHandoffs(String closerId, int count);

    Optional<Availability> availability(String closerId);

    void putAvailability(String closerId, Availability availability);

    Optional<PoolRotation> rotation(String poolId);

    void putRotation(String poolId, PoolRotation rotation);

    Optional<String> accountOwner(String companyDomain);

    void putAccountOwner(String companyDomain, String closerId);

    /** Waiting leads, first in first out. */
    List<QueueEntry> queue();

    void enqueue(QueueEntry entry);

    void dequeue(QueueEntry entry);

    /** Timers due at or before {@code now}, earliest first. */
    List<SlaTimer> timersDueBy(Instant now);

    void addTimer(SlaTimer timer);

    void removeTimer(SlaTimer timer);
}
