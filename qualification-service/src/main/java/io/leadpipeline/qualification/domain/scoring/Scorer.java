package io.leadpipeline.qualification.domain.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.RejectionReason;
import io.leadpipeline.qualification.domain.Activity;
import io.leadpipeline.qualification.domain.Assessment;
import io.leadpipeline.qualification.domain.Contact;
import io.leadpipeline.qualification.domain.LeadProfile;
import io.leadpipeline.qualification.domain.Reason;

/**
 * Scores a lead against the rules at one instant: fit (who they are) → grade, engagement (what they did, decayed),
 * disqualification, then the stage those qualify it for. Every rule that fires adds a {@link Reason}; nothing is
 * decided without one.
 */
public final class Scorer {

    private final ScoringRules rules;

    public Scorer(ScoringRules rules) {
        this.rules = rules;
    }

    public ScoringRules rules() {
        return rules;
    }

    public Assessment assess(LeadProfile lead, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        Optional<Disqualification> disqualified = disqualification(lead.contact());
        disqualified.ifPresent(d -> reasons.add(new Reason(d.ruleId(), 0, d.sentence())));
        int fit = fit(lead.contact(), reasons);
        Grade grade = rules.gradeFor(fit);
        reasons.add(new Reason("grade", 0, "Fit score " + fit + " earns grade " + grade + " (A from " + rules.gradeMinimums().get(Grade.A)
                + ", B from " + rules.gradeMinimums().get(Grade.B) + ", C from " + rules.gradeMinimums().get(Grade.C) + ", D below)."));
        int engagement = engagement(lead.activities(), now, reasons);
        int total = fit + engagement;

        if (disqualified.isPresent()) {
            return new Assessment(LeadStage.REJECTED, disqualified.get().reason(), fit, engagement, grade, reasons,
                    rules.version(), now);
        }
        Optional<Activity> fastTrack = fastTrackRequest(lead, now);
        LeadStage stage;
        RejectionReason rejection = null;
        if (fastTrack.isPresent() && atLeast(grade, rules.fastTrackMinimumGrade())) {
            stage = LeadStage.SQL;
            reasons.add(new Reason("stage.fast-track", 0, "Fast track: a grade " + grade + " lead made a high-intent request ("
                    + describe(fastTrack.get()) + " on " + fastTrack.get().occurredAt() + "); grade " + rules.fastTrackMinimumGrade()
                    + " or better goes straight to sales."));
        } else if (total >= rules.sqlThreshold() && atLeast(grade, rules.sqlMinimumGrade())) {
            stage = LeadStage.SQL;
            reasons.add(new Reason("stage.sql-threshold", 0, "Total score " + total + " reaches the SQL threshold "
                    + rules.sqlThreshold() + " with grade " + grade + " (" + rules.sqlMinimumGrade() + " or better needed)."));
        } else if (total >= rules.mqlThreshold()) {
            stage = LeadStage.MQL;
            String notSql = total >= rules.sqlThreshold()
                    ? "; grade " + grade + " is below the " + rules.sqlMinimumGrade() + " that SQL needs"
                    : "; SQL needs " + rules.sqlThreshold();
            reasons.add(new Reason("stage.mql-threshold", 0, "Total score " + total + " reaches the MQL threshold "
                    + rules.mqlThreshold() + notSql + "."));
        } else if (grade == Grade.D) {
            stage = LeadStage.REJECTED;
            rejection = RejectionReason.NOT_A_FIT;
            reasons.add(new Reason("stage.not-a-fit", 0, "Grade D (fit score " + fit + "): not a fit for sales; total score "
                    + total + " is below the MQL threshold " + rules.mqlThreshold() + "."));
        } else {
            stage = LeadStage.REJECTED;
            rejection = RejectionReason.LOW_SCORE;
            reasons.add(new Reason("stage.low-score", 0, "Total score " + total + " is below the MQL threshold "
                    + rules.mqlThreshold() + "."));
        }
        if (stage == LeadStage.SQL && lead.coolDownUntil() != null && now.isBefore(lead.coolDownUntil())) {
            stage = LeadStage.MQL;
            reasons.add(new Reason("stage.recycle-cool-down", 0, "Rejected by a closer in cycle " + (lead.cycle() - 1)
                    + ": held at MQL until the cool-down ends on " + lead.coolDownUntil() + "."));
        }
        return new Assessment(stage, rejection, fit, engagement, grade, reasons, rules.version(), now);
    }

    /** A disqualifying rule that fired: the rejection reason and why. */
    public record Disqualification(RejectionReason reason, String ruleId, String sentence) {
    }

