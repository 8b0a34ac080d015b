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

    /** The lead whose accepted handoff made the domain's owner (so that erasing the lead forgets the owner it taught). */
    Optional<String> accountOwnerSource(String companyDomain);

    void putAccountOwnerSource(String companyDomain, String leadId);

    /** Forgets the domain's owner and where it was learned from. */
    void deleteAccountOwner(String companyDomain);

    /** The decisions of the lead that reached the desk, oldest first; empty for a lead the desk never saw. */
    Optional<LeadCases> leadCases(String leadId);

    void putLeadCases(String leadId, LeadCases cases);

    void deleteLeadCases(String leadId);

    void deleteCase(String decisionId);

    void deleteHandoff(String handoffId);

    /** When the lead was last erased, if it ever was: all the desk keeps of an erased lead (no personal data). */
    Optional<Instant> erasedAt(String leadId);

    void putErasedAt(String leadId, Instant erasedAt);

    /**
     * The first entry of a {@link QueueLanes lane} that comes after {@code after} in queue order, or the lane's head
     * when {@code after} is empty. Costs one ordered seek, however long the lane is.
     */
    Optional<QueueEntry> nextWaiting(String lane, Optional<QueueEntry> after);

    /** Puts the entry in the lane; putting it there again changes nothing. */
    void enqueue(String lane, QueueEntry entry);

    /** Takes the entry out of the lane, if it is there. */
    void dequeue(String lane, QueueEntry entry);

    /** How many entries the lane holds (kept as a count, not counted). */
    int waitingCount(String lane);

    /** Timers due at or before {@code now}, earliest first. */
    List<SlaTimer> timersDueBy(Instant now);

    void addTimer(SlaTimer timer);

    void removeTimer(SlaTimer timer);
}
