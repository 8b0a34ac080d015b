package io.leadpipeline.qualification.streams;

import static io.leadpipeline.qualification.TestConversions.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.HandoffOutcomeRecorded;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.NurtureEnrollmentChanged;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.events.ScoreReason;
import io.leadpipeline.kafka.AvroBinaryEventSerdes;
import io.leadpipeline.kafka.DeadLetters;
import io.leadpipeline.kafka.LeadIds;
import io.leadpipeline.qualification.TestConversions;
import io.leadpipeline.qualification.config.ScoringRuleSet;
import io.leadpipeline.qualification.config.Stores;
import io.leadpipeline.qualification.config.Topics;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Qualification;

/**
 * Proves the stage machine over event sequences: a first decision for every lead, then decisions only on stage
 * changes; duplicates, out-of-order engagement, decay without flapping, stale MQLs by wall-clock punctuation, recycle
 * and cool-down, re-qualification from nurture, and dead letters for unusable records.
 */
class QualificationTopologyTest {

    private static final String MANAGER = "m.jones@acme.example";

    private final AvroBinaryEventSerdes serdes = new AvroBinaryEventSerdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ConversionCaptured> conversions;
    private TestInputTopic<String, EngagementTracked> engagements;
    private TestInputTopic<String, HandoffOutcomeRecorded> outcomes;
    private TestInputTopic<String, NurtureEnrollmentChanged> enrollments;
    private TestOutputTopic<String, QualificationDecided> decisions;
    private KeyValueStore<String, LeadProfile> profiles;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "qualification-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(QualificationTopology.build(serdes, new Qualification(ScoringRuleSet.defaults()),
                Duration.ofHours(1)), props, T0);
        conversions = input(Topics.CONVERSIONS, ConversionCaptured.class);
        engagements = input(Topics.ENGAGEMENTS, EngagementTracked.class);
        outcomes = input(Topics.HANDOFF_OUTCOMES, HandoffOutcomeRecorded.class);
        enrollments = input(Topics.NURTURE_ENROLLMENTS, NurtureEnrollmentChanged.class);
        decisions = driver.createOutputTopic(Topics.DECISIONS, Serdes.String().deserializer(),
                serdes.valueSerde(QualificationDecided.class).deserializer());
        profiles = driver.getKeyValueStore(Stores.LEAD_PROFILES);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldDecideEveryNewLeadOnceWithReasonsAndSnapshot() {
        ConversionCaptured demo = TestConversions.salesReady("vp@acme.example");
        conversions.pipeInput(demo.getLeadId(), demo);

        List<QualificationDecided> out = decisions.readValuesToList();
        assertEquals(1, out.size());
        QualificationDecided decision = out.get(0);
        assertEquals(LeadStage.SQL, decision.getStage());
        assertNull(decision.getPreviousStage());
        assertEquals(demo.getLeadId(), decision.getLeadId());
        assertEquals(demo.getConversionId(), decision.getTriggeringEventId());
        assertEquals("Acme Corp", decision.getLead().getContact().getCompany());
        assertEquals(80, decision.getFitScore());
        assertEquals(50, decision.getEngagementScore());
        assertEquals(130, decision.getTotalScore());
        assertEquals(ScoringRuleSet.defaults().version(), decision.getRulesVersion());
        assertEquals(1, decision.getCycle());
        assertTrue(ruleIds(decision).containsAll(List.of("fit.seniority.executive", "engagement.form.DEMO_REQUEST", "stage.fast-track")),
                ruleIds(decision).toString());
        assertTrue(decision.getReasons().stream().allMatch(r -> !r.getDescription().isBlank()), "every reason has a sentence");
    }

    @Test
    void shouldIgnoreRedeliveredConversionsAndEngagements() {
        ConversionCaptured newsletter = TestConversions.conversion(MANAGER, FormType.NEWSLETTER_SIGNUP, "Acme", "Marketing Manager", "100", "US", T0);
        EngagementTracked webinar = TestConversions.engagement(MANAGER, EngagementType.WEBINAR_ATTENDED, null, T0);
        conversions.pipeInput(newsletter.getLeadId(), newsletter);
        conversions.pipeInput(newsletter.getLeadId(), newsletter);
        engagements.pipeInput(webinar.getLeadId(), webinar);
        engagements.pipeInput(webinar.getLeadId(), webinar);

        assertEquals(List.of(LeadStage.REJECTED, LeadStage.MQL), stages(decisions.readValuesToList()));
        assertEquals(25, profile(MANAGER).lastAssessment().engagementScore(), "newsletter 5 + webinar 20, each once");
    }

    @Test
    void shouldDecideAgainOnlyWhenTheStageChanges() {
        pipe(TestConversions.conversion(MANAGER, FormType.NEWSLETTER_SIGNUP, "Acme", "Marketing Manager", "100", "US", T0));
        pipe(TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, null, null, null, null, T0.plusSeconds(60)));
        pipe(TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, null, null, null, null, T0.plusSeconds(120)));
        pipe(TestConversions.engagement(MANAGER, EngagementType.PAGE_VIEW, "https://acme.example/pricing", T0.plusSeconds(180)));
        pipe(TestConversions.engagement(MANAGER, EngagementType.WEBINAR_ATTENDED, null, T0.plusSeconds(240)));

        List<QualificationDecided> out = decisions.readValuesToList();
        assertEquals(List.of(LeadStage.REJECTED, LeadStage.MQL, LeadStage.SQL), stages(out));
        assertEquals(RejectionReason.LOW_SCORE, out.get(0).getRejectionReason());
        assertEquals(LeadStage.REJECTED, out.get(1).getPreviousStage());
        assertEquals(LeadStage.MQL, out.get(2).getPreviousStage());
        assertTrue(ruleIds(out.get(2)).contains("stage.sql-threshold"));
        assertEquals("Acme", out.get(2).getLead().getContact().getCompany(), "the company given earlier is kept");
    }

    @Test
    void shouldCountEngagementsThatArriveBeforeTheLeadsFirstConversion() {
        pipe(TestConversions.engagement(MANAGER, EngagementType.WEBINAR_ATTENDED, null, T0));
        pipe(TestConversions.engagement(MANAGER, EngagementType.PAGE_VIEW, "https://acme.example/pricing", T0));

        assertTrue(decisions.isEmpty(), "no decision for a lead that has not converted");
        assertEquals(2, profile(MANAGER).activities().size(), "kept as pending");

        pipe(TestConversions.conversion(MANAGER, FormType.NEWSLETTER_SIGNUP, "Acme", "Marketing Manager", "100", "US", T0.plusSeconds(60)));

        QualificationDecided first = decisions.readValue();
        assertEquals(LeadStage.MQL, first.getStage());
        assertEquals(40, first.getEngagementScore(), "newsletter 5 + the earlier webinar 20 and pricing view 15");
    }

    @Test
    void shouldDecideTheSameStagesWhenAMeetingAfterTheSignUpIsReadBeforeIt() {
        String inOrder = "mia.in-order@contoso.example";
        String meetingReadFirst = "mia.meeting-first@contoso.example";
        pipe(TestConversions.conversion(inOrder, FormType.NEWSLETTER_SIGNUP, "Contoso", "Marketing Manager", "120", "US", T0));
        pipe(TestConversions.engagement(inOrder, EngagementType.MEETING_BOOKED, null, T0.plusSeconds(5)));
        List<LeadStage> expected = stages(decisions.readValuesToList());

        // A restarted task read lead.engagements first: the meeting booked 5 s after the sign-up is applied after it.
        pipe(TestConversions.engagement(meetingReadFirst, EngagementType.MEETING_BOOKED, null, T0.plusSeconds(5)));
        pipe(TestConversions.conversion(meetingReadFirst, FormType.NEWSLETTER_SIGNUP, "Contoso", "Marketing Manager", "120", "US", T0));
        List<QualificationDecided> decided = decisions.readValuesToList();

        assertEquals(List.of(LeadStage.REJECTED, LeadStage.SQL), expected, "the sign-up alone is rejected, the meeting makes it SQL");
        assertEquals(expected, stages(decided));
        assertEquals(LeadStage.SQL, profile(meetingReadFirst).stage());
        assertEquals(2, profile(meetingReadFirst).activities().size(), "the meeting counted once");
    }

    @Test
    void shouldScoreALateEngagementByWhenItHappened() {
        Instant later = T0.plus(Duration.ofDays(30));
        pipe(TestConversions.conversion(MANAGER, FormType.NEWSLETTER_SIGNUP, "Acme", "Marketing Manager", "100", "US", later));
        pipe(TestConversions.engagement(MANAGER, EngagementType.WEBINAR_ATTENDED, null, T0));

        assertEquals(15, profile(MANAGER).lastAssessment().engagementScore(), "newsletter 5 + a webinar one half-life old: 10");
        assertEquals(later, profile(MANAGER).clock(), "a late event does not turn the lead's clock back");
    }

    @Test
    void shouldKeepASalesQualifiedLeadSqlWhileItsScoreDecays() {
        pipe(TestConversions.salesReady("vp@acme.example"));
        decisions.readValuesToList();

        driver.advanceWallClockTime(Duration.ofDays(120));

        assertTrue(decisions.isEmpty(), "no SQL → MQL flapping because of decay");
        LeadProfile profile = profile("vp@acme.example");
        assertEquals(LeadStage.SQL, profile.stage());
        assertEquals(3, profile.lastAssessment().engagementScore(), "the scan stored the decayed score (50 after 4 half-lives)");
    }

    @Test
    void shouldRejectAnMqlWithoutProgressAsStaleByWallClockAndRequalifyItWhenItReEngages() {
        pipe(TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, "Acme", "Marketing Manager", "100", "US", T0));
        assertEquals(LeadStage.MQL, decisions.readValue().getStage());

        driver.advanceWallClockTime(Duration.ofDays(29));
        assertTrue(decisions.isEmpty(), "not stale before 30 days");

        driver.advanceWallClockTime(Duration.ofDays(2));
        QualificationDecided stale = decisions.readValue();
        assertEquals(LeadStage.REJECTED, stale.getStage());
        assertEquals(RejectionReason.STALE, stale.getRejectionReason());
        assertEquals(LeadStage.MQL, stale.getPreviousStage());
        assertTrue(ruleIds(stale).contains("stage.stale"));
        driver.advanceWallClockTime(Duration.ofDays(2));
        assertTrue(decisions.isEmpty(), "stale is decided once");

        pipe(TestConversions.conversion(MANAGER, FormType.WEBINAR_REGISTRATION, null, null, null, null, T0.plus(Duration.ofDays(33))));
        QualificationDecided back = decisions.readValue();
        assertEquals(LeadStage.MQL, back.getStage());
        assertEquals(LeadStage.REJECTED, back.getPreviousStage());
    }

    @Test
    void shouldRecycleACloserRejectedLeadAndHoldItBackFromSqlUntilTheCoolDownEnds() {
        String vp = "vp@acme.example";
        pipe(TestConversions.salesReady(vp));
        assertEquals(LeadStage.SQL, decisions.readValue().getStage());

        pipe(TestConversions.closerRejected(vp, T0.plus(Duration.ofDays(1))));
        assertTrue(decisions.isEmpty(), "the recycle itself writes no decision: nurture and routing read the outcome");
        LeadProfile recycled = profile(vp);
        assertEquals(2, recycled.cycle());
        assertEquals(LeadStage.REJECTED, recycled.stage());
        assertEquals(T0.plus(Duration.ofDays(15)), recycled.coolDownUntil());

        pipe(TestConversions.engagement(vp, EngagementType.PAGE_VIEW, "https://acme.example/pricing", T0.plus(Duration.ofDays(2))));
        QualificationDecided held = decisions.readValue();
        assertEquals(LeadStage.MQL, held.getStage(), "sales-ready again, but inside the cool-down");
        assertEquals(2, held.getCycle());
        assertTrue(ruleIds(held).contains("stage.recycle-cool-down"));

        pipe(TestConversions.conversion(vp, FormType.DEMO_REQUEST, null, null, null, null, T0.plus(Duration.ofDays(20))));
        QualificationDecided again = decisions.readValue();
        assertEquals(LeadStage.SQL, again.getStage());
        assertEquals(LeadStage.MQL, again.getPreviousStage());
        assertEquals(2, again.getCycle());
    }

    @Test
    void shouldRequalifyARejectedLeadThatReEngagesWithANurtureTouch() {
        String reader = "reader@acme.example";
        pipe(TestConversions.conversion(reader, FormType.NEWSLETTER_SIGNUP, "Acme", "Marketing Manager", "100", "US", T0));
        assertEquals(RejectionReason.LOW_SCORE, decisions.readValue().getRejectionReason());
        pipe(TestConversions.enrolled(reader, "warm-up", T0.plusSeconds(5)));
        assertEquals("warm-up", profile(reader).nurture().track());

        pipe(TestConversions.engagement(reader, EngagementType.EMAIL_CLICKED, "https://acme.example/blog/roi", "touch-1",
                T0.plus(Duration.ofDays(3))));

        QualificationDecided requalified = decisions.readValue();
        assertEquals(LeadStage.MQL, requalified.getStage());
        assertEquals(LeadStage.REJECTED, requalified.getPreviousStage());
        assertTrue(ruleIds(requalified).contains("engagement.nurture-response"), ruleIds(requalified).toString());
    }

    @Test
    void shouldFastTrackANurturedGradeBLeadThatBooksAMeetingFromATouch() {
        // The nurture loop of the system tests: an operations manager at a 300-person company signs up for the newsletter.
        String olivia = "olivia.okafor@globex-logistics.example";
        pipe(TestConversions.conversion(olivia, FormType.NEWSLETTER_SIGNUP, "Globex Logistics", "Operations Manager", "300", null, T0));
        QualificationDecided rejected = decisions.readValue();
        assertEquals(RejectionReason.LOW_SCORE, rejected.getRejectionReason(), "grade B, total 55: nurtured");
        pipe(TestConversions.enrolled(olivia, "warm-up", T0.plusSeconds(1)));

        pipe(TestConversions.engagement(olivia, EngagementType.MEETING_BOOKED, "https://www.example.com/book-a-meeting", "touch-1",
                T0.plus(Duration.ofHours(2))));

        QualificationDecided sql = decisions.readValue();
        assertEquals(LeadStage.SQL, sql.getStage());
        assertEquals(LeadStage.REJECTED, sql.getPreviousStage());
        assertTrue(ruleIds(sql).containsAll(List.of("engagement.activity.MEETING_BOOKED", "engagement.nurture-response", "stage.fast-track")),
                ruleIds(sql).toString());
    }

    @Test
    void shouldNeverPromoteADisqualifiedLead() {
        String spy = "spy@rival-leads.com";
        pipe(TestConversions.salesReady(spy));
        pipe(TestConversions.engagement(spy, EngagementType.MEETING_BOOKED, null, T0.plusSeconds(60)));

        List<QualificationDecided> out = decisions.readValuesToList();
        assertEquals(1, out.size());
        assertEquals(RejectionReason.DISQUALIFIED_COMPETITOR, out.get(0).getRejectionReason());
    }

    @Test
    void shouldDecideOnceWhenANurturedLeadTurnsOutToBeDisqualified() {
        pipe(TestConversions.conversion(MANAGER, FormType.NEWSLETTER_SIGNUP, "Acme", "Marketing Manager", "100", "US", T0));
        assertEquals(RejectionReason.LOW_SCORE, decisions.readValue().getRejectionReason());
        pipe(TestConversions.enrolled(MANAGER, "warm-up", T0.plusSeconds(5)));

        pipe(TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, "Acme", "Technical Recruiter", "100", "US", T0.plusSeconds(60)));
        pipe(TestConversions.conversion(MANAGER, FormType.WEBINAR_REGISTRATION, "Acme", "Technical Recruiter", "100", "US", T0.plusSeconds(120)));

        List<QualificationDecided> out = decisions.readValuesToList();
        assertEquals(1, out.size(), "one decision for the disqualification, none for the activity after it: " + out);
        assertEquals(LeadStage.REJECTED, out.get(0).getStage());
        assertEquals(LeadStage.REJECTED, out.get(0).getPreviousStage());
        assertEquals(RejectionReason.DISQUALIFIED_EXCLUDED_SEGMENT, out.get(0).getRejectionReason());
    }

    @Test
    void shouldWithdrawConsentOnUnsubscribe() {
        pipe(TestConversions.conversion(MANAGER, FormType.NEWSLETTER_SIGNUP, "Acme", "Marketing Manager", "100", "US", T0));
        pipe(TestConversions.engagement(MANAGER, EngagementType.UNSUBSCRIBED, null, T0.plusSeconds(60)));

        assertFalse(profile(MANAGER).marketingOptIn());
    }

    @Test
    void shouldForgetAnErasedLeadAndNotTakeUpWhatHappenedBeforeTheErasureWhenReadLate() {
        String vp = "erase.me@acme.example";
        String leadId = LeadIds.fromEmail(vp);
        pipe(TestConversions.conversion(vp, FormType.DEMO_REQUEST, "Acme", "VP of Sales", "500", "US", T0));
        assertEquals(List.of(LeadStage.SQL), stages(decisions.readValuesToList()));

        pipe(TestConversions.engagement(vp, EngagementType.ERASURE_REQUESTED, null, T0.plusSeconds(60)));
        assertNull(profile(vp), "the profile is deleted (a tombstone in its changelog)");
        KeyValueStore<String, Long> erased = driver.getKeyValueStore(Stores.ERASED_LEADS);
        assertEquals(T0.plusSeconds(60).toEpochMilli(), erased.get(leadId), "only the id and the time are kept");

        ConversionCaptured before = TestConversions.conversion(vp, FormType.CONTACT_SALES, "Acme", "VP of Sales", "500", "US",
                T0.plusSeconds(30));
        pipe(before); // a form filled before the erasure, read after it
        pipe(TestConversions.engagement(vp, EngagementType.MEETING_BOOKED, null, T0.plusSeconds(40)));
        pipe(TestConversions.closerRejected(vp, T0.plusSeconds(50)));
        assertNull(profile(vp));
        assertTrue(decisions.readValuesToList().isEmpty());
    }

    @Test
    void shouldStartAnErasedLeadAfreshOnlyOnAFreshOptIn() {
        String vp = "came.back@acme.example";
        pipe(TestConversions.conversion(vp, FormType.DEMO_REQUEST, "Acme", "VP of Sales", "500", "US", T0));
        pipe(TestConversions.engagement(vp, EngagementType.ERASURE_REQUESTED, null, T0.plusSeconds(60)));
        decisions.readValuesToList();

        ConversionCaptured withoutConsent = TestConversions.conversion(vp, FormType.DEMO_REQUEST, "Acme", "VP of Sales", "500", "US",
                T0.plusSeconds(120));
        withoutConsent.setConsent(new MarketingConsent(false, "v1"));
        pipe(withoutConsent);
        assertNull(profile(vp), "no fresh opt-in: the erased lead stays forgotten");
        assertTrue(decisions.readValuesToList().isEmpty());

        pipe(TestConversions.conversion(vp, FormType.DEMO_REQUEST, "Acme", "VP of Sales", "500", "US", T0.plusSeconds(180)));
        List<QualificationDecided> out = decisions.readValuesToList();
        assertEquals(List.of(LeadStage.SQL), stages(out), "a fresh opt-in starts a new lead");
        assertNull(out.get(0).getPreviousStage(), "with nothing of the erased one");
        assertEquals(1, profile(vp).stageHistory().size());
        assertEquals(1, profile(vp).activities().size());
    }

    @Test
    void shouldSendUnusableRecordsToTheirDeadLetterTopicAndKeepGoing() {
        TestOutputTopic<String, byte[]> engagementDeadLetters = deadLetters(Topics.ENGAGEMENTS);
        TestOutputTopic<String, byte[]> conversionDeadLetters = deadLetters(Topics.CONVERSIONS);
        EngagementTracked misKeyed = TestConversions.engagement(MANAGER, EngagementType.PAGE_VIEW, null, T0);
        engagements.pipeInput("someone-else", misKeyed);
        ConversionCaptured noEmail = TestConversions.salesReady(MANAGER);
        noEmail.getContact().setEmail(" ");
        conversions.pipeInput(noEmail.getLeadId(), noEmail);
        pipe(TestConversions.salesReady(MANAGER));

        TestRecord<String, byte[]> dead = engagementDeadLetters.readRecord();
        assertEquals("someone-else", dead.key());
        assertEquals(misKeyed, serdes.valueSerde(EngagementTracked.class).deserializer().deserialize(Topics.ENGAGEMENTS, dead.value()),
                "the record as it was read");
        assertTrue(header(dead, DeadLetters.HEADER_REASON).contains("is not the leadId"), header(dead, DeadLetters.HEADER_REASON));
        assertEquals(Topics.ENGAGEMENTS, header(dead, DeadLetters.HEADER_SOURCE_TOPIC));
        assertTrue(header(conversionDeadLetters.readRecord(), DeadLetters.HEADER_REASON).contains("no email address"));
        assertEquals(List.of(LeadStage.SQL), stages(decisions.readValuesToList()), "processing continued");
        assertEquals(1, profile(MANAGER).activities().size(), "nothing of the unusable records was applied");
    }

    @Test
    void shouldScoreTheEmployeesCaptureRecordedAndPassThemOnInTheSnapshot() {
        ConversionCaptured tenK = TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, "Acme", "Analyst", "10000", "US", T0);
        tenK.getContact().setEmployees(10000);
        pipe(tenK);

        QualificationDecided decision = decisions.readValue();
        assertTrue(ruleIds(decision).contains("fit.company-size.1001+"), ruleIds(decision).toString());
        assertEquals(10000, decision.getLead().getContact().getEmployees());
        assertEquals("10000", decision.getLead().getContact().getCompanySize());
        assertEquals(10000, profile(MANAGER).contact().employees(), "kept in the stored profile");
    }

    @Test
    void shouldScoreAConversionRecordedBeforeEmployeesByItsSizeText() {
        // What a v1 record reads as today: employees null, the text as it was written.
        ConversionCaptured old = TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, "Acme", "Analyst", "10k", "US", T0);
        pipe(old);

        QualificationDecided decision = decisions.readValue();
        assertTrue(ruleIds(decision).contains("fit.company-size.1001+"), ruleIds(decision).toString());
        assertNull(decision.getLead().getContact().getEmployees(), "qualification passes on what capture wrote, and reads nothing in");
        assertEquals("10k", decision.getLead().getContact().getCompanySize());
    }

    @Test
    void shouldTakeANewerSizeGivenOnlyAsTextOverAnOlderCount() {
        ConversionCaptured first = TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, "Acme", "Analyst", "50", "US", T0);
        first.getContact().setEmployees(50);
        pipe(first);
        pipe(TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, "Acme", "Analyst", "5000", "US", T0.plusSeconds(60)));

        var contact = profile(MANAGER).contact();
        assertEquals("5000", contact.companySize());
        assertNull(contact.employees(), "the older count does not outlive the size it was read from");
        assertEquals(java.util.Optional.of(5000), contact.knownEmployees());
    }

    @Test
    void shouldReadAProfileStoredBeforeEmployeesAndStillCountItsSize() {
        var serde = io.leadpipeline.service.StateSerde.of(LeadProfile.class);
        pipe(TestConversions.conversion(MANAGER, FormType.CONTENT_DOWNLOAD, "Acme", "Analyst", "10k", "US", T0));
        String stored = new String(serde.serializer().serialize("store", profile(MANAGER)), StandardCharsets.UTF_8);
        assertTrue(stored.contains(",\"employees\":null"), stored);
        byte[] beforeEmployees = stored.replace(",\"employees\":null", "").getBytes(StandardCharsets.UTF_8);

        LeadProfile read = serde.deserializer().deserialize("store", beforeEmployees);

        assertNull(read.contact().employees());
        assertEquals("10k", read.contact().companySize());
        assertEquals(java.util.Optional.of(10000), read.contact().knownEmployees());
    }

    // --- helpers ---

    private <T extends SpecificRecord> TestInputTopic<String, T> input(String topic, Class<T> type) {
        return driver.createInputTopic(topic, Serdes.String().serializer(), serdes.valueSerde(type).serializer());
    }

    private TestOutputTopic<String, byte[]> deadLetters(String topic) {
        return driver.createOutputTopic(DeadLetters.topicFor(topic), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    private void pipe(SpecificRecord event) {
        switch (event) {
            case ConversionCaptured c -> conversions.pipeInput(c.getLeadId(), c);
            case EngagementTracked e -> engagements.pipeInput(e.getLeadId(), e);
            case HandoffOutcomeRecorded o -> outcomes.pipeInput(o.getLeadId(), o);
            case NurtureEnrollmentChanged n -> enrollments.pipeInput(n.getLeadId(), n);
            default -> throw new IllegalArgumentException(event.getClass().getName());
        }
    }

    private LeadProfile profile(String email) {
        return profiles.get(LeadIds.fromEmail(email));
    }

    private static List<LeadStage> stages(List<QualificationDecided> out) {
        return out.stream().map(QualificationDecided::getStage).toList();
    }

    private static List<String> ruleIds(QualificationDecided decision) {
        return decision.getReasons().stream().map(ScoreReason::getRuleId).toList();
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
