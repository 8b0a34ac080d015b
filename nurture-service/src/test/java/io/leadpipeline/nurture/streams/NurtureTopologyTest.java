package io.leadpipeline.nurture.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.HandoffOutcomeType;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.NurtureEnrolled;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.NurtureExitReason;
import io.leadpipeline.events.NurtureExited;
import io.leadpipeline.events.NurtureTouchDue;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.events.SuppressionReason;
import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.kafka.AvroBinaryEventSerdes;
import io.leadpipeline.kafka.DeadLetterMetrics;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.EventIds;
import io.leadpipeline.nurture.TestDecisions;
import io.leadpipeline.nurture.TestRules;
import io.leadpipeline.nurture.config.Stores;
import io.leadpipeline.nurture.config.Topics;
import io.leadpipeline.nurture.domain.LeadNurture;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.domain.TouchStatus;

/**
 * Proves the nurture state machine on the topology, with wall-clock punctuation: enrollment per reason and persona,
 * touches at the right times (quiet hours included), every exit (disqualification included, written once), consent,
 * no double or duplicate enrollment, none while disqualified, re-enrollment after the cool-down and parking past the
 * cycle cap; trace context carried onto caused events; unusable input records dead-lettered while the next one is
 * nurtured; every enrollment change and touch tagged with the version of the rules it was decided under, and a new
 * version applied from the next record or punctuation on, without a restart.
 */
class NurtureTopologyTest {

    private static final Instant MONDAY_10_UTC = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration CHECK = Duration.ofSeconds(10);

    private final AvroBinaryEventSerdes serdes = new AvroBinaryEventSerdes();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private TopologyTestDriver driver;
    private Instant now;
    private TestInputTopic<String, QualificationDecided> decisions;
    private TestInputTopic<String, HandoffOutcomeRecorded> outcomes;
    private TestInputTopic<String, EngagementTracked> engagements;
    private TestOutputTopic<String, NurtureEnrollmentChanged> enrollments;
    private TestOutputTopic<String, NurtureTouchDue> touches;
    private Map<String, TestOutputTopic<String, byte[]>> deadLetters;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The rules the topology reads; the helpers check every event they read carries their version. */
    private Supplier<NurtureRules> rules;

    private void start(NurtureRules fixed, Instant startAt) {
        start(() -> fixed, startAt);
    }

    private void start(Supplier<NurtureRules> live, Instant startAt) {
        rules = live;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "nurture-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(NurtureTopology.build(serdes, live, CHECK, metrics), props, startAt);
        now = startAt;
        decisions = driver.createInputTopic(Topics.DECISIONS, Serdes.String().serializer(),
                serdes.valueSerde(QualificationDecided.class).serializer());
        outcomes = driver.createInputTopic(Topics.HANDOFF_OUTCOMES, Serdes.String().serializer(),
                serdes.valueSerde(HandoffOutcomeRecorded.class).serializer());
        engagements = driver.createInputTopic(Topics.ENGAGEMENTS, Serdes.String().serializer(),
                serdes.valueSerde(EngagementTracked.class).serializer());
        enrollments = driver.createOutputTopic(Topics.NURTURE_ENROLLMENTS, Serdes.String().deserializer(),
                serdes.valueSerde(NurtureEnrollmentChanged.class).deserializer());
        touches = driver.createOutputTopic(Topics.NURTURE_TOUCHES, Serdes.String().deserializer(),
                serdes.valueSerde(NurtureTouchDue.class).deserializer());
        deadLetters = new HashMap<>();
        for (String input : Topics.INPUTS) {
            deadLetters.put(input, driver.createOutputTopic(DeadLetters.topicFor(input), Serdes.String().deserializer(),
                    Serdes.ByteArray().deserializer()));
        }
        Metrics.globalRegistry.add(meters);
    }

    private void start() {
        start(TestRules.rules(), MONDAY_10_UTC);
    }

    @AfterEach
    void tearDown() {
        Metrics.globalRegistry.remove(meters);
        if (driver != null) {
            driver.close();
        }
    }

    // --- trace context ---

