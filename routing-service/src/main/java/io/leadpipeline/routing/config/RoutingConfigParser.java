package io.leadpipeline.routing.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.routing.domain.CloserProfile;
import io.leadpipeline.routing.domain.OffHours;
import io.leadpipeline.routing.domain.Pool;
import io.leadpipeline.routing.domain.PoolStrategy;
import io.leadpipeline.routing.domain.Rule;
import io.leadpipeline.routing.domain.RuleConditions;
import io.leadpipeline.routing.domain.RoutingRules;
import io.leadpipeline.routing.domain.WorkingHours;

/**
 * Reads and validates routing.yaml into {@link RoutingRules}. A parse error names its line and column; every
 * invalid entry is reported by its path (e.g. {@code pools[1].members[0]: unknown closer 'bob'}), all at once.
 */
public final class RoutingConfigParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Closer and pool ids appear in URLs and in the desk's store keys (where '|' separates parts): plain tokens only. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);
    private static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final List<String> problems = new ArrayList<>();

    private RoutingConfigParser() {
    }

    /** @param source where the text came from, for the error message (a path or "built-in defaults") */
    public static RoutingRules parse(String yaml, String source) {
        RoutingFile file;
        try {
            file = YAML.readValue(yaml, RoutingFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ":";
            throw new InvalidRoutingConfigException("Invalid routing config " + source + ":" + where + " " + e.getOriginalMessage());
        }
        if (file == null) {
            throw new InvalidRoutingConfigException("Invalid routing config " + source + ": the file is empty");
        }
        RoutingConfigParser parser = new RoutingConfigParser();
        RoutingRules rules = parser.validate(file);
        if (!parser.problems.isEmpty()) {
            throw new InvalidRoutingConfigException("Invalid routing config " + source + ":\n  " + String.join("\n  ", parser.problems));
        }
        return rules;
    }

    private RoutingRules validate(RoutingFile file) {
        Duration sla = sla(file.sla());
        int maxAttempts = Optional.ofNullable(file.maxAttempts()).orElse(DEFAULT_MAX_ATTEMPTS);
        if (maxAttempts < 1) {
            problems.add("maxAttempts: must be at least 1, got " + maxAttempts);
        }
        Map<String, Set<String>> regions = regions(file.regions());
        Map<String, CloserProfile> closers = closers(Optional.ofNullable(file.closers()).orElse(List.of()));
        Map<String, Pool> pools = pools(Optional.ofNullable(file.pools()).orElse(List.of()), closers);
        List<Rule> rules = rules(Optional.ofNullable(file.rules()).orElse(List.of()), pools, regions);
        String escalationPool = file.escalationPool();
        if (escalationPool == null || escalationPool.isBlank()) {
            problems.add("escalationPool: required (the pool a lead goes to after maxAttempts unanswered handoffs)");
        } else if (!pools.containsKey(escalationPool)) {
            problems.add("escalationPool: unknown pool '" + escalationPool + "'");
        }
        RoutingFile.AccountMatchingFile matching = Optional.ofNullable(file.accountMatching())
                .orElse(new RoutingFile.AccountMatchingFile(true, List.of()));
        Set<String> ignored = new HashSet<>();
        Optional.ofNullable(matching.ignoreDomains()).orElse(List.of()).forEach(domain -> ignored.add(domain.trim().toLowerCase(Locale.ROOT)));
        if (!problems.isEmpty()) {
            return null;
        }
        return new RoutingRules(closers, pools, rules, sla, maxAttempts, escalationPool,
                Optional.ofNullable(matching.enabled()).orElse(true), ignored);
    }

    private Duration sla(String text) {
        if (text == null) {
            problems.add("sla: required, an ISO-8601 duration such as PT4H");
            return null;
        }
        try {
            Duration sla = Duration.parse(text);
            if (sla.isNegative() || sla.isZero()) {
                problems.add("sla: must be positive, got '" + text + "'");
            }
            return sla;
        } catch (DateTimeParseException e) {
            problems.add("sla: '" + text + "' is not an ISO-8601 duration such as PT4H");
            return null;
        }
    }

    private Map<String, Set<String>> regions(Map<String, List<String>> regions) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        Optional.ofNullable(regions).orElse(Map.of()).forEach((name, countries) -> {
            Set<String> codes = new LinkedHashSet<>();
            List<String> list = Optional.ofNullable(countries).orElse(List.of());
            for (int i = 0; i < list.size(); i++) {
                country("regions." + name + "[" + i + "]", list.get(i)).ifPresent(codes::add);
            }
            if (codes.isEmpty()) {
                problems.add("regions." + name + ": needs at least one country");
            }
            result.put(name, codes);
        });
        return result;
    }

    private Map<String, CloserProfile> closers(List<RoutingFile.CloserFile> entries) {
        Map<String, CloserProfile> closers = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            problems.add("closers: at least one closer is required");
        }
        for (int i = 0; i < entries.size(); i++) {
            RoutingFile.CloserFile entry = entries.get(i);
            String at = "closers[" + i + "]";
            if (entry == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            String id = identifier(at + ".id", entry.id());
            required(at + ".name", entry.name());
            String email = required(at + ".email", entry.email());
            if (email != null && !email.contains("@")) {
                problems.add(at + ".email: '" + email + "' is not an email address");
            }
            ZoneId zone = zone(at + ".timezone", entry.timezone());
            WorkingHours hours = workingHours(at + ".workingHours", entry.workingHours());
            Integer capacity = entry.capacity();
            if (capacity == null || capacity < 1) {
                problems.add(at + ".capacity: required, the most open handoffs the closer holds at once (at least 1)");
            }
            int weight = Optional.ofNullable(entry.weight()).orElse(1);
            if (weight < 1) {
                problems.add(at + ".weight: must be at least 1, got " + weight);
            }
            if (id != null && closers.containsKey(id)) {
                problems.add(at + ".id: duplicate closer '" + id + "'");
            } else if (id != null && email != null && zone != null && hours != null && capacity != null) {
                closers.put(id, new CloserProfile(id, entry.name(), email, entry.team(), zone, hours, capacity, weight,
                        Optional.ofNullable(entry.active()).orElse(true)));
            }
        }
        return closers;
    }

    private Map<String, Pool> pools(List<RoutingFile.PoolFile> entries, Map<String, CloserProfile> closers) {
        Map<String, Pool> pools = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            problems.add("pools: at least one pool is required");
        }
        Set<String> ids = new HashSet<>();
        entries.stream().filter(entry -> entry != null && entry.id() != null).forEach(entry -> ids.add(entry.id()));
        for (int i = 0; i < entries.size(); i++) {
            RoutingFile.PoolFile entry = entries.get(i);
            String at = "pools[" + i + "]";
            if (entry == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            String id = identifier(at + ".id", entry.id());
            PoolStrategy strategy = symbol(at + ".strategy", entry.strategy(), PoolStrategy.class, PoolStrategy::valueOf).orElse(null);
            if (entry.strategy() == null) {
                problems.add(at + ".strategy: required, one of " + List.of(PoolStrategy.values()));
            }
            List<String> members = Optional.ofNullable(entry.members()).orElse(List.of());
            if (members.isEmpty()) {
                problems.add(at + ".members: a pool needs at least one closer");
            }
            for (int m = 0; m < members.size(); m++) {
                String member = members.get(m);
                if (!closers.containsKey(member)) {
                    problems.add(at + ".members[" + m + "]: unknown closer '" + member + "'");
                } else if (members.indexOf(member) != m) {
                    problems.add(at + ".members[" + m + "]: closer '" + member + "' is listed twice");
                }
            }
            OffHours offHours = entry.offHours() == null ? OffHours.WAIT
                    : symbol(at + ".offHours", entry.offHours(), OffHours.class, OffHours::valueOf).orElse(OffHours.WAIT);
            if (offHours == OffHours.OVERFLOW && entry.overflowPool() == null) {
                problems.add(at + ".overflowPool: required when offHours is OVERFLOW");
            } else if (offHours == OffHours.WAIT && entry.overflowPool() != null) {
                problems.add(at + ".overflowPool: only used with offHours: OVERFLOW");
            } else if (entry.overflowPool() != null && !ids.contains(entry.overflowPool())) {
                problems.add(at + ".overflowPool: unknown pool '" + entry.overflowPool() + "'");
            } else if (entry.overflowPool() != null && entry.overflowPool().equals(id)) {
                problems.add(at + ".overflowPool: a pool cannot overflow into itself");
            }
            if (id != null && pools.containsKey(id)) {
                problems.add(at + ".id: duplicate pool '" + id + "'");
            } else if (id != null && strategy != null) {
                pools.put(id, new Pool(id, strategy, members, offHours, offHours == OffHours.OVERFLOW ? entry.overflowPool() : null));
            }
        }
        return pools;
    }

    private List<Rule> rules(List<RoutingFile.RuleFile> entries, Map<String, Pool> pools, Map<String, Set<String>> regions) {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Integer catchAllAt = null;
        for (int i = 0; i < entries.size(); i++) {
            RoutingFile.RuleFile entry = entries.get(i);
            String at = "rules[" + i + "]";
            if (entry == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            String id = required(at + ".id", entry.id());
            if (id != null && !ids.add(id)) {
                problems.add(at + ".id: duplicate rule '" + id + "'");
            }
            String pool = required(at + ".pool", entry.pool());
            if (pool != null && !pools.containsKey(pool)) {
                problems.add(at + ".pool: unknown pool '" + pool + "'");
            }
            RuleConditions when = conditions(at + ".when", entry.when(), regions);
            if (catchAllAt != null) {
                problems.add(at + ": comes after the catch-all rules[" + catchAllAt + "] and could never match");
            }
            if (when.isCatchAll() && catchAllAt == null) {
                catchAllAt = i;
            }
            rules.add(new Rule(id, when, pool));
        }
        if (catchAllAt == null) {
            problems.add("rules: a catch-all rule (one without 'when') is required as the last rule, so every lead has a pool");
        }
        return rules;
    }

    private RuleConditions conditions(String at, RoutingFile.WhenFile when, Map<String, Set<String>> regions) {
        if (when == null) {
            return RuleConditions.ANY;
        }
        Set<String> countries = new LinkedHashSet<>();
        List<String> countryList = Optional.ofNullable(when.countries()).orElse(List.of());
        for (int i = 0; i < countryList.size(); i++) {
            country(at + ".countries[" + i + "]", countryList.get(i)).ifPresent(countries::add);
        }
        List<String> regionList = Optional.ofNullable(when.regions()).orElse(List.of());
        for (int i = 0; i < regionList.size(); i++) {
            Set<String> region = regions.get(regionList.get(i));
            if (region == null) {
                problems.add(at + ".regions[" + i + "]: unknown region '" + regionList.get(i) + "' (define it under 'regions')");
            } else {
                countries.addAll(region);
            }
        }
        Integer min = when.companySize() == null ? null : when.companySize().min();
        Integer max = when.companySize() == null ? null : when.companySize().max();
        if (when.companySize() != null && min == null && max == null) {
            problems.add(at + ".companySize: give min, max or both");
        }
        if ((min != null && min < 0) || (max != null && max < 0)) {
            problems.add(at + ".companySize: sizes cannot be negative");
        }
        if (min != null && max != null && min > max) {
            problems.add(at + ".companySize: min " + min + " is above max " + max);
        }
        Set<String> industries = new LinkedHashSet<>();
        Optional.ofNullable(when.industries()).orElse(List.of()).forEach(industry -> industries.add(industry.trim().toLowerCase(Locale.ROOT)));
        Set<FormType> formTypes = symbols(at + ".formTypes", when.formTypes(), FormType.class, FormType::valueOf);
        Set<Grade> grades = symbols(at + ".grades", when.grades(), Grade.class, Grade::valueOf);
        RuleConditions conditions = new RuleConditions(countries, min, max, industries, formTypes, grades);
        if (conditions.isCatchAll() && (when.countries() != null || when.regions() != null || when.formTypes() != null
                || when.grades() != null || when.industries() != null)) {
            problems.add(at + ": has only empty lists; leave 'when' out for a catch-all");
        }
        return conditions;
    }

    private Optional<String> country(String at, String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(upper).matches()) {
            problems.add(at + ": '" + code + "' is not an ISO-3166 alpha-2 country code");
            return Optional.empty();
        }
        return Optional.of(upper);
    }

    private ZoneId zone(String at, String text) {
        if (text == null) {
            problems.add(at + ": required, an IANA time zone such as Europe/London");
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.add(at + ": unknown time zone '" + text + "'");
            return null;
        }
    }

    private WorkingHours workingHours(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            problems.add(at + ": required, 'always' or {days: [MON-FRI], from: \"09:00\", to: \"17:00\"}");
            return null;
        }
        if (node.isTextual()) {
            if ("always".equalsIgnoreCase(node.asText())) {
                return WorkingHours.ALWAYS;
            }
            problems.add(at + ": '" + node.asText() + "' is neither 'always' nor {days, from, to}");
            return null;
        }
        Set<String> allowed = Set.of("days", "from", "to");
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(at + "." + name + ": unknown key (expected days, from, to)");
            }
        });
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode dayList = node.path("days");
        if (!dayList.isArray() || dayList.isEmpty()) {
            problems.add(at + ".days: required, e.g. [MON-FRI] or [MON, WED, FRI]");
        } else {
            for (int i = 0; i < dayList.size(); i++) {
                days.addAll(days(at + ".days[" + i + "]", dayList.get(i).asText()));
            }
        }
        Integer from = minuteOfDay(at + ".from", node.path("from"), false);
        Integer to = minuteOfDay(at + ".to", node.path("to"), true);
        if (from == null || to == null || days.isEmpty()) {
            return null;
        }
        if (from.equals(to)) {
            problems.add(at + ": from and to are the same time; use 'always' for round-the-clock");
            return null;
        }
        return new WorkingHours(days, from, to);
    }

    private Set<DayOfWeek> days(String at, String text) {
        String[] range = text.trim().toUpperCase(Locale.ROOT).split("\\s*-\\s*");
        DayOfWeek first = DAYS.get(range[0]);
        DayOfWeek last = range.length == 2 ? DAYS.get(range[1]) : first;
        if (first == null || last == null || range.length > 2) {
            problems.add(at + ": '" + text + "' is not a day (MON..SUN) or a range of days (MON-FRI)");
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

    private Integer minuteOfDay(String at, JsonNode node, boolean endOfDayAllowed) {
        Matcher time = TIME.matcher(node.isTextual() ? node.asText().trim() : "");
        if (!time.matches()) {
            problems.add(at + ": required, a time of day as \"HH:mm\"");
            return null;
        }
        int hour = Integer.parseInt(time.group(1));
        int minute = Integer.parseInt(time.group(2));
        int total = hour * 60 + minute;
        if (minute > 59 || total > WorkingHours.MINUTES_PER_DAY || (!endOfDayAllowed && total == WorkingHours.MINUTES_PER_DAY)) {
            problems.add(at + ": '" + node.asText() + "' is not a time of day" + (endOfDayAllowed ? " (00:00 to 24:00)" : " (00:00 to 23:59)"));
            return null;
        }
        return total;
    }

    private String identifier(String at, String value) {
        String id = required(at, value);
        if (id != null && !IDENTIFIER.matcher(id).matches()) {
            problems.add(at + ": '" + id + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return id;
    }

    private String required(String at, String value) {
        if (value == null || value.isBlank()) {
            problems.add(at + ": required");
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> Optional<E> symbol(String at, String text, Class<E> type, Function<String, E> valueOf) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf.apply(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(at + ": '" + text + "' is not one of " + List.of(type.getEnumConstants()));
            return Optional.empty();
        }
    }

    private <E extends Enum<E>> Set<E> symbols(String at, List<String> texts, Class<E> type, Function<String, E> valueOf) {
        Set<E> result = new LinkedHashSet<>();
        List<String> list = Optional.ofNullable(texts).orElse(List.of());
        for (int i = 0; i < list.size(); i++) {
            symbol(at + "[" + i + "]", list.get(i), type, valueOf).ifPresent(result::add);
        }
        return result;
    }
}
