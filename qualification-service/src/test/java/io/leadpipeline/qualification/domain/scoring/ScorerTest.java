package io.leadpipeline.qualification.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.qualification.config.ScoringRuleSet;
import io.leadpipeline.qualification.domain.Activity;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Reason;

/** Proves each scoring rule of the default rules file: fit and grade, engagement and its decay, thresholds, fast track, disqualification. */
class ScorerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final Scorer scorer = new Scorer(ScoringRuleSet.defaults());

    // --- the README's example leads ---

    @Test
    void shouldMakeTheVpAtA500PersonCompanyRequestingADemoSalesQualifiedWithReasons() {
        Assessment vp = assess(contact("jane.doe@acme-robotics.example", "Acme Robotics", "VP of Sales", "500", "US", null),
                FormType.DEMO_REQUEST);

        assertEquals(LeadStage.SQL, vp.stage());
        assertNull(vp.rejectionReason());
        assertEquals(Grade.A, vp.grade());
        assertEquals(80, vp.fitScore());
        assertEquals(50, vp.engagementScore());
        assertEquals(Map.of("fit.seniority.executive", 30, "fit.function.sales", 10, "fit.company-size.201-1000", 15,
                "fit.country.target", 10, "fit.email.business", 10, "fit.company.named", 5, "engagement.form.DEMO_REQUEST", 50),
                pointsByRule(vp));
        assertTrue(ruleIds(vp).contains("stage.fast-track"), ruleIds(vp).toString());
    }

    @Test
    void shouldMakeTheHeadOfOperationsAtA1200PersonCompanyRequestingADemoSalesQualified() {
        Assessment head = assess(contact("raj.patel@initech.example", "Initech", "Head of Operations", "1200", null, null),
                FormType.DEMO_REQUEST);

        assertEquals(LeadStage.SQL, head.stage());
        assertEquals(Grade.A, head.grade());
        assertEquals(65, head.fitScore());
    }

    @Test
    void shouldRejectTheStudentDownloadingAnEbookWithAFreeMailAddressAsNotAFitButNurturable() {
        Assessment student = assess(contact("sam.student@gmail.com", null, "Student", null, null, null), FormType.CONTENT_DOWNLOAD);

        assertEquals(LeadStage.REJECTED, student.stage());
        assertEquals(RejectionReason.NOT_A_FIT, student.rejectionReason(), "a student is a poor fit, not disqualified");
        assertEquals(Grade.D, student.grade());
        assertEquals(-65, student.fitScore());
        assertEquals(Map.of("fit.seniority.student", -30, "fit.email.free-mail", -20, "fit.company.missing", -15,
                "engagement.form.CONTENT_DOWNLOAD", 10), pointsByRule(student));
    }

    // --- fit rules ---

    @ParameterizedTest
    @CsvSource({
            "Chief Revenue Officer, executive, 30", "CTO, executive, 30", "Director of Marketing, director, 20",
            "Head of IT, director, 20", "Sales Manager, manager, 10", "Software Engineer, individual-contributor, 0",
            "Marketing Intern, student, -30"})
    void shouldScoreSeniorityByTheFirstMatchingLevel(String title, String level, int points) {
        Assessment assessment = assess(contact("a@acme.example", "Acme", title, null, null, null), null);

        assertEquals(points, pointsByRule(assessment).getOrDefault("fit.seniority." + level, 0), pointsByRule(assessment).toString());
        assertEquals(points == 0 ? 0 : 1, ruleIds(assessment).stream().filter(id -> id.startsWith("fit.seniority.")).count());
    }

    @Test
    void shouldMatchKeywordsAsWholeWordsOnly() {
        Assessment mvp = assess(contact("a@acme.example", "Acme", "MVP Award Winner", null, null, null), null);

        assertFalse(ruleIds(mvp).contains("fit.seniority.executive"), "'vp' inside 'MVP' is not a VP");
    }

    @ParameterizedTest
    @CsvSource({"VP of Sales, sales, 10", "Head of Operations, operations, 10", "Growth Marketing Manager, marketing, 5",
            "Engineering Manager, engineering, 5"})
    void shouldScoreTheFunctionOfTheTitle(String title, String function, int points) {
        assertEquals(points, pointsByRule(assess(contact("a@acme.example", "Acme", title, null, null, null), null))
                .get("fit.function." + function));
    }

    @Test
    void shouldCostPointsWhenNoTitleIsGiven() {
        assertEquals(-5, pointsByRule(assess(contact("a@acme.example", "Acme", null, null, null, null), null)).get("fit.title.missing"));
    }

    @ParameterizedTest
    @CsvSource({"5, 1-10, -10", "'1,200', 1001+, 20", "201-500, 201-1000, 15", "5000+, 1001+, 20", "51, 51-200, 10",
            "10k, 1001+, 20"})
    void shouldScoreCompanySizeByBand(String size, String band, int points) {
        assertEquals(points, pointsByRule(assess(contact("a@acme.example", "Acme", "Analyst", size, null, null), null))
                .get("fit.company-size." + band));
    }

    @Test
    void shouldScoreCompanySizeByTheEmployeesCaptureRecorded() {
        Assessment tenK = assess(new Contact("a@acme.example", "Jo", null, "Acme", "Analyst", null, null, "10000", 10000, null), null);
        Assessment band = assess(new Contact("a@acme.example", "Jo", null, "Acme", "Analyst", null, null, "51-200", 51, null), null);
        Assessment countOnly = assess(new Contact("a@acme.example", "Jo", null, "Acme", "Analyst", null, null, null, 300, null), null);

        assertEquals(20, pointsByRule(tenK).get("fit.company-size.1001+"));
        assertEquals(10, pointsByRule(band).get("fit.company-size.51-200"));
        assertEquals(15, pointsByRule(countOnly).get("fit.company-size.201-1000"), "the count alone is enough");
        assertTrue(reason(countOnly, "fit.company-size.201-1000").description().contains("Company size 300 is in the 201-1000"),
                reason(countOnly, "fit.company-size.201-1000").description());
    }

    @Test
    void shouldLetTheRecordedEmployeesDecideOverTheSizeText() {
        // The count is what capture read; the text is kept for people. Should they ever disagree, the count wins.
        Assessment assessment = assess(new Contact("a@acme.example", "Jo", null, "Acme", "Analyst", null, null, "5", 5000, null), null);

        assertEquals(20, pointsByRule(assessment).get("fit.company-size.1001+"));
        assertFalse(pointsByRule(assessment).containsKey("fit.company-size.1-10"));
    }

    @Test
    void shouldScoreALeadRecordedBeforeEmployeesByItsSizeText() {
        Assessment tenK = assess(new Contact("a@acme.example", "Jo", null, "Acme", "Analyst", null, null, "10k", null, null), null);
        Assessment unreadable = assess(new Contact("a@acme.example", "Jo", null, "Acme", "Analyst", null, null, "lots", null, null), null);

        assertEquals(20, pointsByRule(tenK).get("fit.company-size.1001+"));
        assertTrue(ruleIds(unreadable).stream().noneMatch(id -> id.startsWith("fit.company-size.") && !id.endsWith(".unknown")),
                "text that is no size puts the lead in no band: " + ruleIds(unreadable));
    }

    @Test
    void shouldScoreTargetAndOtherCountries() {
        assertEquals(10, pointsByRule(assess(contact("a@acme.example", "Acme", "Analyst", null, "de", null), null)).get("fit.country.target"));
        assertEquals(-5, pointsByRule(assess(contact("a@acme.example", "Acme", "Analyst", null, "BR", null), null)).get("fit.country.other"));
    }

    @Test
    void shouldScoreTargetIndustries() {
        assertEquals(10, pointsByRule(assess(contact("a@acme.example", "Acme", "Analyst", null, null, "Industrial Robotics"), null))
                .get("fit.industry.target"));
        assertFalse(ruleIds(assess(contact("a@acme.example", "Acme", "Analyst", null, null, "Retail"), null))
                .contains("fit.industry.target"));
    }

    @Test
    void shouldScoreBusinessEmailAboveFreeMailAndPenaliseAMissingCompany() {
        Map<String, Integer> business = pointsByRule(assess(contact("a@acme.example", "Acme", "Analyst", null, null, null), null));
        Map<String, Integer> freeMail = pointsByRule(assess(contact("a@gmail.com", null, "Analyst", null, null, null), null));

        assertEquals(10, business.get("fit.email.business"));
        assertEquals(5, business.get("fit.company.named"));
        assertEquals(-20, freeMail.get("fit.email.free-mail"));
        assertEquals(-15, freeMail.get("fit.company.missing"));
    }

    @ParameterizedTest
    @CsvSource({"65, A", "64, B", "45, B", "44, C", "20, C", "19, D", "-50, D"})
    void shouldGradeTheFitScore(int fit, Grade grade) {
        assertEquals(grade, scorer.rules().gradeFor(fit));
    }

    // --- engagement and decay ---

    @Test
    void shouldScoreFormsEngagementsPricingPagesAndNurtureResponses() {
        LeadProfile lead = lead(contact("a@acme.example", "Acme", "Analyst", null, null, null), FormType.NEWSLETTER_SIGNUP)
                .withEngagement(engagement(EngagementType.PAGE_VIEW, "https://acme.example/pricing?plan=pro", null, NOW))
                .withEngagement(engagement(EngagementType.PAGE_VIEW, "https://acme.example/pricing", null, NOW))
                .withEngagement(engagement(EngagementType.PAGE_VIEW, "https://acme.example/blog/x", null, NOW))
                .withEngagement(engagement(EngagementType.WEBINAR_ATTENDED, null, null, NOW))
                .withEngagement(engagement(EngagementType.EMAIL_CLICKED, null, "touch-1", NOW));

        Map<String, Integer> points = pointsByRule(scorer.assess(lead, NOW));

        assertEquals(5, points.get("engagement.form.NEWSLETTER_SIGNUP"));
        assertEquals(30, points.get("engagement.page.pricing"), "two pricing page views");
        assertEquals(2, points.get("engagement.activity.PAGE_VIEW"));
        assertEquals(20, points.get("engagement.activity.WEBINAR_ATTENDED"));
        assertEquals(5, points.get("engagement.activity.EMAIL_CLICKED"));
        assertEquals(5, points.get("engagement.nurture-response"));
        assertEquals(67, scorer.assess(lead, NOW).engagementScore());
    }

    @Test
    void shouldHalveActivityPointsEveryHalfLife() {
        Duration halfLife = Duration.ofDays(30);
        assertEquals(1.0, Decay.factor(NOW, NOW, halfLife), 1e-9);
        assertEquals(0.5, Decay.factor(NOW.minus(Duration.ofDays(30)), NOW, halfLife), 1e-9);
        assertEquals(0.25, Decay.factor(NOW.minus(Duration.ofDays(60)), NOW, halfLife), 1e-9);
        assertEquals(Math.pow(0.5, 0.5), Decay.factor(NOW.minus(Duration.ofDays(15)), NOW, halfLife), 1e-9);
        assertEquals(1.0, Decay.factor(NOW.plus(Duration.ofDays(1)), NOW, halfLife), 1e-9, "a future activity does not grow");
    }

    @Test
    void shouldDecayEngagementButNotFit() {
        LeadProfile lead = lead(contact("a@acme.example", "Acme", "VP of Sales", "500", "US", null), FormType.DEMO_REQUEST);

        Assessment later = scorer.assess(lead, NOW.plus(Duration.ofDays(60)));

        assertEquals(80, later.fitScore());
        assertEquals(13, later.engagementScore(), "50 points after two half-lives: 12.5, rounded");
        Reason demo = later.reasons().stream().filter(r -> r.ruleId().equals("engagement.form.DEMO_REQUEST")).findFirst().orElseThrow();
        assertTrue(demo.description().contains("50 points, 13 after decay (half-life 30 days)"), demo.description());
    }

    // --- thresholds ---

    @Test
    void shouldMakeALeadMarketingQualifiedAtTheMqlThreshold() {
        // fit 50: manager 10 + marketing 5 + 51-200 band 10 + US 10 + business 10 + company 5; ebook 10 → 60
        Assessment assessment = assess(contact("m@acme.example", "Acme", "Marketing Manager", "100", "US", null), FormType.CONTENT_DOWNLOAD);

        assertEquals(60, assessment.totalScore());
        assertEquals(LeadStage.MQL, assessment.stage());
        assertTrue(ruleIds(assessment).contains("stage.mql-threshold"));
    }

    @Test
    void shouldRejectABusinessLeadBelowTheMqlThresholdForItsLowScore() {
        Assessment assessment = assess(contact("m@acme.example", "Acme", "Marketing Manager", "100", "US", null), FormType.NEWSLETTER_SIGNUP);

        assertEquals(55, assessment.totalScore());
        assertEquals(LeadStage.REJECTED, assessment.stage());
        assertEquals(RejectionReason.LOW_SCORE, assessment.rejectionReason());
    }

    @Test
    void shouldMakeALeadSalesQualifiedAtTheSqlThresholdOnlyWithTheMinimumGrade() {
        LeadProfile gradeB = lead(contact("m@acme.example", "Acme", "Marketing Manager", "100", "US", null), FormType.WEBINAR_REGISTRATION)
                .withEngagement(engagement(EngagementType.WEBINAR_ATTENDED, null, null, NOW))
                .withEngagement(engagement(EngagementType.PAGE_VIEW, "/pricing", null, NOW));
        Assessment sql = scorer.assess(gradeB, NOW);
        assertEquals(Grade.B, sql.grade());
        assertEquals(100, sql.totalScore());
        assertEquals(LeadStage.SQL, sql.stage());
        assertTrue(ruleIds(sql).contains("stage.sql-threshold"));

        LeadProfile gradeC = lead(contact("c@acme.example", "Acme", "Analyst", "20", "US", null), FormType.TRIAL_SIGNUP)
                .withEngagement(engagement(EngagementType.WEBINAR_ATTENDED, null, null, NOW))
                .withEngagement(engagement(EngagementType.PAGE_VIEW, "/pricing", null, NOW))
                .withEngagement(engagement(EngagementType.PAGE_VIEW, "/pricing", null, NOW));
        Assessment held = scorer.assess(gradeC, NOW);
        assertEquals(Grade.C, held.grade());
        assertTrue(held.totalScore() >= 100, "total " + held.totalScore());
        assertEquals(LeadStage.MQL, held.stage(), "grade C is not sales-ready whatever its score");
    }

    // --- fast track ---

    @Test
    void shouldFastTrackAHighIntentRequestFromAGradeBLeadWhateverItsTotal() {
        // fit 45: director 20 + 51-200 band 10 + business 10 + company 5; contact-sales 50 → total 95, below SQL's 100
        Assessment assessment = assess(contact("d@acme.example", "Acme", "Director of Finance", "100", null, null), FormType.CONTACT_SALES);

        assertEquals(Grade.B, assessment.grade());
        assertEquals(95, assessment.totalScore());
        assertEquals(LeadStage.SQL, assessment.stage());
        assertTrue(ruleIds(assessment).contains("stage.fast-track"));
    }

    @Test
    void shouldNotFastTrackAHighIntentRequestFromAPoorFit() {
        Assessment assessment = assess(contact("a@gmail.com", null, "Analyst", null, null, null), FormType.DEMO_REQUEST);

        assertEquals(Grade.D, assessment.grade());
        assertEquals(LeadStage.REJECTED, assessment.stage());
        assertEquals(RejectionReason.NOT_A_FIT, assessment.rejectionReason());
    }

    @Test
    void shouldFastTrackOnlyARecentRequestOfTheCurrentCycle() {
        Contact manager = contact("m@acme.example", "Acme", "Marketing Manager", "100", "US", null);
        LeadProfile old = lead(manager, FormType.DEMO_REQUEST);
        assertFalse(ruleIds(scorer.assess(old, NOW.plus(Duration.ofDays(31)))).contains("stage.fast-track"));

        LeadProfile recycled = old.recycled("outcome-1", NOW, NOW.plus(Duration.ofDays(14)), "closer rejected");
        assertFalse(ruleIds(scorer.assess(recycled, NOW.plus(Duration.ofDays(15)))).contains("stage.fast-track"),
                "a request from the previous cycle does not fast-track the new one");
    }

    @Test
    void shouldHoldASalesQualifiedLeadAtMqlDuringTheRecycleCoolDown() {
        LeadProfile recycled = lead(contact("vp@acme.example", "Acme", "VP of Sales", "500", "US", null), FormType.DEMO_REQUEST)
                .recycled("outcome-1", NOW, NOW.plus(Duration.ofDays(14)), "closer rejected")
                .withConversion("c-2", Contact.empty(), true, null, null, FormType.DEMO_REQUEST, NOW.plus(Duration.ofDays(1)));

        Assessment during = scorer.assess(recycled, NOW.plus(Duration.ofDays(1)));
        assertEquals(LeadStage.MQL, during.stage());
        assertTrue(ruleIds(during).contains("stage.recycle-cool-down"));
    }

    // --- disqualification ---

    @ParameterizedTest
    @CsvSource({
            "spy@rival-leads.com, Acme, VP of Sales, DISQUALIFIED_COMPETITOR, disqualify.competitor",
            "spy@eu.pipelinerival.io, Acme, VP of Sales, DISQUALIFIED_COMPETITOR, disqualify.competitor",
            "test123@acme.example, Acme, VP of Sales, DISQUALIFIED_SPAM, disqualify.spam-email",
            "jo@mailinator.com, Acme, VP of Sales, DISQUALIFIED_SPAM, disqualify.spam-email",
            "jo@acme.example, asdf, VP of Sales, DISQUALIFIED_SPAM, disqualify.spam-name",
            "info@acme.example, Acme, VP of Sales, DISQUALIFIED_INVALID, disqualify.role-address",
            "jo@localhost, Acme, VP of Sales, DISQUALIFIED_INVALID, disqualify.invalid-email",
            "jo@acme.example, Acme, Technical Recruiter, DISQUALIFIED_EXCLUDED_SEGMENT, disqualify.excluded-title"})
    void shouldDisqualifyAndSaySo(String email, String company, String title, RejectionReason reason, String ruleId) {
        Assessment assessment = assess(contact(email, company, title, "500", "US", null), FormType.DEMO_REQUEST);

        assertEquals(LeadStage.REJECTED, assessment.stage());
        assertEquals(reason, assessment.rejectionReason());
        assertEquals(ruleId, assessment.reasons().get(0).ruleId(), "the disqualification is the first reason");
    }

    @Test
    void shouldNotTreatTheExampleTopLevelDomainOrAStudentAsDisqualified() {
        assertTrue(scorer.disqualification(contact("jane.doe@acme-robotics.example", "Acme Robotics", "VP", null, null, null)).isEmpty());
        assertTrue(scorer.disqualification(contact("sam.student@gmail.com", null, "Student", null, null, null)).isEmpty());
        assertTrue(scorer.disqualification(contact("tester.jones@acme.example", "Acme", "QA Lead", null, null, null)).isEmpty(),
                "a name that merely starts with 'test' is a person");
    }

    // --- helpers ---

    private Assessment assess(Contact contact, FormType form) {
        return scorer.assess(lead(contact, form), NOW);
    }

    private static LeadProfile lead(Contact contact, FormType form) {
        LeadProfile lead = LeadProfile.newLead("lead-1").withContact(contact);
        return form == null ? lead : lead.withConversion("c-1", contact, true, null, null, form, NOW);
    }

    private static Activity engagement(EngagementType type, String url, String touchId, Instant at) {
        return Activity.engagement(java.util.UUID.randomUUID().toString(), type, url, touchId, at, 1);
    }

    static Contact contact(String email, String company, String title, String size, String country, String industry) {
        return new Contact(email, "Jo", null, company, title, null, country, size, industry);
    }

    private static Reason reason(Assessment assessment, String ruleId) {
        return assessment.reasons().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    private static List<String> ruleIds(Assessment assessment) {
        return assessment.reasons().stream().map(Reason::ruleId).toList();
    }

    private static Map<String, Integer> pointsByRule(Assessment assessment) {
        return assessment.reasons().stream().filter(r -> r.points() != 0)
                .collect(Collectors.toMap(Reason::ruleId, Reason::points));
    }
}
