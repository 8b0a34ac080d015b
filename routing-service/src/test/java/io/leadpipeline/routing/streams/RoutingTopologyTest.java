package io.leadpipeline.routing.streams;

import static io.leadpipeline.routing.domain.TestRules.alwaysOn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.leadpipeline.events.AssignmentStrategy;
import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.EngagementDetail;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.HandoffRejectionReason;
import io.leadpipeline.events.HandoffResponse;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.kafka.AvroBinaryEventSerdes;
import io.leadpipeline.kafka.DeadLetterMetrics;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.StreamsTracing;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.routing.TestDecisions;
import io.leadpipeline.routing.config.Stores;
import io.leadpipeline.routing.domain.Handoff;
import io.leadpipeline.routing.config.Topics;
import io.leadpipeline.routing.domain.CloserProfile;
import io.leadpipeline.routing.domain.CommandResult;
import io.leadpipeline.routing.domain.PoolStrategy;
import io.leadpipeline.routing.domain.QueueLanes;
import io.leadpipeline.routing.domain.RoutingCase;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.routing.domain.Rule;
import io.leadpipeline.routing.domain.RuleConditions;
import io.leadpipeline.routing.domain.TestRules;

/**
 * Proves the routing topology: exactly one handoff per SQL decision under duplicates; SLA expiry, reassignment and
 * escalation by wall-clock punctuation; closers' answers and availability arriving on their topics; trace context
 * carried from each input onto the events it causes; unusable input records dead-lettered while the next one is routed.
 */
class RoutingTopologyTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration SLA = Duration.ofHours(4);

    private final AvroBinaryEventSerdes serdes = new AvroBinaryEventSerdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, QualificationDecided> decisions;
    private TestInputTopic<String, HandoffResponseSubmitted> responses;
    private TestInputTopic<String, CloserAvailabilityChanged> availability;
    private TestOutputTopic<String, LeadHandedOff> handoffs;
    private TestOutputTopic<String, HandoffOutcomeRecorded> outcomes;
    private Map<String, TestOutputTopic<String, byte[]>> deadLetters;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RoutingMetrics metrics = RoutingMetrics.NONE;

    private void start(CloserProfile... closers) {
        start(TestRules.onePool(PoolStrategy.ROUND_ROBIN, closers));
    }

    private RoutingRules rules;
    @TempDir
    Path stateDir;

    private void start(RoutingRules rules) {
        start(() -> rules);
    }

    /** Under rules that may change while the topology runs, as the live rule set does. */
    private void start(java.util.function.Supplier<RoutingRules> liveRules) {
        this.rules = liveRules.get();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()); // not the shared default under java.io.tmpdir
        driver = new TopologyTestDriver(RoutingTopology.build(serdes, liveRules, Duration.ofSeconds(10), metrics, StreamsTracing.OFF),
                props, START);
        decisions = driver.createInputTopic(Topics.DECISIONS, Serdes.String().serializer(), serdes.valueSerde(QualificationDecided.class).serializer());
        responses = driver.createInputTopic(Topics.HANDOFF_RESPONSES, Serdes.String().serializer(),
                serdes.valueSerde(HandoffResponseSubmitted.class).serializer());
        availability = driver.createInputTopic(Topics.CLOSER_AVAILABILITY, Serdes.String().serializer(),
                serdes.valueSerde(CloserAvailabilityChanged.class).serializer());
        handoffs = driver.createOutputTopic(Topics.HANDOFFS, Serdes.String().deserializer(), serdes.valueSerde(LeadHandedOff.class).deserializer());
        outcomes = driver.createOutputTopic(Topics.HANDOFF_OUTCOMES, Serdes.String().deserializer(),
                serdes.valueSerde(HandoffOutcomeRecorded.class).deserializer());
        deadLetters = Map.of(Topics.DECISIONS, deadLetterTopic(Topics.DECISIONS),
                Topics.HANDOFF_RESPONSES, deadLetterTopic(Topics.HANDOFF_RESPONSES),
                Topics.CLOSER_AVAILABILITY, deadLetterTopic(Topics.CLOSER_AVAILABILITY));
        Metrics.globalRegistry.add(meters);
    }

    private TestOutputTopic<String, byte[]> deadLetterTopic(String source) {
        return driver.createOutputTopic(DeadLetters.topicFor(source), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void tearDown() {
        Metrics.globalRegistry.remove(meters);
        driver.close();
    }

    private QualificationDecided sql(String email) {
        QualificationDecided decision = TestDecisions.decision(email, LeadStage.SQL);
        decisions.pipeInput(decision.getLeadId(), decision);
        return decision;
    }

    private void answer(String commandId, LeadHandedOff handoff, HandoffResponse response, String reason, String note) {
        responses.pipeInput(handoff.getLeadId(), new HandoffResponseSubmitted(commandId, handoff.getHandoffId(), handoff.getLeadId(),
                response, reason, note, START));
    }

    @Test
    void shouldDeleteAnErasedLeadsCaseHandoffAndSnapshotAndHandItsSlotToTheNextLead() {
        start(alwaysOn("ava", 1));
        QualificationDecided erased = sql("erase.me@acme.example");
        LeadHandedOff handoff = handoffs.readValue();
        QualificationDecided waiting = sql("next.one@initech.example");
        assertTrue(handoffs.isEmpty(), "ava is full");
        TestInputTopic<String, EngagementTracked> engagements = driver.createInputTopic(Topics.ENGAGEMENTS,
                Serdes.String().serializer(), serdes.valueSerde(EngagementTracked.class).serializer());

        engagements.pipeInput(erased.getLeadId(), engagement(erased.getLeadId(), EngagementType.PAGE_VIEW));
        assertTrue(handoffs.isEmpty(), "a page view changes nothing at the desk");
        engagements.pipeInput(erased.getLeadId(), engagement(erased.getLeadId(), EngagementType.ERASURE_REQUESTED));

        assertEquals(waiting.getLeadId(), handoffs.readValue().getLeadId(), "ava's freed slot goes to the waiting lead");
        assertTrue(outcomes.isEmpty(), "no outcome for a lead that is gone");
        KeyValueStore<String, Handoff> handoffStore = driver.getKeyValueStore(Stores.HANDOFFS);
        KeyValueStore<String, Object> caseStore = driver.getKeyValueStore(Stores.ROUTING_CASES);
        KeyValueStore<String, Object> snapshots = driver.getKeyValueStore(Stores.ROUTED_DECISIONS);
        KeyValueStore<String, Object> leadCases = driver.getKeyValueStore(Stores.LEAD_CASES);
        assertNull(handoffStore.get(handoff.getHandoffId()));
        assertNull(caseStore.get(erased.getDecisionId()));
        assertNull(snapshots.get(erased.getDecisionId()), "the snapshot with the lead's contact details is deleted");
        assertNull(leadCases.get(erased.getLeadId()));
        assertNotNull(caseStore.get(waiting.getDecisionId()));
    }

    @Test
    void shouldNotHandOffADecisionMadeBeforeTheErasureWhenItIsReadAfterIt() {
        start(alwaysOn("ava", 10));
        QualificationDecided late = TestDecisions.decision("late.one@acme.example", LeadStage.SQL); // decided at START
        TestInputTopic<String, EngagementTracked> engagements = driver.createInputTopic(Topics.ENGAGEMENTS,
                Serdes.String().serializer(), serdes.valueSerde(EngagementTracked.class).serializer());
        EngagementTracked erasure = engagement(late.getLeadId(), EngagementType.ERASURE_REQUESTED);
        erasure.setOccurredAt(START.plusSeconds(60));
        engagements.pipeInput(late.getLeadId(), erasure);

        decisions.pipeInput(late.getLeadId(), late);

        assertTrue(handoffs.isEmpty(), "no closer gets a lead that was erased");
        KeyValueStore<String, Long> erased = driver.getKeyValueStore(Stores.ERASED_LEADS);
        assertEquals(START.plusSeconds(60).toEpochMilli(), erased.get(late.getLeadId()), "only the id and the time are kept");
        KeyValueStore<String, Object> caseStore = driver.getKeyValueStore(Stores.ROUTING_CASES);
        KeyValueStore<String, Object> snapshots = driver.getKeyValueStore(Stores.ROUTED_DECISIONS);
        assertNull(caseStore.get(late.getDecisionId()));
        assertNull(snapshots.get(late.getDecisionId()), "its contact details are not stored");

        QualificationDecided freshOptIn = TestDecisions.decision("late.one@acme.example", LeadStage.SQL);
        freshOptIn.setDecidedAt(START.plusSeconds(120));
        decisions.pipeInput(freshOptIn.getLeadId(), freshOptIn);
        assertEquals(freshOptIn.getDecisionId(), handoffs.readValue().getDecisionId(), "a decision after the erasure is a new lead");
    }

    @Test
    void shouldDeadLetterAnErasureKeyedByAnotherIdAndApplyTheNextOne() {
        start(alwaysOn("ava", 10));
        TestOutputTopic<String, byte[]> engagementDeadLetters = deadLetterTopic(Topics.ENGAGEMENTS);
        TestInputTopic<String, EngagementTracked> engagements = driver.createInputTopic(Topics.ENGAGEMENTS,
                Serdes.String().serializer(), serdes.valueSerde(EngagementTracked.class).serializer());
        QualificationDecided sql = sql("wrong.key@acme.example");
        handoffs.readValue();

        engagements.pipeInput("someone@acme.example", engagement(sql.getLeadId(), EngagementType.ERASURE_REQUESTED));
        engagements.pipeInput("other-lead", engagement("other-lead", EngagementType.PAGE_VIEW)); // not routing's: not checked
        engagements.pipeInput(sql.getLeadId(), engagement(sql.getLeadId(), EngagementType.ERASURE_REQUESTED));

        TestRecord<String, byte[]> dead = engagementDeadLetters.readRecord();
        assertTrue(engagementDeadLetters.isEmpty());
        assertEquals("someone@acme.example", dead.key());
        KeyValueStore<String, Long> erased = driver.getKeyValueStore(Stores.ERASED_LEADS);
        assertEquals(START.toEpochMilli(), erased.get(sql.getLeadId()), "the well-keyed erasure after it is applied");
        KeyValueStore<String, Object> caseStore = driver.getKeyValueStore(Stores.ROUTING_CASES);
        assertNull(caseStore.get(sql.getDecisionId()));
    }

    @Test
    void shouldCountEachAppliedErasureWithoutLabels() {
        RoutingRules rules = TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 10));
        metrics = new MicrometerRoutingMetrics(meters, io.leadpipeline.service.rules.LiveRules.fixed(io.leadpipeline.routing.config.RoutingRuleSet.RULE_SET, rules, rules.version()));
        start(rules);
        TestInputTopic<String, EngagementTracked> engagements = driver.createInputTopic(Topics.ENGAGEMENTS,
                Serdes.String().serializer(), serdes.valueSerde(EngagementTracked.class).serializer());
        QualificationDecided sql = sql("counted@acme.example");

        engagements.pipeInput(sql.getLeadId(), engagement(sql.getLeadId(), EngagementType.ERASURE_REQUESTED));
        engagements.pipeInput(sql.getLeadId(), engagement(sql.getLeadId(), EngagementType.ERASURE_REQUESTED)); // redelivered

        var counter = meters.get("routing.erasures").counter();
        assertEquals(1.0, counter.count());
        assertTrue(counter.getId().getTags().isEmpty(), "no lead id in the labels");
    }

    private static EngagementTracked engagement(String leadId, EngagementType type) {
        return EngagementTracked.newBuilder().setEngagementId("engagement-" + type + "-" + leadId).setLeadId(leadId)
                .setOccurredAt(START).setReceivedAt(START).setType(type).setSiteId("admin-api")
                .setDetail(EngagementDetail.newBuilder().build()).build();
    }

    @Test
    void shouldCarryTheDecisionsTraceparentOntoItsHandoffAndTheCloserAnswersOntoTheirOutcome() {
        start(alwaysOn("ava", 10));
        String decisionTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String answerTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        QualificationDecided decision = TestDecisions.decision("traced@acme.example", LeadStage.SQL);
        decisions.pipeInput(new TestRecord<>(decision.getLeadId(), decision, traceparent(decisionTrace), START));

        TestRecord<String, LeadHandedOff> handoff = handoffs.readRecord();
        assertEquals(decisionTrace, traceparentOf(handoff));
        responses.pipeInput(new TestRecord<>(decision.getLeadId(), new HandoffResponseSubmitted("cmd-traced",
                handoff.value().getHandoffId(), decision.getLeadId(), HandoffResponse.ACCEPT, null, null, START),
                traceparent(answerTrace), START));
        assertEquals(answerTrace, traceparentOf(outcomes.readRecord()));
    }

    private static RecordHeaders traceparent(String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", value.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String traceparentOf(TestRecord<String, ?> record) {
        var header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldHandOffAnSqlLeadWithItsSnapshotAndSla() {
        start(alwaysOn("ava", 10), alwaysOn("ben", 10));
        QualificationDecided sql = sql("vp@acme.example");

        List<LeadHandedOff> out = handoffs.readValuesToList();
        assertEquals(1, out.size());
        LeadHandedOff handoff = out.get(0);
        assertEquals(EventIds.derive("handoff", sql.getDecisionId(), "1"), handoff.getHandoffId());
        assertEquals(sql.getLeadId(), handoff.getLeadId());
        assertEquals(sql.getDecisionId(), handoff.getDecisionId());
        assertEquals("ava", handoff.getCloser().getId());
        assertEquals("ava@sales.example", handoff.getCloser().getEmail());
        assertEquals(List.of("sales", "catch-all", AssignmentStrategy.ROUND_ROBIN),
                List.of(handoff.getPool(), handoff.getMatchedRule(), handoff.getStrategy()));
        assertEquals(1, handoff.getAttempt());
        assertEquals(START, handoff.getHandedOffAt());
        assertEquals(START.plus(SLA), handoff.getSlaDueAt());
        assertEquals("Acme Corp", handoff.getLead().getContact().getCompany());
        assertEquals("intent.high-intent-form", handoff.getLead().getReasons().get(0).getRuleId());
        assertNull(handoff.getPreviousHandoffId());
        assertEquals(RoutingRules.UNVERSIONED, handoff.getRulesVersion());
    }

    @Test
    void shouldRouteUnderANewRulesVersionWithoutARestartAndMoveLeadsWaitingInAPoolItRemoved() {
        RoutingRules first = versioned(TestRules.onePool(PoolStrategy.ROUND_ROBIN, alwaysOn("ava", 1)), "sha256:first");
        java.util.concurrent.atomic.AtomicReference<RoutingRules> live = new java.util.concurrent.atomic.AtomicReference<>(first);
        start(live::get);
        sql("one@acme.example");
        QualificationDecided waiting = sql("two@initech.example"); // ava holds one, her capacity: it waits in pool sales

        RoutingRules second = versioned(TestRules.rules(List.of(alwaysOn("ava", 1), alwaysOn("ben", 5)),
                List.of(TestRules.pool("desk", PoolStrategy.ROUND_ROBIN, "ben")), List.of(TestRules.catchAll("desk"))), "sha256:second");
        live.set(second);
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        QualificationDecided next = sql("three@globex.example");

        List<LeadHandedOff> out = handoffs.readValuesToList();
        assertEquals(List.of("ava", "ben", "ben"), out.stream().map(h -> h.getCloser().getId()).toList());
        assertEquals(List.of("sha256:first", "sha256:second", "sha256:second"), out.stream().map(LeadHandedOff::getRulesVersion).toList(),
                "each handoff carries the version it was made under");
        assertEquals(List.of(waiting.getLeadId(), "desk"), List.of(out.get(1).getLeadId(), out.get(1).getPool()),
                "the lead waiting in the removed pool went to the pool the new rules route it to");
        assertEquals(next.getLeadId(), out.get(2).getLeadId());
    }

    private static RoutingRules versioned(RoutingRules rules, String version) {
        return new RoutingRules(rules.closers(), rules.pools(), rules.rules(), rules.sla(), rules.maxAttempts(), rules.escalationPool(),
                rules.accountMatching(), rules.accountMatchingIgnoredDomains(), version);
    }

    @Test
    void shouldMoveAQueueWrittenBeforeLanesIntoLanesAndHandItsLeadsOutFirst() {
        start(alwaysOn("ava", 10), alwaysOn("ben", 10));
        QualificationDecided waitedBeforeTheUpgrade = TestDecisions.decision("waited@acme.example", LeadStage.SQL);
        Instant queued = START.minus(Duration.ofMinutes(5));
        var facts = RoutingDeskProcessor.facts(waitedBeforeTheUpgrade);
        driver.<String, QualificationDecided>getKeyValueStore(Stores.ROUTED_DECISIONS).put(waitedBeforeTheUpgrade.getDecisionId(), waitedBeforeTheUpgrade);
        driver.<String, RoutingCase>getKeyValueStore(Stores.ROUTING_CASES).put(waitedBeforeTheUpgrade.getDecisionId(), RoutingCase.received(
                waitedBeforeTheUpgrade.getDecisionId(), waitedBeforeTheUpgrade.getLeadId(), facts, rules.ruleFor(facts), queued));
        KeyValueStore<String, String> waiting = driver.getKeyValueStore(Stores.WAITING_LEADS);
        waiting.put(QueueKeys.timeKey(queued, waitedBeforeTheUpgrade.getDecisionId()), waitedBeforeTheUpgrade.getDecisionId());

        QualificationDecided newcomer = sql("new@initech.example");

        assertEquals(List.of(waitedBeforeTheUpgrade.getDecisionId(), newcomer.getDecisionId()),
                handoffs.readValuesToList().stream().map(LeadHandedOff::getDecisionId).toList(), "the lead that waited goes first");
        try (var left = waiting.all()) {
            assertTrue(!left.hasNext(), "no queue entry is left behind");
        }
        assertEquals(0, driver.<String, Integer>getKeyValueStore(Stores.QUEUE_LANE_SIZES).get(QueueLanes.pool("sales")));
    }

    @Test
    void shouldForgetACommandResultAnHourAfterItsAnswerIncludingOnesWrittenBeforeTheExpiryIndex() {
        start(alwaysOn("ava", 10));
        KeyValueStore<String, AnsweredCommand> results = driver.getKeyValueStore(Stores.COMMAND_RESULTS);
        results.put("cmd-before-the-index", new AnsweredCommand(new CommandResult("cmd-before-the-index", "h-0", CommandResult.Status.NOT_FOUND,
                null), START.minus(Duration.ofMinutes(90))));
        sql("vp@acme.example");
        LeadHandedOff handoff = handoffs.readValue();
        answer("cmd-1", handoff, HandoffResponse.ACCEPT, null, null);

        driver.advanceWallClockTime(Duration.ofSeconds(10));
        boolean oldOneGone = results.get("cmd-before-the-index") == null;
        boolean freshOneKept = results.get("cmd-1") != null;
        driver.advanceWallClockTime(RoutingDeskProcessor.COMMAND_RESULT_RETENTION);

        assertTrue(oldOneGone, "a result older than the retention, written before the index, is dropped at the first tick");
        assertTrue(freshOneKept, "a result within the retention is kept");
        assertNull(results.get("cmd-1"), "dropped once the retention has passed");
        try (var index = driver.<String, String>getKeyValueStore(Stores.COMMAND_EXPIRY).all()) {
            List<String> left = new java.util.ArrayList<>();
            index.forEachRemaining(entry -> left.add(entry.key));
            assertEquals(List.of("~indexed"), left, "the expiry index keeps nothing for dropped results");
        }
    }

    @Test
    void shouldRouteATenThousandPersonCompanyByAMinimumSizeRuleWhetherItsEmployeesWereRecordedOrOnlyItsText() {
        start(TestRules.rules(List.of(alwaysOn("ent", 10), alwaysOn("rest", 10)),
                List.of(TestRules.pool("enterprise", PoolStrategy.ROUND_ROBIN, "ent"), TestRules.pool("general", PoolStrategy.ROUND_ROBIN, "rest")),
                List.of(new Rule("enterprise", new RuleConditions(Set.of(), 1000, null, Set.of(), Set.of(), Set.of()), "enterprise"),
                        TestRules.catchAll("general"))));
        QualificationDecided recorded = TestDecisions.decision("recorded@big.example", LeadStage.SQL);
        recorded.getLead().getContact().setCompanySize("10000");
        recorded.getLead().getContact().setEmployees(10000);
        QualificationDecided beforeEmployees = TestDecisions.decision("before@big.example", LeadStage.SQL);
        beforeEmployees.getLead().getContact().setCompanySize("10k"); // a record written before employees existed
        QualificationDecided small = TestDecisions.decision("small@shop.example", LeadStage.SQL);
        small.getLead().getContact().setCompanySize("500");
        small.getLead().getContact().setEmployees(500);

        for (QualificationDecided decision : List.of(recorded, beforeEmployees, small)) {
            decisions.pipeInput(decision.getLeadId(), decision);
        }

        Map<String, List<String>> routed = new HashMap<>();
        handoffs.readValuesToList().forEach(h -> routed.put(h.getLeadId(), List.of(h.getMatchedRule(), h.getPool())));
        assertEquals(Map.of(recorded.getLeadId(), List.of("enterprise", "enterprise"),
                beforeEmployees.getLeadId(), List.of("enterprise", "enterprise"),
                small.getLeadId(), List.of("catch-all", "general")), routed);
    }

    @Test
    void shouldHandOffOnlySqlDecisions() {
        start(alwaysOn("ava", 10));
        QualificationDecided rejected = TestDecisions.decision("student@gmail.com", LeadStage.REJECTED);
        QualificationDecided mql = TestDecisions.decision("reader@acme.example", LeadStage.MQL);
        decisions.pipeInput(rejected.getLeadId(), rejected);
        decisions.pipeInput(mql.getLeadId(), mql);

        assertEquals(List.of(), handoffs.readValuesToList());
    }

    @Test
    void shouldHandOffEachDecisionExactlyOnceUnderDuplicates() {
        start(alwaysOn("ava", 10), alwaysOn("ben", 10));
        QualificationDecided first = TestDecisions.decision("a@acme.example", LeadStage.SQL);
        QualificationDecided second = TestDecisions.decision("b@acme.example", LeadStage.SQL);
        decisions.pipeInput(first.getLeadId(), first);
        decisions.pipeInput(first.getLeadId(), first);
        decisions.pipeInput(second.getLeadId(), second);
        decisions.pipeInput(first.getLeadId(), first);
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        decisions.pipeInput(second.getLeadId(), second);

        List<LeadHandedOff> out = handoffs.readValuesToList();
        assertEquals(List.of(first.getDecisionId(), second.getDecisionId()), out.stream().map(LeadHandedOff::getDecisionId).toList());
        assertEquals(List.of("ava", "ben"), out.stream().map(h -> h.getCloser().getId()).toList(), "duplicates did not move the rotation");
    }

    @Test
    void shouldExpireAnUnansweredHandoffAndReassignItToTheNextCloser() {
        start(alwaysOn("ava", 10), alwaysOn("ben", 10));
        QualificationDecided sql = sql("vp@acme.example");
        LeadHandedOff first = handoffs.readValue();

        driver.advanceWallClockTime(SLA.minusSeconds(20));
        assertTrue(outcomes.isEmpty(), "not before the SLA is due");
        driver.advanceWallClockTime(Duration.ofSeconds(30));

        HandoffOutcomeRecorded expired = outcomes.readValue();
        assertEquals(List.of(first.getHandoffId(), "ava", HandoffOutcomeType.EXPIRED),
                List.of(expired.getHandoffId(), expired.getCloserId(), expired.getOutcome()));
        LeadHandedOff second = handoffs.readValue();
        assertEquals(EventIds.derive("handoff", sql.getDecisionId(), "2"), second.getHandoffId());
        assertEquals(2, second.getAttempt());
        assertEquals("ben", second.getCloser().getId());
        assertEquals(first.getHandoffId(), second.getPreviousHandoffId());
        assertEquals(second.getHandedOffAt().plus(SLA), second.getSlaDueAt());
        assertTrue(handoffs.isEmpty());
        assertEquals(0, driver.<String, Integer>getKeyValueStore(Stores.CLOSER_LOAD).get("ava"), "ava's capacity is free again");
    }

    @Test
    void shouldEscalateAfterMaxAttemptsAndKeepReassigningInTheEscalationPool() {
        start(alwaysOn("ava", 10), alwaysOn("ben", 10), alwaysOn("chen", 10));
        sql("vp@acme.example");

        for (int expiry = 0; expiry < 4; expiry++) {
            driver.advanceWallClockTime(SLA.plusSeconds(10));
        }

        List<LeadHandedOff> all = handoffs.readValuesToList();
        assertEquals(List.of("ava", "ben", "chen", "manager", "manager"), all.stream().map(h -> h.getCloser().getId()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), all.stream().map(LeadHandedOff::getAttempt).toList());
        assertEquals(List.of(false, false, false, true, true), all.stream().map(LeadHandedOff::getEscalated).toList());
        assertEquals("escalation", all.get(3).getPool());
        assertEquals(4, outcomes.readValuesToList().stream().filter(o -> o.getOutcome() == HandoffOutcomeType.EXPIRED).count());
    }

    @Test
    void shouldRecordAnAcceptedHandoffOnceAndStopItsSla() {
        start(alwaysOn("ava", 10));
        sql("vp@acme.example");
        LeadHandedOff handoff = handoffs.readValue();

        answer("cmd-1", handoff, HandoffResponse.ACCEPT, null, null);
        answer("cmd-1", handoff, HandoffResponse.ACCEPT, null, null);
        answer("cmd-2", handoff, HandoffResponse.ACCEPT, null, null);
        answer("cmd-3", handoff, HandoffResponse.REJECT, "NO_BUDGET", null);
        KeyValueStore<String, AnsweredCommand> results = driver.getKeyValueStore(Stores.COMMAND_RESULTS);
        assertEquals(CommandResult.Status.APPLIED, results.get("cmd-1").result().status());
        assertEquals(CommandResult.Status.ALREADY_APPLIED, results.get("cmd-2").result().status());
        assertEquals(CommandResult.Status.NO_LONGER_OPEN, results.get("cmd-3").result().status());
        driver.advanceWallClockTime(SLA.plusHours(1));

        List<HandoffOutcomeRecorded> recorded = outcomes.readValuesToList();
        assertEquals(1, recorded.size());
        assertEquals(HandoffOutcomeType.ACCEPTED, recorded.get(0).getOutcome());
        assertNull(recorded.get(0).getLead());
        assertTrue(handoffs.isEmpty(), "an accepted handoff does not expire");
        assertNull(results.get("cmd-1"), "answered commands are pruned after an hour");
    }

    @Test
    void shouldRecordARejectionWithTheLeadSnapshotAndFreeTheClosersCapacity() {
        start(alwaysOn("ava", 1));
        sql("vp@acme.example");
        QualificationDecided waiting = sql("cto@initech.example");
        LeadHandedOff handoff = handoffs.readValue();
        assertTrue(handoffs.isEmpty(), "ava is full: the second lead waits");

        answer("cmd-1", handoff, HandoffResponse.REJECT, "NO_BUDGET", "Budget frozen until Q3");

        HandoffOutcomeRecorded rejected = outcomes.readValue();
        assertEquals(HandoffOutcomeType.REJECTED, rejected.getOutcome());
        assertEquals(HandoffRejectionReason.NO_BUDGET, rejected.getReasonCode());
        assertEquals("Budget frozen until Q3", rejected.getNote());
        assertEquals("Acme Corp", rejected.getLead().getContact().getCompany());
        assertEquals(EventIds.derive("handoff-outcome", handoff.getHandoffId(), "REJECTED"), rejected.getOutcomeId());
        LeadHandedOff drained = handoffs.readValue();
        assertEquals(waiting.getDecisionId(), drained.getDecisionId(), "the waiting lead took the freed capacity");
    }

    @Test
    void shouldAnswerACommandForAnUnknownHandoffWithNotFound() {
        start(alwaysOn("ava", 1));
        responses.pipeInput("lead", new HandoffResponseSubmitted("cmd-9", "no-such-handoff", "lead", HandoffResponse.ACCEPT, null, null, START));

        assertEquals(CommandResult.Status.NOT_FOUND,
                driver.<String, AnsweredCommand>getKeyValueStore(Stores.COMMAND_RESULTS).get("cmd-9").result().status());
        assertTrue(outcomes.isEmpty());
    }

    @Test
    void shouldApplyAvailabilityFromItsTopicToTheNextAssignment() {
        start(alwaysOn("ava", 10), alwaysOn("ben", 10));
        availability.pipeInput("ava", new CloserAvailabilityChanged("c1", "ava", true, START.plus(Duration.ofDays(1)), START));
        sql("a@acme.example");
        sql("b@initech.example");
        availability.pipeInput("ava", new CloserAvailabilityChanged("c2", "ava", true, null, START));
        sql("c@globex.example");

        assertEquals(List.of("ben", "ben", "ava"), handoffs.readValuesToList().stream().map(h -> h.getCloser().getId()).toList());
    }

    // --- unusable records ---

    @Test
    void shouldDeadLetterADecisionKeyedByAnotherIdAndRouteTheNextOne() {
        start(alwaysOn("ava", 10));
        QualificationDecided misKeyed = TestDecisions.decision("someone@acme.example", LeadStage.SQL);
        decisions.pipeInput("someone@acme.example", misKeyed);
        QualificationDecided sql = sql("vp@acme.example");

        assertDeadLetter(Topics.DECISIONS, "someone@acme.example", misKeyed, 0,
                "Record key (20 characters) is not the leadId " + misKeyed.getLeadId());
        assertEquals(List.of(sql.getDecisionId()), handoffs.readValuesToList().stream().map(LeadHandedOff::getDecisionId).toList());
        assertTrue(outcomes.isEmpty());
    }

    @Test
    void shouldDeadLetterAnAnswerWithoutACommandIdAndApplyTheNextOne() {
        start(alwaysOn("ava", 10));
        sql("vp@acme.example");
        LeadHandedOff handoff = handoffs.readValue();
        HandoffResponseSubmitted anonymous = new HandoffResponseSubmitted(" ", handoff.getHandoffId(), handoff.getLeadId(),
                HandoffResponse.ACCEPT, null, null, START);
        responses.pipeInput(handoff.getLeadId(), anonymous);
        answer("cmd-1", handoff, HandoffResponse.REJECT, "NO_BUDGET", null);

        assertDeadLetter(Topics.HANDOFF_RESPONSES, handoff.getLeadId(), anonymous, 0,
                "No commandId: the answer cannot be deduplicated or reported back");
        List<HandoffOutcomeRecorded> recorded = outcomes.readValuesToList();
        assertEquals(List.of(HandoffOutcomeType.REJECTED), recorded.stream().map(HandoffOutcomeRecorded::getOutcome).toList(),
                "the dead-lettered accept was not applied");
        assertNull(driver.<String, AnsweredCommand>getKeyValueStore(Stores.COMMAND_RESULTS).get(" "));
        assertTrue(handoffs.isEmpty());
    }

    @Test
    void shouldDeadLetterAnAvailabilityChangeKeyedByAnotherCloserAndApplyTheNextOne() {
        start(alwaysOn("ava", 10), alwaysOn("ben", 10));
        CloserAvailabilityChanged misKeyed = new CloserAvailabilityChanged("c1", "ben", false, null, START);
        availability.pipeInput("ava", misKeyed);
        availability.pipeInput("ava", new CloserAvailabilityChanged("c2", "ava", false, null, START));
        sql("vp@acme.example");

        assertDeadLetter(Topics.CLOSER_AVAILABILITY, "ava", misKeyed, 0, "Record key (3 characters) is not the closerId ben");
        assertEquals(List.of("ben"), handoffs.readValuesToList().stream().map(h -> h.getCloser().getId()).toList(),
                "ava is away, ben was never taken out");
        assertNull(driver.getKeyValueStore(Stores.CLOSER_AVAILABILITY).get("ben"));
        assertTrue(outcomes.isEmpty());
    }

    /** Exactly one dead letter, on the source's .dlq and nowhere else: the source's bytes, the reason and where it was read. */
    private <V extends SpecificRecord> void assertDeadLetter(String source, String key, V value, long offset, String reason) {
        List<TestRecord<String, byte[]>> written = deadLetters.get(source).readRecordsToList();
        assertEquals(1, written.size(), "dead letters on " + DeadLetters.topicFor(source));
        TestRecord<String, byte[]> dead = written.get(0);
        assertEquals(key, dead.key());
        @SuppressWarnings("unchecked")
        Class<V> type = (Class<V>) value.getClass();
        assertArrayEquals(serdes.valueSerde(type).serializer().serialize(source, value), dead.value());
        assertEquals(Map.of(DeadLetters.HEADER_REASON, reason, DeadLetters.HEADER_EXCEPTION, DeadLetterMetrics.VALIDATION,
                DeadLetters.HEADER_SOURCE_TOPIC, source, DeadLetters.HEADER_SOURCE_PARTITION, "0",
                DeadLetters.HEADER_SOURCE_OFFSET, Long.toString(offset), DeadLetters.HEADER_SERVICE, "routing-service"),
                dlqHeaders(dead));
        deadLetters.forEach((topic, output) -> assertTrue(output.isEmpty(), "nothing on " + DeadLetters.topicFor(topic)));
        assertEquals(1.0, meters.get(DeadLetterMetrics.NAME).tags("service", "routing-service", "topic", DeadLetters.topicFor(source),
                "reason_kind", DeadLetterMetrics.VALIDATION).counter().count());
    }

    private static Map<String, String> dlqHeaders(TestRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(header -> {
            if (header.key().startsWith("dlq.")) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        });
        return headers;
    }
}
