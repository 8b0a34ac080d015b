package io.leadpipeline.nurture.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.NurtureEnrollmentReason;
import io.leadpipeline.events.TouchChannel;
import io.leadpipeline.nurture.domain.Audience;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.nurture.domain.QuietHours;
import io.leadpipeline.nurture.domain.Reenrollment;
import io.leadpipeline.nurture.domain.Step;
import io.leadpipeline.nurture.domain.Track;

/**
 * Reads {@code nurture.yaml} into {@link NurtureRules}, collecting every problem with the path of the bad entry
 * (e.g. {@code tracks[1].steps[0].after: '3x' is not a delay like 12h or 3d}) so one start-up shows them all.
 */
public final class NurtureRulesParser {

    /** The reasons a track may serve: the nurturable rejections and a closer's rejection (the recycle track). */
    static final Set<NurtureEnrollmentReason> SERVABLE = EnumSet.of(NurtureEnrollmentReason.LOW_SCORE,
            NurtureEnrollmentReason.NOT_A_FIT, NurtureEnrollmentReason.STALE, NurtureEnrollmentReason.CLOSER_REJECTED);

    private static final Pattern DELAY = Pattern.compile("(\\d+)\\s*([mhd])");
    private static final Pattern TRACK_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<String> problems = new ArrayList<>();

    private NurtureRulesParser() {
    }

    public static NurtureRules parse(String yaml, String source) {
        return new NurtureRulesParser().read(yaml, source);
    }