    public Optional<Disqualification> disqualification(Contact contact) {
        String email = contact.email() == null ? "" : contact.email().trim().toLowerCase(Locale.ROOT);
        String domain = contact.emailDomain().toLowerCase(Locale.ROOT);
        for (String competitor : rules.competitorDomains()) {
            if (domain.equals(competitor) || domain.endsWith("." + competitor)) {
                return Optional.of(new Disqualification(RejectionReason.DISQUALIFIED_COMPETITOR, "disqualify.competitor",
                        "Disqualified: the email domain " + domain + " belongs to a competitor."));
            }
        }
        for (Pattern pattern : rules.spamEmailPatterns()) {
            if (pattern.matcher(email).find()) {
                return Optional.of(new Disqualification(RejectionReason.DISQUALIFIED_SPAM, "disqualify.spam-email",
                        "Disqualified: the email address matches the test/spam pattern " + pattern.pattern() + "."));
            }
        }
        for (String name : new String[] {contact.firstName(), contact.lastName(), contact.company()}) {
            for (Pattern pattern : rules.spamNamePatterns()) {
                if (name != null && pattern.matcher(name.trim()).matches()) {
                    return Optional.of(new Disqualification(RejectionReason.DISQUALIFIED_SPAM, "disqualify.spam-name",
                            "Disqualified: the name or company '" + name.trim() + "' matches the test/spam pattern " + pattern.pattern() + "."));
                }
            }
        }
        int at = email.lastIndexOf('@');
        String local = at < 0 ? "" : email.substring(0, at);
        if (at <= 0 || !domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
            return Optional.of(new Disqualification(RejectionReason.DISQUALIFIED_INVALID, "disqualify.invalid-email",
                    "Disqualified: the email address has no valid domain."));
        }
        if (rules.roleAddresses().contains(local)) {
            return Optional.of(new Disqualification(RejectionReason.DISQUALIFIED_INVALID, "disqualify.role-address",
                    "Disqualified: " + local + "@ is a shared role mailbox, not a person."));
        }
        Optional<String> excluded = rules.excludedTitles().match(contact.jobTitle());
        if (excluded.isPresent()) {
            return Optional.of(new Disqualification(RejectionReason.DISQUALIFIED_EXCLUDED_SEGMENT, "disqualify.excluded-title",
                    "Disqualified: the job title '" + contact.jobTitle() + "' is in an excluded segment ('" + excluded.get() + "')."));
        }
        return Optional.empty();
    }

    private int fit(Contact contact, List<Reason> reasons) {
        int fit = 0;
        String title = contact.jobTitle();
        if (title == null || title.isBlank()) {
            fit += add(reasons, "fit.title.missing", rules.missingTitlePoints(), "No job title given.");
        } else {
            for (KeywordRule level : rules.seniority()) {
                Optional<String> keyword = level.match(title);
                if (keyword.isPresent()) {
                    fit += add(reasons, "fit.seniority." + level.name(), level.points(),
                            "Job title '" + title + "' reads as " + level.name() + " ('" + keyword.get() + "').");
                    break;
                }
            }
            for (KeywordRule function : rules.functions()) {
                Optional<String> keyword = function.match(title);
                if (keyword.isPresent()) {
                    fit += add(reasons, "fit.function." + function.name(), function.points(),
                            "Job title '" + title + "' is in " + function.name() + " ('" + keyword.get() + "').");
                    break;
                }
            }
        }
        Optional<Integer> employees = contact.knownEmployees();
        if (employees.isEmpty()) {
            fit += add(reasons, "fit.company-size.unknown", rules.unknownCompanySizePoints(), "Company size not given.");
        } else {
            for (ScoringRules.SizeBand band : rules.companySizeBands()) {
                if (band.contains(employees.get())) {
                    fit += add(reasons, "fit.company-size." + band.label(), band.points(),
                            "Company size " + Optional.ofNullable(contact.companySize()).orElse(String.valueOf(employees.get()))
                                    + " is in the " + band.label() + " employees band.");
                    break;
                }
            }
        }
        String country = contact.country();
        if (country == null || country.isBlank()) {
            fit += add(reasons, "fit.country.unknown", rules.unknownCountryPoints(), "Country not given.");
        } else if (rules.targetCountries().contains(country.trim().toUpperCase(Locale.ROOT))) {
            fit += add(reasons, "fit.country.target", rules.targetCountryPoints(), "Country " + country + " is a target market.");
        } else {
            fit += add(reasons, "fit.country.other", rules.otherCountryPoints(), "Country " + country + " is not a target market.");
        }
        String industry = contact.industry();
        if (industry == null || industry.isBlank()) {
            fit += add(reasons, "fit.industry.unknown", rules.unknownIndustryPoints(), "Industry not given.");
        } else if (rules.targetIndustries().match(industry).isPresent()) {
            fit += add(reasons, "fit.industry.target", rules.targetIndustries().points(), "Industry '" + industry + "' is a target industry.");
        } else {
            fit += add(reasons, "fit.industry.other", rules.otherIndustryPoints(), "Industry '" + industry + "' is not a target industry.");
        }
        String domain = contact.emailDomain().toLowerCase(Locale.ROOT);
        if (rules.freeMailDomains().contains(domain)) {
            fit += add(reasons, "fit.email.free-mail", rules.freeMailPoints(), "Uses a free-mail address (" + domain + "), not a company one.");
        } else {
            fit += add(reasons, "fit.email.business", rules.businessEmailPoints(), "Uses a business email address (" + domain + ").");
        }
        String company = contact.company();
        if (company == null || company.isBlank()) {
            fit += add(reasons, "fit.company.missing", rules.companyMissingPoints(), "Did not name a company.");
        } else {
            fit += add(reasons, "fit.company.named", rules.companyNamedPoints(), "Named their company: " + company + ".");
        }
        return fit;
    }