    @Test
    void shouldCarryTheDecisionsTraceparentOntoTheEnrollmentAndTheExitItCauses() {
        start();
        String rejectedTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String qualifiedTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        QualificationDecided rejected = TestDecisions.rejected("traced@gmail.com", RejectionReason.NOT_A_FIT, true);
        decisions.pipeInput(new TestRecord<>(rejected.getLeadId(), rejected, traceparent(rejectedTrace), now));
        assertEquals(rejectedTrace, traceparentOf(enrollments.readRecord()));

        QualificationDecided qualified = TestDecisions.decision("traced@gmail.com", LeadStage.SQL);
        decisions.pipeInput(new TestRecord<>(qualified.getLeadId(), qualified, traceparent(qualifiedTrace), now));
        TestRecord<String, NurtureEnrollmentChanged> exit = enrollments.readRecord();
        assertInstanceOf(NurtureExited.class, exit.value().getChange());
        assertEquals(qualifiedTrace, traceparentOf(exit));
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

    // --- rules versions ---

    @Test
    void shouldTagEveryEnrollmentChangeAndTouchWithTheRulesVersionAndApplyANewVersionWithoutARestart() {
        NurtureRules first = TestRules.rules();
        NurtureRules revised = TestRules.parse(TestRules.YAML.replace("template: nurture-2", "template: nurture-2-revised"));
        assertNotEquals(first.version(), revised.version());
        AtomicReference<NurtureRules> live = new AtomicReference<>(first);
        start(live::get, MONDAY_10_UTC);

        reject("versions@gmail.com", RejectionReason.NOT_A_FIT);
        List<NurtureEnrollmentChanged> enrolled = enrollments.readValuesToList();
        assertEquals(1, enrolled.size(), enrolled.toString());
        assertInstanceOf(NurtureEnrolled.class, enrolled.get(0).getChange());
        assertEquals(first.version(), enrolled.get(0).getRulesVersion());
        assertEquals(TestRules.VERSION, enrolled.get(0).getRulesVersion());
        advance(CHECK);
        List<NurtureTouchDue> welcome = touches.readValuesToList();
        assertEquals(List.of("nurture-1"), welcome.stream().map(NurtureTouchDue::getTemplate).toList());
        assertEquals(first.version(), welcome.get(0).getRulesVersion());

        live.set(revised); // a new version arrives on lead.rules: the running topology picks it up
        advance(Duration.ofDays(2));
        List<NurtureTouchDue> second = touches.readValuesToList();
        assertEquals(List.of("nurture-2-revised"), second.stream().map(NurtureTouchDue::getTemplate).toList(),
                "the step due now is sent under the version current now");
        assertEquals(revised.version(), second.get(0).getRulesVersion());
        pipe(TestDecisions.decision("versions@gmail.com", LeadStage.SQL));
        List<NurtureEnrollmentChanged> exited = enrollments.readValuesToList();
        assertEquals(1, exited.size(), exited.toString());
        assertInstanceOf(NurtureExited.class, exited.get(0).getChange());
        assertEquals(revised.version(), exited.get(0).getRulesVersion());
    }

    // --- enrollment ---

    @Test
    void shouldEnrollANotAFitLeadInItsTrackAndCountIt() {
        start();
        QualificationDecided rejected = reject("student@gmail.com", RejectionReason.NOT_A_FIT);

        NurtureEnrolled enrolled = onlyEnrolled();
        assertEquals(rejected.getLeadId(), enrolled.getLeadId());
        assertEquals("nurture", enrolled.getTrack());
        assertEquals(NurtureEnrollmentReason.NOT_A_FIT, enrolled.getReason());
        assertEquals(1, enrolled.getCycle());
        assertEquals(rejected.getDecisionId(), enrolled.getSourceEventId());
        assertEquals(now, enrolled.getEnrolledAt());
        assertFalse(enrolled.getSuppressed());
        assertNull(enrolled.getSuppressionReason());
        assertEquals(1L, counts().get(Stores.activeCountKey("nurture")));
    }

    @Test
    void shouldEnrollByPersona() {
        start();
        QualificationDecided webinar = TestDecisions.rejected("webinar@example.org", RejectionReason.LOW_SCORE, true);
        webinar.setGrade(io.leadpipeline.events.Grade.D);
        webinar.getLead().setFormType(io.leadpipeline.events.FormType.WEBINAR_REGISTRATION);
        QualificationDecided teacher = TestDecisions.rejected("teacher@school.example", RejectionReason.NOT_A_FIT, true);
        teacher.getLead().getContact().setIndustry("Education");
        pipe(webinar);
        pipe(teacher);

        List<String> tracks = enrollments.readValuesToList().stream().map(e -> ((NurtureEnrolled) e.getChange()).getTrack()).toList();
        assertEquals(List.of("webinar", "education"), tracks);
    }

    @Test
    void shouldNotNurtureDisqualifiedOrQualifiedLeads() {
        start();
        reject("spy@rival.example", RejectionReason.DISQUALIFIED_COMPETITOR);
        pipe(TestDecisions.decision("vp@acme.example", LeadStage.SQL));
        pipe(TestDecisions.decision("mql@acme.example", LeadStage.MQL));

        assertEquals(List.of(), enrollments.readValuesToList());
        assertNull(leads().get(TestDecisions.decision("vp@acme.example", LeadStage.SQL).getLeadId()), "nothing kept about them");
    }

    @Test
    void shouldEnrollOnceWhenTheSameRejectionArrivesAgainEvenAfterTheTrackEnded() {
        start(TestRules.withReenrollment("0d", 3), MONDAY_10_UTC);
        QualificationDecided rejected = reject("twice@acme.example", RejectionReason.LOW_SCORE); // fit-warm-up: one step
        pipe(rejected);
        advance(CHECK);
        pipe(rejected);

        List<NurtureEnrollmentChanged> changes = enrollments.readValuesToList();
        assertEquals(2, changes.size(), "enrolled, then completed; the duplicate does nothing");
        assertInstanceOf(NurtureEnrolled.class, changes.get(0).getChange());
        assertEquals(NurtureExitReason.COMPLETED, ((NurtureExited) changes.get(1).getChange()).getReason());
        assertEquals(1, touches.readValuesToList().size());
    }

    @Test
    void shouldNeverPutALeadInTwoActiveEnrollments() {
        start();
        QualificationDecided first = reject("busy@gmail.com", RejectionReason.NOT_A_FIT);
        QualificationDecided stale = TestDecisions.rejected("busy@gmail.com", RejectionReason.STALE, true);
        pipe(stale);
        outcomes.pipeInput(first.getLeadId(), TestDecisions.outcome(first, HandoffOutcomeType.REJECTED), now);

        assertEquals("nurture", onlyEnrolled().getTrack());
        assertEquals(1, leads().get(first.getLeadId()).enrollments().size());
    }

    // --- cadence ---

    @Test
    void shouldWriteEachTouchWhenItsStepIsDueAndCompleteTheTrack() {
        start();
        QualificationDecided rejected = reject("reader@gmail.com", RejectionReason.NOT_A_FIT);
        String enrollmentId = onlyEnrolled().getEnrollmentId();

        advance(CHECK);
        NurtureTouchDue first = onlyTouch();
        assertEquals(rejected.getLeadId(), first.getLeadId());
        assertEquals(enrollmentId, first.getEnrollmentId());
        assertEquals("nurture", first.getTrack());
        assertEquals(1, first.getStep());
        assertEquals("nurture-1", first.getTemplate());
        assertEquals(TouchChannel.EMAIL, first.getChannel());
        assertEquals(MONDAY_10_UTC, first.getDueAt());
        assertEquals("reader@gmail.com", first.getRecipient().getEmail());
        assertEquals("Robin", first.getRecipient().getFirstName());
        Instant firstSent = now;

        advance(Duration.ofDays(2).minus(CHECK));
        assertTrue(touches.isEmpty(), "step 2 is due 2 days after step 1, not before");
        advance(CHECK);
        NurtureTouchDue second = onlyTouch();
        assertEquals(2, second.getStep());
        assertEquals(firstSent.plus(Duration.ofDays(2)), second.getDueAt());

        advance(Duration.ofDays(3));
        assertEquals(3, onlyTouch().getStep());
        assertEquals(NurtureExitReason.COMPLETED, onlyExited().getReason());
        runFor(Duration.ofDays(30));
        assertTrue(touches.isEmpty());
        assertTrue(enrollments.isEmpty());

        LeadNurture lead = leads().get(rejected.getLeadId());
        assertEquals(List.of(1, 2, 3), lead.enrollments().get(0).touches().stream().map(t -> t.step()).toList());
        assertEquals(3, lead.enrollments().get(0).touches().stream().map(t -> t.touchId()).distinct().count(), "one touch id per step");
        assertEquals(0L, counts().get(Stores.activeCountKey("nurture")));
        assertEquals(3, metrics.sent);
    }

    @Test
    void shouldHoldATouchDueInTheLeadsQuietHoursUntilMorningInItsTimezone() {
        Instant evening = Instant.parse("2026-03-02T19:30:00Z"); // 20:30 in Berlin: quiet until 08:00 Berlin = 07:00 UTC
        start(TestRules.rules(), evening);
        QualificationDecided rejected = TestDecisions.rejected("leser@gmail.example", RejectionReason.NOT_A_FIT, true);
        rejected.getLead().getContact().setCountry("DE");
        pipe(rejected);

        advance(Duration.between(evening, Instant.parse("2026-03-03T06:59:55Z")));
        assertTrue(touches.isEmpty(), "nothing during the night in Berlin");
        advance(CHECK);
        NurtureTouchDue touch = onlyTouch();
        assertEquals(Instant.parse("2026-03-03T07:00:00Z"), touch.getDueAt());
        assertEquals("DE", touch.getRecipient().getCountry());
    }

    @Test
    void shouldSendTheTouchOnScheduleWhenTheLeadsTimezoneIsUnknown() {
        Instant evening = Instant.parse("2026-03-02T22:30:00Z");
        start(TestRules.rules(), evening);
        reject("nowhere@gmail.example", RejectionReason.NOT_A_FIT);
        advance(CHECK);
        assertEquals(evening, onlyTouch().getDueAt());
    }

    // --- exits ---

    @Test
    void shouldExitWhenTheLeadQualifiesMidTrackAndSendNothingMore() {
        start();
        QualificationDecided rejected = reject("comeback@gmail.com", RejectionReason.NOT_A_FIT);
        advance(CHECK);
        onlyTouch();
        enrollments.readValuesToList();

        advance(Duration.ofDays(1));
        pipe(TestDecisions.decision("comeback@gmail.com", LeadStage.SQL));
        NurtureExited exited = onlyExited();
        assertEquals(NurtureExitReason.QUALIFIED, exited.getReason());
        assertEquals(now, exited.getExitedAt());
        assertEquals(1, exited.getCycle());

        runFor(Duration.ofDays(30));
        assertTrue(touches.isEmpty(), "no touch after the exit");
        assertEquals(NurtureExitReason.QUALIFIED, leads().get(rejected.getLeadId()).enrollments().get(0).exitReason());
    }

    @Test
    void shouldExitOnAnMqlDecisionAndOnAnAcceptedHandoff() {
        start();
        QualificationDecided a = reject("a@gmail.com", RejectionReason.NOT_A_FIT);
        QualificationDecided b = reject("b@gmail.com", RejectionReason.NOT_A_FIT);
        enrollments.readValuesToList();
        pipe(TestDecisions.decision("a@gmail.com", LeadStage.MQL));
        outcomes.pipeInput(b.getLeadId(), TestDecisions.outcome(b, HandoffOutcomeType.ACCEPTED), now);

        List<NurtureExitReason> reasons = enrollments.readValuesToList().stream().map(e -> ((NurtureExited) e.getChange()).getReason()).toList();
        assertEquals(List.of(NurtureExitReason.QUALIFIED, NurtureExitReason.HANDED_OFF), reasons);
        assertFalse(leads().get(a.getLeadId()).active().isPresent());
    }

    @Test
    void shouldStopOnUnsubscribeAndNeverEmailTheLeadAgain() {
        start(TestRules.withReenrollment("1d", 3), MONDAY_10_UTC);
        QualificationDecided rejected = reject("bye@gmail.com", RejectionReason.NOT_A_FIT);
        advance(CHECK);
        onlyTouch();
        enrollments.readValuesToList();

        engagements.pipeInput(rejected.getLeadId(), TestDecisions.engagement(rejected.getLeadId(), EngagementType.UNSUBSCRIBED), now);
        assertEquals(NurtureExitReason.UNSUBSCRIBED, onlyExited().getReason());
        runFor(Duration.ofDays(10));
        assertTrue(touches.isEmpty());

        reject("bye@gmail.com", RejectionReason.LOW_SCORE); // rejected again after the cool-down: enrolled, but suppressed
        NurtureEnrolled again = onlyEnrolled();
        assertEquals(2, again.getCycle());
        assertTrue(again.getSuppressed());
        assertEquals(SuppressionReason.UNSUBSCRIBED, again.getSuppressionReason());
        runFor(Duration.ofDays(60));
        assertTrue(touches.isEmpty(), "an unsubscribe is permanent");
        assertTrue(leads().get(rejected.getLeadId()).unsubscribed());
    }

    @Test
    void shouldRememberAnUnsubscribeFromALeadNeverEnrolled() {
        start();
        String leadId = TestDecisions.decision("early@gmail.com", LeadStage.REJECTED).getLeadId();
        engagements.pipeInput(leadId, TestDecisions.engagement(leadId, EngagementType.UNSUBSCRIBED), now);
        assertTrue(enrollments.isEmpty(), "nothing to exit");

        reject("early@gmail.com", RejectionReason.NOT_A_FIT);
        assertEquals(SuppressionReason.UNSUBSCRIBED, onlyEnrolled().getSuppressionReason());
        runFor(Duration.ofDays(10));
        assertTrue(touches.isEmpty());
    }

    @Test
    void shouldExitAndForgetThePersonalDataOnErasure() {
        start();
        QualificationDecided rejected = reject("forget-me@gmail.com", RejectionReason.NOT_A_FIT);
        advance(CHECK);
        onlyTouch();
        enrollments.readValuesToList();

        engagements.pipeInput(rejected.getLeadId(), TestDecisions.engagement(rejected.getLeadId(), EngagementType.ERASURE_REQUESTED), now);
        assertEquals(NurtureExitReason.ERASED, onlyExited().getReason());
        runFor(Duration.ofDays(30));
        assertTrue(touches.isEmpty());
        LeadNurture lead = leads().get(rejected.getLeadId());
        assertTrue(lead.erased());
        assertNull(lead.contact(), "email and names are gone from the store");
        assertEquals(1, lead.enrollments().size(), "the anonymous history stays");
    }

    @Test
    void shouldEndTheEnrollmentOfALeadDisqualifiedMidTrackOnceAndSendNothingMore() {
        start();
        QualificationDecided rejected = reject("bot@gmail.com", RejectionReason.NOT_A_FIT); // nurture: 0h, 2d, 3d
        String leadId = rejected.getLeadId();
        String enrollmentId = onlyEnrolled().getEnrollmentId();
        advance(CHECK);
        assertEquals(1, onlyTouch().getStep());

        advance(Duration.ofDays(1));
        QualificationDecided spam = TestDecisions.rejected("bot@gmail.com", RejectionReason.DISQUALIFIED_SPAM, true);
        pipe(spam);
        NurtureEnrollmentChanged exit = NurtureEnrollmentChanged.newBuilder()
                .setEventId(EventIds.derive("enrollment-changed", enrollmentId, "exited"))
                .setLeadId(leadId)
                .setOccurredAt(now)
                .setChange(NurtureExited.newBuilder().setEnrollmentId(enrollmentId).setLeadId(leadId).setTrack("nurture")
                        .setReason(NurtureExitReason.DISQUALIFIED).setCycle(1).setExitedAt(now).build())
                .setRulesVersion(TestRules.VERSION)
                .build();
        assertEquals(List.of(new TestRecord<>(leadId, exit, now)), enrollments.readRecordsToList().stream()
                .map(r -> new TestRecord<>(r.key(), r.value(), r.getRecordTime())).toList());

        advance(CHECK);
        pipe(spam); // redelivered
        assertTrue(enrollments.isEmpty(), "the same decision again writes no second exit");
        advance(Duration.ofDays(1)); // past step 2's due time (2 days after step 1)
        runFor(Duration.ofDays(30));
        assertTrue(touches.isEmpty(), "no touch after the exit");
        assertTrue(enrollments.isEmpty());

        LeadNurture lead = leads().get(leadId);
        assertEquals(NurtureExitReason.DISQUALIFIED, lead.enrollments().get(0).exitReason());
        assertEquals(1, lead.disqualifications().size());
        assertTrue(lead.disqualified());
        assertEquals(0L, counts().get(Stores.activeCountKey("nurture")));
        assertEquals(List.of(NurtureExitReason.DISQUALIFIED), metrics.exits);
        try (var pending = driver.<String, ScheduledStep>getKeyValueStore(Stores.SCHEDULE).all()) {
            assertFalse(pending.hasNext(), "the pending step is cancelled");
        }
    }

    @Test
    void shouldNotNurtureADisqualifiedLeadAgainUntilADecisionRequalifiesIt() {
        start(TestRules.withReenrollment("0d", 5), MONDAY_10_UTC);
        QualificationDecided first = reject("recruiter@acme.example", RejectionReason.NOT_A_FIT);
        enrollments.readValuesToList();
        reject("recruiter@acme.example", RejectionReason.DISQUALIFIED_EXCLUDED_SEGMENT);
        assertEquals(NurtureExitReason.DISQUALIFIED, onlyExited().getReason());

        reject("recruiter@acme.example", RejectionReason.STALE);
        outcomes.pipeInput(first.getLeadId(), TestDecisions.outcome(first, HandoffOutcomeType.REJECTED), now);
        runFor(Duration.ofDays(10));
        assertTrue(enrollments.isEmpty(), "neither a later rejection nor a closer's enrolls it");
        assertTrue(touches.isEmpty());

        pipe(TestDecisions.decision("recruiter@acme.example", LeadStage.MQL));
        assertTrue(enrollments.isEmpty(), "nothing active to exit");
        reject("recruiter@acme.example", RejectionReason.STALE);
        NurtureEnrolled again = onlyEnrolled();
        assertEquals(NurtureEnrollmentReason.STALE, again.getReason());
        assertEquals(2, again.getCycle());
        assertFalse(leads().get(first.getLeadId()).disqualified());
    }

    @Test
    void shouldIgnoreOtherEngagementsAndExpiredHandoffs() {
        start();
        QualificationDecided rejected = reject("clicker@gmail.com", RejectionReason.NOT_A_FIT);
        enrollments.readValuesToList();
        engagements.pipeInput(rejected.getLeadId(), TestDecisions.engagement(rejected.getLeadId(), EngagementType.EMAIL_CLICKED), now);
        outcomes.pipeInput(rejected.getLeadId(), TestDecisions.outcome(rejected, HandoffOutcomeType.EXPIRED), now);
        assertTrue(enrollments.isEmpty());
        assertTrue(leads().get(rejected.getLeadId()).active().isPresent());
    }

    // --- consent ---

    @Test
    void shouldRecordTheEnrollmentAsSuppressedWithoutMarketingConsentAndSendNoTouch() {
        start();
        QualificationDecided rejected = TestDecisions.rejected("no-consent@gmail.com", RejectionReason.NOT_A_FIT, false);
        pipe(rejected);

        NurtureEnrolled enrolled = onlyEnrolled();
        assertTrue(enrolled.getSuppressed());
        assertEquals(SuppressionReason.NO_CONSENT, enrolled.getSuppressionReason());
        runFor(Duration.ofDays(10));
        assertTrue(touches.isEmpty());
        assertEquals(NurtureExitReason.COMPLETED, onlyExited().getReason(), "the track runs its course silently");
        assertTrue(leads().get(rejected.getLeadId()).enrollments().get(0).touches().stream().allMatch(t -> t.status() == TouchStatus.SUPPRESSED));
        assertEquals(3, metrics.suppressed);
    }

    @Test
    void shouldStopTouchesWhenConsentIsWithdrawnMidTrack() {
        start();
        reject("changed-mind@gmail.com", RejectionReason.NOT_A_FIT);
        advance(CHECK);
        onlyTouch();
        // A later decision (same stage, e.g. re-sent) carries the lead's withdrawn consent.
        pipe(TestDecisions.rejected("changed-mind@gmail.com", RejectionReason.NOT_A_FIT, false));
        runFor(Duration.ofDays(10));
        assertTrue(touches.isEmpty());
    }

    // --- closers' rejections ---

    @Test
    void shouldRecycleALeadAClosersRejectedIntoTheRecycleTrack() {
        start();
        QualificationDecided sql = TestDecisions.decision("maybe-later@acme.example", LeadStage.SQL);
        HandoffOutcomeRecorded rejected = TestDecisions.outcome(sql, HandoffOutcomeType.REJECTED);
        outcomes.pipeInput(sql.getLeadId(), rejected, now);

        NurtureEnrolled enrolled = onlyEnrolled();
        assertEquals("recycle", enrolled.getTrack());
        assertEquals(NurtureEnrollmentReason.CLOSER_REJECTED, enrolled.getReason());
        assertEquals(rejected.getOutcomeId(), enrolled.getSourceEventId());
        advance(Duration.ofMinutes(59));
        assertTrue(touches.isEmpty());
        advance(Duration.ofMinutes(1));
        NurtureTouchDue touch = onlyTouch();
        assertEquals("recycle-1", touch.getTemplate());
        assertEquals("maybe-later@acme.example", touch.getRecipient().getEmail());
    }

    // --- re-enrollment ---

    @Test
    void shouldReEnrollARejectedLeadOnlyAfterTheCoolDown() {
        start(); // cool-down 7 days
        QualificationDecided first = reject("again@acme.example", RejectionReason.LOW_SCORE); // fit-warm-up: one step
        advance(CHECK);
        Instant completedAt = now;
        assertEquals(NurtureExitReason.COMPLETED, ((NurtureExited) enrollments.readValuesToList().get(1).getChange()).getReason());

        advance(Duration.ofDays(3));
        reject("again@acme.example", RejectionReason.LOW_SCORE);
        assertTrue(enrollments.isEmpty(), "3 days after the exit: cooling down");

        advance(Duration.between(now, completedAt.plus(Duration.ofDays(7))));
        reject("again@acme.example", RejectionReason.LOW_SCORE);
        NurtureEnrolled again = onlyEnrolled();
        assertEquals(2, again.getCycle());
        assertEquals(2, leads().get(first.getLeadId()).enrollments().size());
    }

    @Test
    void shouldParkAndCountALeadRejectedAgainPastTheCycleCap() {
        start(TestRules.withReenrollment("0d", 2), MONDAY_10_UTC);
        QualificationDecided first = reject("forever@acme.example", RejectionReason.LOW_SCORE);
        advance(CHECK);
        reject("forever@acme.example", RejectionReason.LOW_SCORE);
        advance(CHECK);
        assertEquals(List.of(1, 2), enrollments.readValuesToList().stream()
                .filter(e -> e.getChange() instanceof NurtureEnrolled).map(e -> ((NurtureEnrolled) e.getChange()).getCycle()).toList());

        reject("forever@acme.example", RejectionReason.LOW_SCORE);
        reject("forever@acme.example", RejectionReason.LOW_SCORE);
        assertTrue(enrollments.isEmpty(), "no third cycle");
        LeadNurture lead = leads().get(first.getLeadId());
        assertTrue(lead.parked());
        assertEquals(2, lead.enrollments().size());
        assertEquals(1L, counts().get(Stores.PARKED_COUNT), "counted once");
        assertEquals(1, metrics.parked);
    }

    // --- unusable records ---

    @Test
    void shouldDeadLetterADecisionKeyedByAnotherIdAndEnrollTheNextOne() {
        start();
        QualificationDecided misKeyed = TestDecisions.rejected("someone@gmail.com", RejectionReason.NOT_A_FIT, true);
        decisions.pipeInput("someone@gmail.com", misKeyed, now);
        QualificationDecided rejected = reject("student@gmail.com", RejectionReason.NOT_A_FIT);

        assertDeadLetter(Topics.DECISIONS, "someone@gmail.com", misKeyed, "Record key (17 characters) is not the leadId "
                + misKeyed.getLeadId() + ": the lead's state is kept in the task of its own key");
        NurtureEnrolled enrolled = onlyEnrolled();
        assertEquals(List.of(rejected.getLeadId(), rejected.getDecisionId()), List.of(enrolled.getLeadId(), enrolled.getSourceEventId()));
        assertNull(leads().get(misKeyed.getLeadId()), "nothing kept about the dead-lettered decision's lead");
        assertTrue(touches.isEmpty());
    }

    @Test
    void shouldDeadLetterAnOutcomeWithoutAnOutcomeIdAndRecycleTheNextOne() {
        start();
        QualificationDecided sql = TestDecisions.decision("maybe-later@acme.example", LeadStage.SQL);
        HandoffOutcomeRecorded anonymous = TestDecisions.outcome(sql, HandoffOutcomeType.REJECTED);
        anonymous.setOutcomeId(" ");
        outcomes.pipeInput(sql.getLeadId(), anonymous, now);
        HandoffOutcomeRecorded rejected = TestDecisions.outcome(sql, HandoffOutcomeType.REJECTED);
        outcomes.pipeInput(sql.getLeadId(), rejected, now);

        assertDeadLetter(Topics.HANDOFF_OUTCOMES, sql.getLeadId(), anonymous, "No outcomeId: the outcome cannot be deduplicated");
        NurtureEnrolled enrolled = onlyEnrolled();
        assertEquals(List.of("recycle", rejected.getOutcomeId()), List.of(enrolled.getTrack(), enrolled.getSourceEventId()),
                "enrolled by the usable outcome, not the dead-lettered one");
        assertTrue(touches.isEmpty());
    }

    @Test
    void shouldDeadLetterAnUnsubscribeKeyedByAnotherLeadAndApplyTheNextOne() {
        start();
        QualificationDecided stays = reject("stays@gmail.com", RejectionReason.NOT_A_FIT);
        QualificationDecided leaves = reject("leaves@gmail.com", RejectionReason.NOT_A_FIT);
        assertEquals(2, enrollments.readValuesToList().size());
        EngagementTracked misKeyed = TestDecisions.engagement(stays.getLeadId(), EngagementType.UNSUBSCRIBED);
        engagements.pipeInput(leaves.getLeadId(), misKeyed, now);
        engagements.pipeInput(leaves.getLeadId(), TestDecisions.engagement(leaves.getLeadId(), EngagementType.UNSUBSCRIBED), now);

        assertDeadLetter(Topics.ENGAGEMENTS, leaves.getLeadId(), misKeyed, "Record key (36 characters) is not the leadId "
                + stays.getLeadId() + ": the lead's state is kept in the task of its own key");
        List<NurtureEnrollmentChanged> changes = enrollments.readValuesToList();
        assertEquals(List.of(leaves.getLeadId()), changes.stream().map(NurtureEnrollmentChanged::getLeadId).toList());
        assertEquals(NurtureExitReason.UNSUBSCRIBED, assertInstanceOf(NurtureExited.class, changes.get(0).getChange()).getReason());
        assertFalse(leads().get(stays.getLeadId()).unsubscribed());
        assertTrue(leads().get(stays.getLeadId()).active().isPresent());
        assertTrue(touches.isEmpty());
    }

    /** Exactly one dead letter, on the source's .dlq and nowhere else: the source's bytes, the reason and where it was read. */
    private <V extends SpecificRecord> void assertDeadLetter(String source, String key, V value, String reason) {
        List<TestRecord<String, byte[]>> written = deadLetters.get(source).readRecordsToList();
        assertEquals(1, written.size(), "dead letters on " + DeadLetters.topicFor(source));
        TestRecord<String, byte[]> dead = written.get(0);
        assertEquals(key, dead.key());
        @SuppressWarnings("unchecked")
        Class<V> type = (Class<V>) value.getClass();
        assertArrayEquals(serdes.valueSerde(type).serializer().serialize(source, value), dead.value());
        assertEquals(Map.of(DeadLetters.HEADER_REASON, reason, DeadLetters.HEADER_EXCEPTION, DeadLetterMetrics.VALIDATION,
                DeadLetters.HEADER_SOURCE_TOPIC, source, DeadLetters.HEADER_SOURCE_PARTITION, "0",
                DeadLetters.HEADER_SOURCE_OFFSET, "0", DeadLetters.HEADER_SERVICE, "nurture-service"), dlqHeaders(dead));
        deadLetters.forEach((topic, output) -> assertTrue(output.isEmpty(), "nothing on " + DeadLetters.topicFor(topic)));
        assertEquals(1.0, meters.get(DeadLetterMetrics.NAME).tags("service", "nurture-service", "topic", DeadLetters.topicFor(source),
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

    // --- helpers ---

    private QualificationDecided reject(String email, RejectionReason reason) {
        QualificationDecided decision = TestDecisions.rejected(email, reason, true);
        pipe(decision);
        return decision;
    }

    private void pipe(QualificationDecided decision) {
        decisions.pipeInput(decision.getLeadId(), decision, now);
    }

    /** One jump of the wall clock: the punctuator runs once, at the new time. */
    private void advance(Duration by) {
        now = now.plus(by);
        driver.advanceWallClockTime(by);
    }

    /** Lets the wall clock run for {@code period}, punctuating every 6 hours (a running service does every few seconds). */
    private void runFor(Duration period) {
        Instant until = now.plus(period);
        while (now.isBefore(until)) {
            advance(Duration.ofHours(6));
        }
    }

    private NurtureEnrolled onlyEnrolled() {
        List<NurtureEnrollmentChanged> out = enrollments.readValuesToList();
        assertEquals(1, out.size(), out.toString());
        assertEquals(rules.get().version(), out.get(0).getRulesVersion(), "enrolled under the current rules");
        return assertInstanceOf(NurtureEnrolled.class, out.get(0).getChange());
    }

    private NurtureExited onlyExited() {
        List<NurtureEnrollmentChanged> out = enrollments.readValuesToList();
        assertEquals(1, out.size(), out.toString());
        assertEquals(rules.get().version(), out.get(0).getRulesVersion(), "exited under the current rules");
        return assertInstanceOf(NurtureExited.class, out.get(0).getChange());
    }

    private NurtureTouchDue onlyTouch() {
        List<NurtureTouchDue> out = touches.readValuesToList();
        assertEquals(1, out.size(), out.toString());
        assertEquals(rules.get().version(), out.get(0).getRulesVersion(), "touched under the current rules");
        return out.get(0);
    }

    private KeyValueStore<String, LeadNurture> leads() {
        return driver.getKeyValueStore(Stores.LEADS);
    }

    private KeyValueStore<String, Long> counts() {
        return driver.getKeyValueStore(Stores.COUNTS);
    }

    /** Counts what the processor reports to the metrics. */
    private static final class RecordingMetrics implements NurtureMetrics {
        int sent;
        int suppressed;
        int parked;
        final List<NurtureExitReason> exits = new ArrayList<>();

        @Override
        public void touched(String track, boolean wasSent) {
            if (wasSent) {
                sent++;
            } else {
                suppressed++;
            }
        }

        @Override
        public void exited(String track, NurtureExitReason reason) {
            exits.add(reason);
        }

        @Override
        public void parked() {
            parked++;
        }
    }
}
