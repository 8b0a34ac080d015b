package io.leadpipeline.qualification.domain.scoring;

import java.util.List;
import java.util.Map;

/**
 * The scoring rules file (config/scoring.yaml) as written, before validation. Every field may be missing here;
 * {@link ScoringRules#compile} says which ones must not be.
 */
public record RulesDocument(Fit fit, Map<String, Integer> grades, Engagement engagement, Thresholds thresholds,
        FastTrack fastTrack, Stale stale, Recycle recycle, Disqualification disqualification) {

    public record Fit(List<Level> seniority, Integer missingTitlePoints, List<Function> functions, CompanySize companySize,
            Countries countries, Industries industries, Email email, Company company) {
    }

    public record Level(String level, Integer points, List<String> keywords) {
    }

    public record Function(String function, Integer points, List<String> keywords) {
    }

    public record CompanySize(List<Band> bands, Integer unknownPoints) {
    }

    public record Band(Integer min, Integer max, Integer points) {
    }

    public record Countries(List<String> target, Integer targetPoints, Integer otherPoints, Integer unknownPoints) {
    }

    public record Industries(List<String> target, Integer targetPoints, Integer otherPoints, Integer unknownPoints) {
    }

    public record Email(Integer businessPoints, Integer freeMailPoints, List<String> freeMailDomains) {
    }

    public record Company(Integer namedPoints, Integer missingPoints) {
    }

    public record Engagement(Double halfLifeDays, Map<String, Integer> forms, Map<String, Integer> activities,
            List<Page> pages, Integer nurtureResponsePoints) {
    }

    public record Page(String name, String pattern, Integer points) {
    }

    public record Thresholds(Integer mql, Integer sql, String sqlMinimumGrade) {
    }

    public record FastTrack(List<String> forms, List<String> activities, String minimumGrade, Integer withinDays) {
    }

    public record Stale(Integer mqlAfterDays) {
    }

    public record Recycle(Integer coolDownDays) {
    }

    public record Disqualification(List<String> competitorDomains, Spam spam, List<String> roleAddresses,
            List<String> excludedTitleKeywords) {
    }

    public record Spam(List<String> emailPatterns, List<String> namePatterns) {
    }
}
