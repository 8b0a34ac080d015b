package io.leadpipeline.routing.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.service.rules.RuleChecks;

/**
 * routing.yaml as written: bound and checked by the rules kit ({@code RulesReader}), field by field with Bean
 * Validation and across fields in {@link #check} (unknown closers and pools, the catch-all, time zones, working
 * hours); {@link #compile} turns it into the {@link RoutingRules} the desk applies.
 */
public record RoutingDocument(@NotNull(message = "is required, a duration such as 4h or PT4H") Duration sla,
        @Min(value = 1, message = "must be at least 1") Integer maxAttempts,
        @NotBlank(message = "is required (the pool a lead goes to after maxAttempts unanswered handoffs)") String escalationPool,
        @Valid AccountMatching accountMatching,
        Map<String, @NotEmpty(message = "needs at least one country") List<@NotNull(message = EMPTY) @Pattern(regexp = COUNTRY,
                message = NOT_A_COUNTRY) String>> regions,
        @NotEmpty(message = "at least one closer is required") List<@NotNull(message = EMPTY) @Valid Closer> closers,
        @NotEmpty(message = "at least one pool is required") List<@NotNull(message = EMPTY) @Valid PoolEntry> pools,
        @NotEmpty(message = "a catch-all rule (one without 'when') is required as the last rule, so every lead has a pool")
        List<@NotNull(message = EMPTY) @Valid RuleEntry> rules) implements RuleChecks {

    static final String EMPTY = "empty entry";
    static final String REQUIRED = "is required";
    static final String COUNTRY = "[A-Za-z]{2}";
    static final String NOT_A_COUNTRY = "is not an ISO-3166 alpha-2 country code";
    /** Closer and pool ids appear in URLs and in the desk's store keys (where '|' separates parts): plain tokens only. */
    static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String NOT_AN_IDENTIFIER = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    public record AccountMatching(Boolean enabled, List<@NotBlank(message = EMPTY) String> ignoreDomains) {
    }

    /** {@code workingHours} is "always" or {days, from, to}: a union a record cannot bind, so it is read in {@link #check}. */
    public record Closer(@NotBlank(message = REQUIRED) @Pattern(regexp = IDENTIFIER, message = NOT_AN_IDENTIFIER) String id,
            @NotBlank(message = REQUIRED) String name,
            @NotBlank(message = REQUIRED) @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "is not an email address") String email,
            String team, @NotBlank(message = "is required, an IANA time zone such as Europe/London") String timezone,
            @NotNull(message = "is required, 'always' or {days: [MON-FRI], from: \"09:00\", to: \"17:00\"}") JsonNode workingHours,
            @NotNull(message = "is required, the most open handoffs the closer holds at once (at least 1)")
            @Min(value = 1, message = "must be at least 1") Integer capacity,
            @Min(value = 1, message = "must be at least 1") Integer weight, Boolean active) {
    }

    public record PoolEntry(@NotBlank(message = REQUIRED) @Pattern(regexp = IDENTIFIER, message = NOT_AN_IDENTIFIER) String id,
            @NotNull(message = "is required, one of ROUND_ROBIN, LOAD_BALANCED, WEIGHTED") PoolStrategy strategy,
            @NotEmpty(message = "a pool needs at least one closer") List<@NotBlank(message = EMPTY) String> members,
            OffHours offHours, String overflowPool) {
    }

    public record RuleEntry(@NotBlank(message = REQUIRED) String id, @Valid When when, @NotBlank(message = REQUIRED) String pool) {
    }

    public record When(List<@NotNull(message = EMPTY) @Pattern(regexp = COUNTRY, message = NOT_A_COUNTRY) String> countries,
            List<@NotBlank(message = EMPTY) String> regions, @Valid CompanySize companySize,
            List<@NotBlank(message = EMPTY) String> industries, List<@NotNull(message = EMPTY) FormType> formTypes,
            List<@NotNull(message = EMPTY) Grade> grades) {
    }

    public record CompanySize(@PositiveOrZero(message = "cannot be negative") Integer min,
            @PositiveOrZero(message = "cannot be negative") Integer max) {
    }

    @Override
    public void check(Problems problems) {
        if (sla.isNegative() || sla.isZero()) {
            problems.add("sla", "must be positive, was " + sla);
        }
        problems.unique(closers, Closer::id, "closers", "id");
        problems.unique(pools, PoolEntry::id, "pools", "id");
        problems.unique(rules, RuleEntry::id, "rules", "id");
        Set<String> closerIds = new HashSet<>(closers.stream().map(Closer::id).toList());
        Set<String> poolIds = new HashSet<>(pools.stream().map(PoolEntry::id).toList());
        for (int i = 0; i < closers.size(); i++) {
            Closer closer = closers.get(i);
            zone(closer.timezone(), "closers[" + i + "].timezone", problems);
            workingHours(closer.workingHours(), "closers[" + i + "].workingHours", problems);
        }
        for (int i = 0; i < pools.size(); i++) {
            checkPool(pools.get(i), "pools[" + i + "]", closerIds, poolIds, problems);
        }
        if (!poolIds.contains(escalationPool)) {
            problems.add("escalationPool", "unknown pool '" + escalationPool + "'");
        }
        Integer catchAllAt = null;
        for (int i = 0; i < rules.size(); i++) {
            RuleEntry rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (!poolIds.contains(rule.pool())) {
                problems.add(at + ".pool", "unknown pool '" + rule.pool() + "'");
            }
            if (rule.when() != null) {
                checkConditions(rule.when(), at + ".when", problems);
            }
            if (catchAllAt != null) {
                problems.add(at, "comes after the catch-all rules[" + catchAllAt + "] and could never match");
            } else if (conditions(rule.when()).isCatchAll()) {
                catchAllAt = i;
            }
        }
        if (catchAllAt == null) {
            problems.add("rules", "a catch-all rule (one without 'when') is required as the last rule, so every lead has a pool");
        }
    }

    private static void checkPool(PoolEntry pool, String at, Set<String> closerIds, Set<String> poolIds, Problems problems) {
        for (int m = 0; m < pool.members().size(); m++) {
            String member = pool.members().get(m);
            if (!closerIds.contains(member)) {
                problems.add(at + ".members[" + m + "]", "unknown closer '" + member + "'");
            } else if (pool.members().indexOf(member) != m) {
                problems.add(at + ".members[" + m + "]", "closer '" + member + "' is listed twice");
            }
        }
        OffHours offHours = pool.offHours() == null ? OffHours.WAIT : pool.offHours();
        if (offHours == OffHours.OVERFLOW && pool.overflowPool() == null) {
            problems.add(at + ".overflowPool", "is required when offHours is OVERFLOW");
        } else if (offHours == OffHours.WAIT && pool.overflowPool() != null) {
            problems.add(at + ".overflowPool", "is only used with offHours: OVERFLOW");
        } else if (pool.overflowPool() != null && !poolIds.contains(pool.overflowPool())) {
            problems.add(at + ".overflowPool", "unknown pool '" + pool.overflowPool() + "'");
        } else if (pool.overflowPool() != null && pool.overflowPool().equals(pool.id())) {
            problems.add(at + ".overflowPool", "a pool cannot overflow into itself");
        }
    }

    private void checkConditions(When when, String at, Problems problems) {
        List<String> regionNames = listed(when.regions());
        for (int i = 0; i < regionNames.size(); i++) {
            if (regions == null || !regions.containsKey(regionNames.get(i))) {
                problems.add(at + ".regions[" + i + "]", "unknown region '" + regionNames.get(i) + "' (define it under 'regions')");
            }
        }
        CompanySize size = when.companySize();
        if (size != null && size.min() == null && size.max() == null) {
            problems.add(at + ".companySize", "give min, max or both");
        } else if (size != null && size.min() != null && size.max() != null && size.min() > size.max()) {
            problems.add(at + ".companySize", "min " + size.min() + " is above max " + size.max());
        }
        boolean listsGiven = when.countries() != null || when.regions() != null || when.formTypes() != null
                || when.grades() != null || when.industries() != null;
        if (listsGiven && conditions(when).isCatchAll()) {
            problems.add(at, "has only empty lists; leave 'when' out for a catch-all");
        }
    }

    /** Compiles a document the rules kit has validated. */
    public RoutingRules compile(String version) {
        Map<String, CloserProfile> closerProfiles = new LinkedHashMap<>();
        for (Closer closer : closers) {
            closerProfiles.put(closer.id(), new CloserProfile(closer.id(), closer.name(), closer.email(), closer.team(),
                    ZoneId.of(closer.timezone()), workingHours(closer.workingHours(), "", new Problems()),
                    closer.capacity(), Optional.ofNullable(closer.weight()).orElse(1), Optional.ofNullable(closer.active()).orElse(true)));
        }
        Map<String, Pool> poolsById = new LinkedHashMap<>();
        for (PoolEntry pool : pools) {
            OffHours offHours = pool.offHours() == null ? OffHours.WAIT : pool.offHours();
            poolsById.put(pool.id(), new Pool(pool.id(), pool.strategy(), pool.members(), offHours,
                    offHours == OffHours.OVERFLOW ? pool.overflowPool() : null));
        }
        List<Rule> compiledRules = rules.stream().map(rule -> new Rule(rule.id(), conditions(rule.when()), rule.pool())).toList();
        AccountMatching matching = accountMatching == null ? new AccountMatching(true, List.of()) : accountMatching;
        Set<String> ignored = new HashSet<>();
        listed(matching.ignoreDomains()).forEach(domain -> ignored.add(domain.trim().toLowerCase(Locale.ROOT)));
        return new RoutingRules(closerProfiles, poolsById, compiledRules, sla,
                Optional.ofNullable(maxAttempts).orElse(DEFAULT_MAX_ATTEMPTS), escalationPool,
                Optional.ofNullable(matching.enabled()).orElse(true), ignored, version);
    }

    private RuleConditions conditions(When when) {
        if (when == null) {
            return RuleConditions.ANY;
        }
        Set<String> countries = new LinkedHashSet<>();
        listed(when.countries()).forEach(code -> countries.add(code.trim().toUpperCase(Locale.ROOT)));
        for (String region : listed(when.regions())) {
            listed(regions == null ? null : regions.get(region)).forEach(code -> countries.add(code.trim().toUpperCase(Locale.ROOT)));
        }
        Set<String> industries = new LinkedHashSet<>();
        listed(when.industries()).forEach(industry -> industries.add(industry.trim().toLowerCase(Locale.ROOT)));
        Integer min = when.companySize() == null ? null : when.companySize().min();
        Integer max = when.companySize() == null ? null : when.companySize().max();
        return new RuleConditions(countries, min, max, industries, Set.copyOf(listed(when.formTypes())),
                Set.copyOf(listed(when.grades())));
    }

    private static void zone(String text, String at, Problems problems) {
        try {
            ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.add(at, "unknown time zone '" + text + "'");
        }
    }

    /** "always" or {days, from, to}; null (with the problems added) when it is neither. */
    private static WorkingHours workingHours(JsonNode node, String at, Problems problems) {
        if (node.isTextual()) {
            if ("always".equalsIgnoreCase(node.asText())) {
                return WorkingHours.ALWAYS;
            }
            problems.add(at, "'" + node.asText() + "' is neither 'always' nor {days, from, to}");
            return null;
        }
        int before = problems.list().size();
        Set<String> allowed = Set.of("days", "from", "to");
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(at + "." + name, "unknown entry '" + name + "' (known here: days, from, to)");
            }
        });
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode dayList = node.path("days");
        if (!dayList.isArray() || dayList.isEmpty()) {
            problems.add(at + ".days", "is required, e.g. [MON-FRI] or [MON, WED, FRI]");
        } else {
            for (int i = 0; i < dayList.size(); i++) {
                days.addAll(days(dayList.get(i).asText(), at + ".days[" + i + "]", problems));
            }
        }
        Integer from = minuteOfDay(node.path("from"), false, at + ".from", problems);
        Integer to = minuteOfDay(node.path("to"), true, at + ".to", problems);
        if (problems.list().size() > before || from == null || to == null) {
            return null;
        }
        if (from.equals(to)) {
            problems.add(at, "from and to are the same time; use 'always' for round-the-clock");
            return null;
        }
        return new WorkingHours(days, from, to);
    }

    private static Set<DayOfWeek> days(String text, String at, Problems problems) {
        String[] range = text.trim().toUpperCase(Locale.ROOT).split("\\s*-\\s*");
        DayOfWeek first = DAYS.get(range[0]);
        DayOfWeek last = range.length == 2 ? DAYS.get(range[1]) : first;
        if (first == null || last == null || range.length > 2) {
            problems.add(at, "'" + text + "' is not a day (MON..SUN) or a range of days (MON-FRI)");
            return Set.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                return days;
            }
        }
    }

    private static Integer minuteOfDay(JsonNode node, boolean endOfDayAllowed, String at, Problems problems) {
        Matcher time = TIME.matcher(node.isTextual() ? node.asText().trim() : "");
        if (!time.matches()) {
            problems.add(at, "is required, a time of day as \"HH:mm\"");
            return null;
        }
        int minute = Integer.parseInt(time.group(2));
        int total = Integer.parseInt(time.group(1)) * 60 + minute;
        if (minute > 59 || total > WorkingHours.MINUTES_PER_DAY || (!endOfDayAllowed && total == WorkingHours.MINUTES_PER_DAY)) {
            problems.add(at, "'" + node.asText() + "' is not a time of day" + (endOfDayAllowed ? " (00:00 to 24:00)" : " (00:00 to 23:59)"));
            return null;
        }
        return total;
    }

    private static <T> List<T> listed(List<T> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }
}
