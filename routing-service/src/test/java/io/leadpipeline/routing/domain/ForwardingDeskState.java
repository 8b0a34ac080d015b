package io.leadpipeline.routing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A desk state that passes every call on: tests override what they want to watch. */
class ForwardingDeskState implements DeskState {

    private final DeskState delegate;

    ForwardingDeskState(DeskState delegate) {
        this.delegate = delegate;
    }

    @Override public Optional<RoutingCase> routingCase(String decisionId) { return delegate.routingCase(decisionId); }
    @Override public void putCase(RoutingCase routingCase) { delegate.putCase(routingCase); }
    @Override public Optional<Handoff> handoff(String handoffId) { return delegate.handoff(handoffId); }
    @Override public void putHandoff(Handoff handoff) { delegate.putHandoff(handoff); }
    @Override public int openHandoffs(String closerId) { return delegate.openHandoffs(closerId); }
    @Override public void putOpenHandoffs(String closerId, int count) { delegate.putOpenHandoffs(closerId, count); }
    @Override public Optional<Availability> availability(String closerId) { return delegate.availability(closerId); }
    @Override public void putAvailability(String closerId, Availability availability) { delegate.putAvailability(closerId, availability); }
    @Override public Optional<PoolRotation> rotation(String poolId) { return delegate.rotation(poolId); }
    @Override public void putRotation(String poolId, PoolRotation rotation) { delegate.putRotation(poolId, rotation); }
    @Override public Optional<String> accountOwner(String companyDomain) { return delegate.accountOwner(companyDomain); }
    @Override public void putAccountOwner(String companyDomain, String closerId) { delegate.putAccountOwner(companyDomain, closerId); }
    @Override public Optional<String> accountOwnerSource(String companyDomain) { return delegate.accountOwnerSource(companyDomain); }
    @Override public void putAccountOwnerSource(String companyDomain, String leadId) { delegate.putAccountOwnerSource(companyDomain, leadId); }
    @Override public void deleteAccountOwner(String companyDomain) { delegate.deleteAccountOwner(companyDomain); }
    @Override public Optional<LeadCases> leadCases(String leadId) { return delegate.leadCases(leadId); }
    @Override public void putLeadCases(String leadId, LeadCases cases) { delegate.putLeadCases(leadId, cases); }
    @Override public void deleteLeadCases(String leadId) { delegate.deleteLeadCases(leadId); }
    @Override public void deleteCase(String decisionId) { delegate.deleteCase(decisionId); }
    @Override public void deleteHandoff(String handoffId) { delegate.deleteHandoff(handoffId); }
    @Override public Optional<Instant> erasedAt(String leadId) { return delegate.erasedAt(leadId); }
    @Override public void putErasedAt(String leadId, Instant erasedAt) { delegate.putErasedAt(leadId, erasedAt); }
    @Override public Optional<QueueEntry> nextWaiting(String lane, Optional<QueueEntry> after) { return delegate.nextWaiting(lane, after); }
    @Override public void enqueue(String lane, QueueEntry entry) { delegate.enqueue(lane, entry); }
    @Override public void dequeue(String lane, QueueEntry entry) { delegate.dequeue(lane, entry); }
    @Override public int waitingCount(String lane) { return delegate.waitingCount(lane); }
    @Override public List<SlaTimer> timersDueBy(Instant now) { return delegate.timersDueBy(now); }
    @Override public void addTimer(SlaTimer timer) { delegate.addTimer(timer); }
    @Override public void removeTimer(SlaTimer timer) { delegate.removeTimer(timer); }
}