    private NurtureRules read(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new InvalidNurtureRulesException(source, List.of(where + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidNurtureRulesException(source, List.of("the file must be a mapping with 'tracks', 'reenrollment' and 'countryTimezones'"));
        }
        unknownKeys(root, "", Set.of("reenrollment", "countryTimezones", "tracks"));
        Reenrollment reenrollment = reenrollment(root.path("reenrollment"));
        Map<String, ZoneId> zones = countryTimezones(root.path("countryTimezones"));
        List<Track> tracks = tracks(root.path("tracks"));
        if (!problems.isEmpty()) {
            throw new InvalidNurtureRulesException(source, problems);
        }
        return new NurtureRules(tracks, reenrollment, zones);
    }

    private Reenrollment reenrollment(JsonNode node) {
        if (!node.isObject()) {
            problems.add("reenrollment: required, with coolDown (e.g. 7d) and maxCycles (e.g. 3)");
            return null;
        }
        unknownKeys(node, "reenrollment", Set.of("coolDown", "maxCycles"));
        Duration coolDown = delay(node.path("coolDown"), "reenrollment.coolDown");
        JsonNode max = node.path("maxCycles");
        if (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 1) {
            problems.add("reenrollment.maxCycles: must be a whole number of at least 1, was " + shown(max));
            return null;
        }
        return coolDown == null ? null : new Reenrollment(coolDown, max.asInt());
    }

    private Map<String, ZoneId> countryTimezones(JsonNode node) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return zones;
        }
        if (!node.isObject()) {
            problems.add("countryTimezones: must map ISO-3166 alpha-2 country codes to time zones (US: America/New_York)");
            return zones;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "countryTimezones." + entry.getKey();
            if (!COUNTRY.matcher(entry.getKey()).matches()) {
                problems.add(path + ": '" + entry.getKey() + "' is not an ISO-3166 alpha-2 country code like US or DE");
                continue;
            }
            try {
                zones.put(entry.getKey(), ZoneId.of(entry.getValue().asText()));
            } catch (DateTimeException e) {
                problems.add(path + ": unknown time zone " + shown(entry.getValue()) + " (use an IANA id like Europe/Berlin)");
            }
        }
        return zones;
    }

    private List<Track> tracks(JsonNode node) {
        List<Track> tracks = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add("tracks: at least one track is required");
            return tracks;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "tracks[" + i + "]";
            Track track = track(node.get(i), path);
            if (track == null) {
                continue;
            }
            if (!ids.add(track.id())) {
                problems.add(path + ".id: '" + track.id() + "' is used by an earlier track");
            }
            tracks.add(track);
        }
        for (NurtureEnrollmentReason reason : SERVABLE) {
            if (tracks.size() == node.size() && tracks.stream().noneMatch(t -> t.serves().catchesAll(reason))) {
                problems.add("tracks: no track takes every " + reason + " lead (one serving " + reason
                        + " without grades, industries or formTypes); such leads would not be nurtured"
                        + (reason == NurtureEnrollmentReason.CLOSER_REJECTED ? " — add a recycle track" : ""));
            }
        }
        return tracks;
    }

    private Track track(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(path + ": must be a mapping with id, serves and steps");
            return null;
        }
        int before = problems.size();
        unknownKeys(node, path, Set.of("id", "serves", "steps", "quietHours"));
        String id = node.path("id").asText("");
        if (!TRACK_ID.matcher(id).matches()) {
            problems.add(path + ".id: required, lower-case letters, digits and dashes (was " + shown(node.path("id")) + ")");
        }
        Audience serves = audience(node.path("serves"), path + ".serves");
        List<Step> steps = steps(node.path("steps"), path + ".steps");
        Optional<QuietHours> quietHours = quietHours(node.path("quietHours"), path + ".quietHours");
        return problems.size() > before ? null : new Track(id, serves, steps, quietHours);
    }

    private Audience audience(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(path + ": required, with at least 'reasons'");
            return null;
        }
        unknownKeys(node, path, Set.of("reasons", "grades", "industries", "formTypes"));
        Set<NurtureEnrollmentReason> reasons = enums(node.path("reasons"), path + ".reasons", NurtureEnrollmentReason::valueOf,
                SERVABLE.toString());
        if (node.path("reasons").isMissingNode() || (reasons.isEmpty() && node.path("reasons").isEmpty())) {
            problems.add(path + ".reasons: required, one or more of " + SERVABLE);
        }
        for (NurtureEnrollmentReason reason : reasons) {
            if (!SERVABLE.contains(reason)) {
                problems.add(path + ".reasons: " + reason + " is not nurtured; use " + SERVABLE);
            }
        }
        Set<Grade> grades = enums(node.path("grades"), path + ".grades", Grade::valueOf, List.of(Grade.values()).toString());
        Set<FormType> formTypes = enums(node.path("formTypes"), path + ".formTypes", FormType::valueOf, List.of(FormType.values()).toString());
        Set<String> industries = enums(node.path("industries"), path + ".industries", Function.identity(), "any text");
        return new Audience(reasons, grades, industries, formTypes);
    }

    private <T> Set<T> enums(JsonNode node, String path, Function<String, T> parse, String allowed) {
        Set<T> values = new LinkedHashSet<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problems.add(path + ": must be a list, e.g. [" + allowed.replaceAll("[\\[\\]]", "").split(",")[0].trim() + "]");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            String text = node.get(i).asText("").trim();
            try {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("empty");
                }
                values.add(parse.apply(text));
            } catch (IllegalArgumentException e) {
                problems.add(path + "[" + i + "]: unknown value " + shown(node.get(i)) + "; use one of " + allowed);
            }
        }
        return values;
    }

    private List<Step> steps(JsonNode node, String path) {
        List<Step> steps = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add(path + ": at least one step is required");
            return steps;
        }
        for (int i = 0; i < node.size(); i++) {
            String stepPath = path + "[" + i + "]";
            JsonNode step = node.get(i);
            if (!step.isObject()) {
                problems.add(stepPath + ": must be a mapping with after, template and channel");
                continue;
            }
            unknownKeys(step, stepPath, Set.of("after", "template", "channel"));
            Duration after = delay(step.path("after"), stepPath + ".after");
            String template = step.path("template").asText("").trim();
            if (template.isEmpty()) {
                problems.add(stepPath + ".template: required, the email platform's template id");
            }
            TouchChannel channel = null;
            try {
                channel = TouchChannel.valueOf(step.path("channel").asText(""));
            } catch (IllegalArgumentException e) {
                problems.add(stepPath + ".channel: unknown channel " + shown(step.path("channel")) + "; use one of "
                        + List.of(TouchChannel.values()));
            }
            if (after != null && channel != null && !template.isEmpty()) {
                steps.add(new Step(after, template, channel));
            }
        }
        return steps;
    }

    private Optional<QuietHours> quietHours(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(path + ": must be a mapping like {from: \"20:00\", to: \"08:00\"}");
            return Optional.empty();
        }
        unknownKeys(node, path, Set.of("from", "to"));
        LocalTime from = time(node.path("from"), path + ".from");
        LocalTime to = time(node.path("to"), path + ".to");
        if (from != null && to != null && from.equals(to)) {
            problems.add(path + ": from and to are both " + from + "; the window would be empty or the whole day");
            return Optional.empty();
        }
        return from == null || to == null ? Optional.empty() : Optional.of(new QuietHours(from, to));
    }

    private LocalTime time(JsonNode node, String path) {
        try {
            return LocalTime.parse(node.asText(""));
        } catch (DateTimeParseException e) {
            problems.add(path + ": " + shown(node) + " is not a time like \"20:00\"");
            return null;
        }
    }

    private Duration delay(JsonNode node, String path) {
        Matcher matcher = DELAY.matcher(node.isValueNode() ? node.asText("").trim() : "");
        if (!matcher.matches()) {
            problems.add(path + ": " + shown(node) + " is not a delay like 30m, 12h or 3d");
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private void unknownKeys(JsonNode node, String path, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add((path.isEmpty() ? "" : path + ".") + name + ": unknown key; expected one of " + known.stream().sorted().toList());
            }
        });
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "missing" : "'" + node.asText() + "'";
    }
}
