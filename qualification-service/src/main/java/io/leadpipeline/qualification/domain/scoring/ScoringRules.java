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

    /**
     * Validates a rules document and compiles it.
     *
     * @throws InvalidRulesException naming every bad entry, e.g. {@code fit.seniority[2].keywords: must not be empty}
     */
    public static ScoringRules compile(RulesDocument doc, String version, String source) {
        Problems problems = new Problems();
        if (doc == null) {
            throw new InvalidRulesException(source, List.of("the file is empty"));
        }
        RulesDocument.Fit fit = problems.required(doc.fit(), "fit");
        List<KeywordRule> seniority = new ArrayList<>();
        List<KeywordRule> functions = new ArrayList<>();
        List<SizeBand> bands = new ArrayList<>();
        int missingTitle = 0;
        int unknownSize = 0;
        Set<String> countries = Set.of();
        int targetCountry = 0;
        int otherCountry = 0;
        int unknownCountry = 0;
        KeywordRule industries = new KeywordRule("target-industry", 0, List.of());
        int otherIndustry = 0;
        int unknownIndustry = 0;
        int business = 0;
        int freeMail = 0;
        Set<String> freeMailDomains = Set.of();
        int named = 0;
        int missingCompany = 0;
        if (fit != null) {
            List<RulesDocument.Level> levels = problems.nonEmpty(fit.seniority(), "fit.seniority");
            for (int i = 0; i < levels.size(); i++) {
                RulesDocument.Level level = levels.get(i);
                String at = "fit.seniority[" + i + "]";
                seniority.add(new KeywordRule(problems.name(level.level(), at + ".level"),
                        problems.required(level.points(), at + ".points", 0), problems.keywords(level.keywords(), at + ".keywords")));
            }
            problems.unique(seniority, KeywordRule::name, "fit.seniority", "level");
            missingTitle = problems.required(fit.missingTitlePoints(), "fit.missingTitlePoints", 0);
            List<RulesDocument.Function> fns = problems.nonEmpty(fit.functions(), "fit.functions");
            for (int i = 0; i < fns.size(); i++) {
                RulesDocument.Function fn = fns.get(i);
                String at = "fit.functions[" + i + "]";
                functions.add(new KeywordRule(problems.name(fn.function(), at + ".function"),
                        problems.required(fn.points(), at + ".points", 0), problems.keywords(fn.keywords(), at + ".keywords")));
            }
            problems.unique(functions, KeywordRule::name, "fit.functions", "function");
            RulesDocument.CompanySize size = problems.required(fit.companySize(), "fit.companySize");
            if (size != null) {
                List<RulesDocument.Band> given = problems.nonEmpty(size.bands(), "fit.companySize.bands");
                for (int i = 0; i < given.size(); i++) {
                    RulesDocument.Band band = given.get(i);
                    String at = "fit.companySize.bands[" + i + "]";
                    int min = problems.required(band.min(), at + ".min", 0);
                    if (min < 0) {
                        problems.add(at + ".min: must be 0 or more, was " + min);
                    }
                    if (band.max() != null && band.max() < min) {
                        problems.add(at + ".max: must be at least min (" + min + "), was " + band.max());
                    }
                    if (!bands.isEmpty()) {
                        SizeBand previous = bands.get(bands.size() - 1);
                        if (previous.max() == null || min <= previous.max()) {
                            problems.add(at + ".min: must be above the previous band's max (bands are ascending and do not overlap)");
                        }
                    }
                    bands.add(new SizeBand(min, band.max(), problems.required(band.points(), at + ".points", 0)));
                }
                unknownSize = problems.required(size.unknownPoints(), "fit.companySize.unknownPoints", 0);
            }
            RulesDocument.Countries c = problems.required(fit.countries(), "fit.countries");
            if (c != null) {
                List<String> codes = problems.nonEmpty(c.target(), "fit.countries.target");
                Set<String> valid = new LinkedHashSet<>();
                for (int i = 0; i < codes.size(); i++) {
                    String code = codes.get(i);
                    if (code == null || !code.matches("[A-Za-z]{2}")) {
                        problems.add("fit.countries.target[" + i + "]: '" + code + "' is not an ISO-3166 alpha-2 code");
                    } else {
                        valid.add(code.toUpperCase(Locale.ROOT));
                    }
                }
                countries = Set.copyOf(valid);
                targetCountry = problems.required(c.targetPoints(), "fit.countries.targetPoints", 0);
                otherCountry = problems.required(c.otherPoints(), "fit.countries.otherPoints", 0);
                unknownCountry = problems.required(c.unknownPoints(), "fit.countries.unknownPoints", 0);
            }
            RulesDocument.Industries ind = problems.required(fit.industries(), "fit.industries");
            if (ind != null) {
                industries = new KeywordRule("target-industry", problems.required(ind.targetPoints(), "fit.industries.targetPoints", 0),
                        problems.keywords(ind.target(), "fit.industries.target"));
                otherIndustry = problems.required(ind.otherPoints(), "fit.industries.otherPoints", 0);
                unknownIndustry = problems.required(ind.unknownPoints(), "fit.industries.unknownPoints", 0);
            }
            RulesDocument.Email email = problems.required(fit.email(), "fit.email");
            if (email != null) {
                business = problems.required(email.businessPoints(), "fit.email.businessPoints", 0);
                freeMail = problems.required(email.freeMailPoints(), "fit.email.freeMailPoints", 0);
                freeMailDomains = problems.domains(email.freeMailDomains(), "fit.email.freeMailDomains");
            }
            RulesDocument.Company company = problems.required(fit.company(), "fit.company");
            if (company != null) {
                named = problems.required(company.namedPoints(), "fit.company.namedPoints", 0);
                missingCompany = problems.required(company.missingPoints(), "fit.company.missingPoints", 0);
            }
        }

        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        Map<String, Integer> givenGrades = problems.required(doc.grades(), "grades");
        if (givenGrades != null) {
            for (var entry : givenGrades.entrySet()) {
                if (!Set.of("A", "B", "C").contains(entry.getKey())) {
                    problems.add("grades." + entry.getKey() + ": unknown grade (give the minimum fit score of A, B and C; below C is D)");
                } else if (entry.getValue() == null) {
                    problems.add("grades." + entry.getKey() + ": is required");
                } else {
                    grades.put(Grade.valueOf(entry.getKey()), entry.getValue());
                }
            }
            for (Grade grade : List.of(Grade.A, Grade.B, Grade.C)) {
                if (!givenGrades.containsKey(grade.name())) {
                    problems.add("grades." + grade + ": is required");
                }
            }
            if (grades.size() == 3) {
                if (grades.get(Grade.B) >= grades.get(Grade.A)) {
                    problems.add("grades.B: must be below A's " + grades.get(Grade.A) + ", was " + grades.get(Grade.B));
                }
                if (grades.get(Grade.C) >= grades.get(Grade.B)) {
                    problems.add("grades.C: must be below B's " + grades.get(Grade.B) + ", was " + grades.get(Grade.C));
                }
            }
        }

        Duration halfLife = Duration.ofDays(30);
        Map<FormType, Integer> forms = new EnumMap<>(FormType.class);
        Map<EngagementType, Integer> activities = new EnumMap<>(EngagementType.class);
        List<PageRule> pages = new ArrayList<>();
        int nurtureResponse = 0;
        RulesDocument.Engagement engagement = problems.required(doc.engagement(), "engagement");
        if (engagement != null) {
            Double days = problems.required(engagement.halfLifeDays(), "engagement.halfLifeDays");
            if (days != null && days <= 0) {
                problems.add("engagement.halfLifeDays: must be more than 0, was " + days);
            } else if (days != null) {
                halfLife = Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
            }
            forms.putAll(problems.enumPoints(engagement.forms(), "engagement.forms", FormType.class));
            activities.putAll(problems.enumPoints(engagement.activities(), "engagement.activities", EngagementType.class));
            List<RulesDocument.Page> givenPages = engagement.pages() == null ? List.of() : engagement.pages();
            for (int i = 0; i < givenPages.size(); i++) {
                RulesDocument.Page page = givenPages.get(i);
                String at = "engagement.pages[" + i + "]";
                pages.add(new PageRule(problems.name(page.name(), at + ".name"), problems.pattern(page.pattern(), at + ".pattern"),
                        problems.required(page.points(), at + ".points", 0)));
            }
            problems.unique(pages, PageRule::name, "engagement.pages", "name");
            nurtureResponse = problems.required(engagement.nurtureResponsePoints(), "engagement.nurtureResponsePoints", 0);
        }

        int mql = 0;
        int sql = 0;
        Grade sqlGrade = Grade.B;
        RulesDocument.Thresholds thresholds = problems.required(doc.thresholds(), "thresholds");
        if (thresholds != null) {
            mql = problems.required(thresholds.mql(), "thresholds.mql", 0);
            sql = problems.required(thresholds.sql(), "thresholds.sql", 0);
            if (thresholds.mql() != null && thresholds.sql() != null && sql <= mql) {
                problems.add("thresholds.sql: must be above thresholds.mql (" + mql + "), was " + sql);
            }
            sqlGrade = problems.grade(thresholds.sqlMinimumGrade(), "thresholds.sqlMinimumGrade");
        }

        Set<FormType> fastForms = EnumSet.noneOf(FormType.class);
        Set<EngagementType> fastActivities = EnumSet.noneOf(EngagementType.class);
        Grade fastGrade = Grade.B;
        Duration fastWithin = Duration.ofDays(30);
        RulesDocument.FastTrack fastTrack = problems.required(doc.fastTrack(), "fastTrack");
        if (fastTrack != null) {
            fastForms.addAll(problems.enumList(fastTrack.forms(), "fastTrack.forms", FormType.class));
            fastActivities.addAll(problems.enumList(fastTrack.activities(), "fastTrack.activities", EngagementType.class));
            fastGrade = problems.grade(fastTrack.minimumGrade(), "fastTrack.minimumGrade");
            fastWithin = problems.days(fastTrack.withinDays(), "fastTrack.withinDays");
        }
        RulesDocument.Stale stale = problems.required(doc.stale(), "stale");
        Duration staleAfter = stale == null ? Duration.ZERO : problems.days(stale.mqlAfterDays(), "stale.mqlAfterDays");
        RulesDocument.Recycle recycle = problems.required(doc.recycle(), "recycle");
        Duration coolDown = recycle == null ? Duration.ZERO : problems.days(recycle.coolDownDays(), "recycle.coolDownDays");

        Set<String> competitors = Set.of();
        List<Pattern> spamEmails = List.of();
        List<Pattern> spamNames = List.of();
        Set<String> roles = Set.of();
        KeywordRule excluded = new KeywordRule("excluded-title", 0, List.of());
        RulesDocument.Disqualification dq = problems.required(doc.disqualification(), "disqualification");
        if (dq != null) {
            competitors = problems.domains(dq.competitorDomains(), "disqualification.competitorDomains");
            if (dq.spam() != null) {
                spamEmails = problems.patterns(dq.spam().emailPatterns(), "disqualification.spam.emailPatterns");
                spamNames = problems.patterns(dq.spam().namePatterns(), "disqualification.spam.namePatterns");
            }
            roles = Set.copyOf(problems.words(dq.roleAddresses(), "disqualification.roleAddresses"));
            excluded = new KeywordRule("excluded-title", 0, problems.words(dq.excludedTitleKeywords(), "disqualification.excludedTitleKeywords"));
        }

        problems.throwIfAny(source);
        return new ScoringRules(version, List.copyOf(seniority), missingTitle, List.copyOf(functions), List.copyOf(bands),
                unknownSize, countries, targetCountry, otherCountry, unknownCountry, industries, otherIndustry, unknownIndustry,
                business, freeMail, freeMailDomains, named, missingCompany, Map.copyOf(grades), halfLife, Map.copyOf(forms),
                Map.copyOf(activities), List.copyOf(pages), nurtureResponse, mql, sql, sqlGrade, Set.copyOf(fastForms),
                Set.copyOf(fastActivities), fastGrade, fastWithin, staleAfter, coolDown, competitors, spamEmails, spamNames,
                roles, excluded);
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

    /** Collects what is wrong with a rules document, each problem prefixed by the path of its entry. */
    private static final class Problems {

        private final List<String> problems = new ArrayList<>();

        void add(String problem) {
            problems.add(problem);
        }

        <T> T required(T value, String path) {
            if (value == null) {
                problems.add(path + ": is required");
            }
            return value;
        }

        int required(Integer value, String path, int fallback) {
            return required(value, path) == null ? fallback : value;
        }

        <T> List<T> nonEmpty(List<T> values, String path) {
            if (values == null || values.isEmpty()) {
                problems.add(path + ": must list at least one entry");
                return List.of();
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    problems.add(path + "[" + i + "]: is empty");
                }
            }
            return values.stream().filter(value -> value != null).toList();
        }

        String name(String name, String path) {
            if (name == null || name.isBlank()) {
                problems.add(path + ": is required");
                return "?";
            }
            return name.trim();
        }

        List<String> keywords(List<String> keywords, String path) {
            List<String> valid = words(keywords, path);
            if (keywords == null || keywords.isEmpty()) {
                problems.add(path + ": must list at least one keyword");
            }
            return valid;
        }

        List<String> words(List<String> words, String path) {
            if (words == null) {
                return List.of();
            }
            List<String> valid = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (word == null || word.isBlank()) {
                    problems.add(path + "[" + i + "]: is empty");
                } else {
                    valid.add(word.trim().toLowerCase(Locale.ROOT));
                }
            }
            return valid;
        }

        Set<String> domains(List<String> domains, String path) {
            Set<String> valid = new LinkedHashSet<>();
            List<String> given = words(domains, path);
            for (int i = 0; i < given.size(); i++) {
                String domain = given.get(i);
                if (domain.contains("@") || !domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
                    problems.add(path + "[" + i + "]: '" + domain + "' is not a domain name like example.com");
                } else {
                    valid.add(domain);
                }
            }
            return Set.copyOf(valid);
        }

        Pattern pattern(String regex, String path) {
            if (regex == null || regex.isBlank()) {
                problems.add(path + ": is required");
                return Pattern.compile("(?!)");
            }
            try {
                return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                problems.add(path + ": '" + regex + "' is not a valid regular expression (" + e.getDescription() + ")");
                return Pattern.compile("(?!)");
            }
        }

        List<Pattern> patterns(List<String> regexes, String path) {
            if (regexes == null) {
                return List.of();
            }
            List<Pattern> compiled = new ArrayList<>();
            for (int i = 0; i < regexes.size(); i++) {
                compiled.add(pattern(regexes.get(i), path + "[" + i + "]"));
            }
            return List.copyOf(compiled);
        }

        <E extends Enum<E>> Map<E, Integer> enumPoints(Map<String, Integer> points, String path, Class<E> type) {
            Map<E, Integer> valid = new EnumMap<>(type);
            if (required(points, path) == null) {
                return valid;
            }
            for (var entry : points.entrySet()) {
                E constant = constant(entry.getKey(), path + "." + entry.getKey(), type);
                if (entry.getValue() == null) {
                    problems.add(path + "." + entry.getKey() + ": needs points");
                } else if (constant != null) {
                    valid.put(constant, entry.getValue());
                }
            }
            return valid;
        }

        <E extends Enum<E>> List<E> enumList(List<String> names, String path, Class<E> type) {
            List<E> valid = new ArrayList<>();
            if (names == null) {
                return valid;
            }
            for (int i = 0; i < names.size(); i++) {
                E constant = constant(names.get(i), path + "[" + i + "]", type);
                if (constant != null) {
                    valid.add(constant);
                }
            }
            return valid;
        }

        Grade grade(String name, String path) {
            Grade grade = constant(required(name, path), path, Grade.class);
            return grade == null ? Grade.B : grade;
        }

        Duration days(Integer days, String path) {
            if (required(days, path) == null) {
                return Duration.ZERO;
            }
            if (days <= 0) {
                problems.add(path + ": must be 1 or more days, was " + days);
            }
            return Duration.ofDays(days);
        }

        <T> void unique(List<T> values, Function<T, String> key, String path, String what) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < values.size(); i++) {
                if (!seen.add(key.apply(values.get(i)))) {
                    problems.add(path + "[" + i + "]." + what + ": '" + key.apply(values.get(i)) + "' is listed twice");
                }
            }
        }

        private <E extends Enum<E>> E constant(String name, String path, Class<E> type) {
            if (name == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, name.trim());
            } catch (IllegalArgumentException e) {
                List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
                problems.add(path + ": unknown " + type.getSimpleName() + " '" + name + "' (one of " + String.join(", ", allowed) + ")");
                return null;
            }
        }

        void throwIfAny(String source) {
            if (!problems.isEmpty()) {
                throw new InvalidRulesException(source, problems);
            }
        }
    }
}
