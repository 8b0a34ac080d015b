package io.leadpipeline.qualification.domain.scoring;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.leadpipeline.events.EngagementType;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.service.rules.RuleChecks;

/**
 * The scoring rules document (config/scoring.yaml) as written: bound and checked by the rules kit
 * ({@code RulesReader}), field by field with Bean Validation and across fields in {@link #check}; then
 * {@link ScoringRules#compile} turns it into what the {@link Scorer} applies.
 */
public record ScoringDocument(@NotNull(message = REQUIRED) @Valid Fit fit, @NotNull(message = REQUIRED) @Valid Grades grades,
        @NotNull(message = REQUIRED) @Valid Engagement engagement, @NotNull(message = REQUIRED) @Valid Thresholds thresholds,
        @NotNull(message = REQUIRED) @Valid FastTrack fastTrack, @NotNull(message = REQUIRED) @Valid Stale stale,
        @NotNull(message = REQUIRED) @Valid Recycle recycle, @NotNull(message = REQUIRED) @Valid Disqualification disqualification)
        implements RuleChecks {

    static final String REQUIRED = "is required";
    static final String EMPTY = "is empty";
    static final String AT_LEAST_ONE = "must list at least one entry";
    static final String AT_LEAST_ONE_KEYWORD = "must list at least one keyword";
    static final String DAYS = "must be 1 or more days";
    static final String DOMAIN = "is not a domain name like example.com";
    /** A domain name: no @, at least one dot, not at either end. */
    static final String DOMAIN_PATTERN = "[^@.\\s][^@\\s]*\\.[^@\\s]*[^@.\\s]";

    public record Fit(@NotEmpty(message = AT_LEAST_ONE) List<@NotNull(message = EMPTY) @Valid Level> seniority,
            @NotNull(message = REQUIRED) Integer missingTitlePoints,
            @NotEmpty(message = AT_LEAST_ONE) List<@NotNull(message = EMPTY) @Valid Function> functions,
            @NotNull(message = REQUIRED) @Valid CompanySize companySize, @NotNull(message = REQUIRED) @Valid Countries countries,
            @NotNull(message = REQUIRED) @Valid Industries industries, @NotNull(message = REQUIRED) @Valid Email email,
            @NotNull(message = REQUIRED) @Valid Company company) {
    }

    public record Level(@NotBlank(message = REQUIRED) String level, @NotNull(message = REQUIRED) Integer points,
            @NotEmpty(message = AT_LEAST_ONE_KEYWORD) List<@NotBlank(message = EMPTY) String> keywords) {
    }

    public record Function(@NotBlank(message = REQUIRED) String function, @NotNull(message = REQUIRED) Integer points,
            @NotEmpty(message = AT_LEAST_ONE_KEYWORD) List<@NotBlank(message = EMPTY) String> keywords) {
    }

    public record CompanySize(@NotEmpty(message = AT_LEAST_ONE) List<@NotNull(message = EMPTY) @Valid Band> bands,
            @NotNull(message = REQUIRED) Integer unknownPoints) {
    }

    /** Employees from min to max (inclusive); no max: and above. */
    public record Band(@NotNull(message = REQUIRED) @PositiveOrZero Integer min, Integer max,
            @NotNull(message = REQUIRED) Integer points) {
    }

    public record Countries(
            @NotEmpty(message = AT_LEAST_ONE) List<@NotNull(message = EMPTY) @jakarta.validation.constraints.Pattern(
                    regexp = "[A-Za-z]{2}", message = "is not an ISO-3166 alpha-2 code") String> target,
            @NotNull(message = REQUIRED) Integer targetPoints, @NotNull(message = REQUIRED) Integer otherPoints,
            @NotNull(message = REQUIRED) Integer unknownPoints) {
    }

    public record Industries(@NotEmpty(message = AT_LEAST_ONE_KEYWORD) List<@NotBlank(message = EMPTY) String> target,
            @NotNull(message = REQUIRED) Integer targetPoints, @NotNull(message = REQUIRED) Integer otherPoints,
            @NotNull(message = REQUIRED) Integer unknownPoints) {
    }

    public record Email(@NotNull(message = REQUIRED) Integer businessPoints, @NotNull(message = REQUIRED) Integer freeMailPoints,
            List<@NotNull(message = EMPTY) @jakarta.validation.constraints.Pattern(regexp = DOMAIN_PATTERN, message = DOMAIN) String> freeMailDomains) {
    }

    public record Company(@NotNull(message = REQUIRED) Integer namedPoints, @NotNull(message = REQUIRED) Integer missingPoints) {
    }

    /** The minimum fit score of grades A, B and C; below C is D. */
    public record Grades(@NotNull(message = REQUIRED) Integer A, @NotNull(message = REQUIRED) Integer B,
            @NotNull(message = REQUIRED) Integer C) {
    }

    public record Engagement(@NotNull(message = REQUIRED) @Positive(message = "must be more than 0") Double halfLifeDays,
            @NotNull(message = REQUIRED) Map<FormType, @NotNull(message = "needs points") Integer> forms,
            @NotNull(message = REQUIRED) Map<EngagementType, @NotNull(message = "needs points") Integer> activities,
            List<@NotNull(message = EMPTY) @Valid Page> pages, @NotNull(message = REQUIRED) Integer nurtureResponsePoints) {
    }

    public record Page(@NotBlank(message = REQUIRED) String name, @NotBlank(message = REQUIRED) String pattern,
            @NotNull(message = REQUIRED) Integer points) {
    }

    public record Thresholds(@NotNull(message = REQUIRED) Integer mql, @NotNull(message = REQUIRED) Integer sql,
            @NotNull(message = REQUIRED) Grade sqlMinimumGrade) {
    }

    public record FastTrack(List<@NotNull(message = EMPTY) FormType> forms, List<@NotNull(message = EMPTY) EngagementType> activities,
            @NotNull(message = REQUIRED) Grade minimumGrade,
            @NotNull(message = REQUIRED) @Positive(message = DAYS) Integer withinDays) {
    }

    public record Stale(@NotNull(message = REQUIRED) @Positive(message = DAYS) Integer mqlAfterDays) {
    }

    public record Recycle(@NotNull(message = REQUIRED) @Positive(message = DAYS) Integer coolDownDays) {
    }

    public record Disqualification(
            List<@NotNull(message = EMPTY) @jakarta.validation.constraints.Pattern(regexp = DOMAIN_PATTERN, message = DOMAIN) String> competitorDomains,
            @Valid Spam spam, List<@NotBlank(message = EMPTY) String> roleAddresses,
            List<@NotBlank(message = EMPTY) String> excludedTitleKeywords) {
    }

    public record Spam(List<@NotBlank(message = EMPTY) String> emailPatterns, List<@NotBlank(message = EMPTY) String> namePatterns) {
    }

    @Override
    public void check(Problems problems) {
        problems.unique(fit.seniority(), level -> level.level().trim(), "fit.seniority", "level");
        problems.unique(fit.functions(), function -> function.function().trim(), "fit.functions", "function");
        List<Band> bands = fit.companySize().bands();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String at = "fit.companySize.bands[" + i + "]";
            if (band.max() != null && band.max() < band.min()) {
                problems.add(at + ".max", "must be at least min (" + band.min() + "), was " + band.max());
            }
            if (i > 0 && (bands.get(i - 1).max() == null || band.min() <= bands.get(i - 1).max())) {
                problems.add(at + ".min", "must be above the previous band's max (bands are ascending and do not overlap)");
            }
        }
        if (grades.B() >= grades.A()) {
            problems.add("grades.B", "must be below A's " + grades.A() + ", was " + grades.B());
        }
        if (grades.C() >= grades.B()) {
            problems.add("grades.C", "must be below B's " + grades.B() + ", was " + grades.C());
        }
        List<Page> pages = engagement.pages() == null ? List.of() : engagement.pages();
        for (int i = 0; i < pages.size(); i++) {
            regex(pages.get(i).pattern(), "engagement.pages[" + i + "].pattern", problems);
        }
        problems.unique(pages, page -> page.name().trim(), "engagement.pages", "name");
        if (thresholds.sql() <= thresholds.mql()) {
            problems.add("thresholds.sql", "must be above thresholds.mql (" + thresholds.mql() + "), was " + thresholds.sql());
        }
        if (disqualification.spam() != null) {
            regexes(disqualification.spam().emailPatterns(), "disqualification.spam.emailPatterns", problems);
            regexes(disqualification.spam().namePatterns(), "disqualification.spam.namePatterns", problems);
        }
    }

    private static void regexes(List<String> regexes, String path, Problems problems) {
        for (int i = 0; regexes != null && i < regexes.size(); i++) {
            regex(regexes.get(i), path + "[" + i + "]", problems);
        }
    }

    private static void regex(String regex, String path, Problems problems) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(path, "'" + regex + "' is not a valid regular expression (" + e.getDescription() + ")");
        }
    }
}
