package io.leadpipeline.qualification.domain.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.regex.PatternSyntaxException;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;

/**
 * The validated scoring rules: what {@link Scorer} applies. Built only by {@link #compile}, which names every bad
 * entry of the rules file, so a running service always has complete, consistent rules.
 */
public record ScoringRules(
        String version,
        List<KeywordRule> seniority,
        int missingTitlePoints,
        List<KeywordRule> functions,
        List<SizeBand> companySizeBands,
        int unknownCompanySizePoints,
        Set<String> targetCountries,
        int targetCountryPoints,
        int otherCountryPoints,
        int unknownCountryPoints,
        KeywordRule targetIndustries,
        int otherIndustryPoints,
        int unknownIndustryPoints,
        int businessEmailPoints,
        int freeMailPoints,
        Set<String> freeMailDomains,
        int companyNamedPoints,
        int companyMissingPoints,
        Map<Grade, Integer> gradeMinimums,
        Duration halfLife,
        Map<FormType, Integer> formPoints,
        Map<EngagementType, Integer> activityPoints,
        List<PageRule> pages,
        int nurtureResponsePoints,
        int mqlThreshold,
        int sqlThreshold,
        Grade sqlMinimumGrade,
        Set<FormType> fastTrackForms,
        Set<EngagementType> fastTrackActivities,
        Grade fastTrackMinimumGrade,
        Duration fastTrackWithin,
        Duration staleMqlAfter,
        Duration recycleCoolDown,
        Set<String> competitorDomains,
        List<Pattern> spamEmailPatterns,
        List<Pattern> spamNamePatterns,
        Set<String> roleAddresses,
        KeywordRule excludedTitles) {

    /** Company-size band: employees from min to max (inclusive; no max = and above). */
    public record SizeBand(int min, Integer max, int points) {

        boolean contains(int employees) {
            return employees >= min && (max == null || employees <= max);
        }

        String label() {
            return max == null ? min + "+" : min + "-" + max;
        }
    }

    /** A page whose URL matches scores these points for a PAGE_VIEW. */
    public record PageRule(String name, Pattern pattern, int points) {
    }

    /** Compiles a document the rules kit has validated: keywords trimmed and lower-cased, patterns compiled, days as durations. */
    public static ScoringRules compile(ScoringDocument doc, String version) {
        ScoringDocument.Fit fit = doc.fit();
        List<KeywordRule> seniority = fit.seniority().stream()
                .map(level -> new KeywordRule(level.level().trim(), level.points(), words(level.keywords()))).toList();
        List<KeywordRule> functions = fit.functions().stream()
                .map(function -> new KeywordRule(function.function().trim(), function.points(), words(function.keywords()))).toList();
        List<SizeBand> bands = fit.companySize().bands().stream().map(band -> new SizeBand(band.min(), band.max(), band.points())).toList();
        Set<String> countries = fit.countries().target().stream().map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        KeywordRule industries = new KeywordRule("target-industry", fit.industries().targetPoints(), words(fit.industries().target()));
        Map<Grade, Integer> grades = Map.of(Grade.A, doc.grades().A(), Grade.B, doc.grades().B(), Grade.C, doc.grades().C());
        ScoringDocument.Engagement engagement = doc.engagement();
        Duration halfLife = Duration.ofMillis(Math.round(engagement.halfLifeDays() * Duration.ofDays(1).toMillis()));
        List<PageRule> pages = (engagement.pages() == null ? List.<ScoringDocument.Page>of() : engagement.pages()).stream()
                .map(page -> new PageRule(page.name().trim(), Pattern.compile(page.pattern(), Pattern.CASE_INSENSITIVE), page.points()))
                .toList();
        ScoringDocument.FastTrack fastTrack = doc.fastTrack();
        ScoringDocument.Disqualification dq = doc.disqualification();
        ScoringDocument.Spam spam = dq.spam();
        return new ScoringRules(version, seniority, fit.missingTitlePoints(), functions, bands, fit.companySize().unknownPoints(),
                countries, fit.countries().targetPoints(), fit.countries().otherPoints(), fit.countries().unknownPoints(),
                industries, fit.industries().otherPoints(), fit.industries().unknownPoints(),
                fit.email().businessPoints(), fit.email().freeMailPoints(), Set.copyOf(words(fit.email().freeMailDomains())),
                fit.company().namedPoints(), fit.company().missingPoints(), grades, halfLife, Map.copyOf(engagement.forms()),
                Map.copyOf(engagement.activities()), pages, engagement.nurtureResponsePoints(), doc.thresholds().mql(),
                doc.thresholds().sql(), doc.thresholds().sqlMinimumGrade(), Set.copyOf(listed(fastTrack.forms())),
                Set.copyOf(listed(fastTrack.activities())), fastTrack.minimumGrade(), Duration.ofDays(fastTrack.withinDays()),
                Duration.ofDays(doc.stale().mqlAfterDays()), Duration.ofDays(doc.recycle().coolDownDays()),
                Set.copyOf(words(dq.competitorDomains())), patterns(spam == null ? null : spam.emailPatterns()),
                patterns(spam == null ? null : spam.namePatterns()), Set.copyOf(words(dq.roleAddresses())),
                new KeywordRule("excluded-title", 0, words(dq.excludedTitleKeywords())));
    }

    /** The grade a fit score earns. */
    public Grade gradeFor(int fitScore) {
        for (Grade grade : List.of(Grade.A, Grade.B, Grade.C)) {
            if (fitScore >= gradeMinimums.get(grade)) {
                return grade;
            }
        }
        return Grade.D;
    }

    private static List<String> words(List<String> words) {
        return words == null ? List.of() : words.stream().map(word -> word.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static <T> List<T> listed(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes == null ? List.of()
                : regexes.stream().map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE)).toList();
    }
}