    /** Sums each rule's decayed points over the activities; one reason per rule, with its count and decay. */
    private int engagement(List<Activity> activities, Instant now, List<Reason> reasons) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Activity activity : activities) {
            double decay = Decay.factor(activity.occurredAt(), now, rules.halfLife());
            Scored scored = score(activity);
            tallies.computeIfAbsent(scored.ruleId(), id -> new Tally(scored.what())).add(scored.points(), decay);
            if (activity.touchId() != null && rules.nurtureResponsePoints() != 0) {
                tallies.computeIfAbsent("engagement.nurture-response", id -> new Tally("answered a nurture touch"))
                        .add(rules.nurtureResponsePoints(), decay);
            }
        }
        int engagement = 0;
        String halfLife = days(rules.halfLife());
        for (var entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            int points = (int) Math.round(tally.decayed);
            if (points == 0 && tally.undecayed == 0) {
                continue;
            }
            engagement += points;
            String decayNote = points == tally.undecayed ? "" : ", " + points + " after decay (half-life " + halfLife + ")";
            reasons.add(new Reason(entry.getKey(), points, capitalized(tally.what) + " " + tally.count + "×: "
                    + tally.undecayed + " points" + decayNote + "."));
        }
        return engagement;
    }

    private record Scored(String ruleId, String what, int points) {
    }

    private Scored score(Activity activity) {
        if (activity.kind() == Activity.Kind.CONVERSION) {
            FormType form = activity.formType();
            return new Scored("engagement.form." + form, "filled in a " + form + " form", rules.formPoints().getOrDefault(form, 0));
        }
        EngagementType type = activity.engagementType();
        if (type == EngagementType.PAGE_VIEW && activity.url() != null) {
            for (ScoringRules.PageRule page : rules.pages()) {
                if (page.pattern().matcher(activity.url()).find()) {
                    return new Scored("engagement.page." + page.name(), "viewed a " + page.name() + " page", page.points());
                }
            }
        }
        return new Scored("engagement.activity." + type, describe(type), rules.activityPoints().getOrDefault(type, 0));
    }

    private Optional<Activity> fastTrackRequest(LeadProfile lead, Instant now) {
        Instant since = now.minus(rules.fastTrackWithin());
        return lead.activities().stream()
                .filter(activity -> activity.cycle() == lead.cycle() && !activity.occurredAt().isBefore(since))
                .filter(activity -> activity.kind() == Activity.Kind.CONVERSION
                        ? rules.fastTrackForms().contains(activity.formType())
                        : rules.fastTrackActivities().contains(activity.engagementType()))
                .reduce((first, second) -> second);
    }

    private static String describe(Activity activity) {
        return activity.kind() == Activity.Kind.CONVERSION ? activity.formType() + " form" : describe(activity.engagementType());
    }

    private static String describe(EngagementType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static boolean atLeast(Grade grade, Grade minimum) {
        return grade.ordinal() <= minimum.ordinal();
    }

    private static int add(List<Reason> reasons, String ruleId, int points, String sentence) {
        if (points != 0) {
            reasons.add(new Reason(ruleId, points, sentence));
        }
        return points;
    }

    private static String days(Duration duration) {
        double days = duration.toMillis() / (double) Duration.ofDays(1).toMillis();
        return (days == Math.rint(days) ? Long.toString((long) days) : Double.toString(days)) + " days";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Points of one rule over all its activities, before and after decay. */
    private static final class Tally {
        private final String what;
        private int count;
        private int undecayed;
        private double decayed;

        Tally(String what) {
            this.what = what;
        }

        void add(int points, double decay) {
            count++;
            undecayed += points;
            decayed += points * decay;
        }
    }
}
