package io.leadpipeline.nurture;

import java.nio.charset.StandardCharsets;

import io.leadpipeline.nurture.config.NurtureRuleSet;
import io.leadpipeline.nurture.domain.NurtureRules;
import io.leadpipeline.service.rules.RulesVersion;

/** Nurture rules for the tests: small YAML documents, read and compiled by the same rule set as the service. */
public final class TestRules {

    /** Three steps (0h, 2d, 3d), quiet hours 20:00–08:00 for German leads, a recycle track, cool-down 7 days, 3 cycles. */
    public static final String YAML = """
            reenrollment: {coolDown: 7d, maxCycles: 3}
            countryTimezones: {DE: Europe/Berlin}
            tracks:
              - id: recycle
                serves: {reasons: [CLOSER_REJECTED]}
                steps:
                  - {after: 1h, template: recycle-1, channel: EMAIL}
                  - {after: 10d, template: recycle-2, channel: EMAIL}
              - id: fit-warm-up
                serves: {reasons: [LOW_SCORE], grades: [A, B]}
                steps:
                  - {after: 0h, template: fit-1, channel: EMAIL}
              - id: webinar
                serves: {reasons: [LOW_SCORE], formTypes: [WEBINAR_REGISTRATION]}
                steps:
                  - {after: 0h, template: webinar-1, channel: EMAIL}
              - id: warm-up
                serves: {reasons: [LOW_SCORE, STALE]}
                steps:
                  - {after: 0h, template: warm-up-1, channel: EMAIL}
              - id: education
                serves: {reasons: [NOT_A_FIT], industries: [Education]}
                steps:
                  - {after: 0h, template: edu-1, channel: EMAIL}
              - id: nurture
                serves: {reasons: [NOT_A_FIT]}
                quietHours: {from: "20:00", to: "08:00"}
                steps:
                  - {after: 0h, template: nurture-1, channel: EMAIL}
                  - {after: 2d, template: nurture-2, channel: EMAIL}
                  - {after: 3d, template: nurture-3, channel: EMAIL}
            """;

    private TestRules() {
    }

    /** The version {@link #rules()} carries: the hash of {@link #YAML}. */
    public static final String VERSION = RulesVersion.of(YAML.getBytes(StandardCharsets.UTF_8));

    public static NurtureRules rules() {
        return parse(YAML);
    }

    public static NurtureRules withReenrollment(String coolDown, int maxCycles) {
        return parse(YAML.replace("reenrollment: {coolDown: 7d, maxCycles: 3}",
                "reenrollment: {coolDown: " + coolDown + ", maxCycles: " + maxCycles + "}"));
    }

    /** Any nurture document, as the service would compile it (InvalidRulesException when it does not validate). */
    public static NurtureRules parse(String yaml) {
        return NurtureRuleSet.rules(yaml.getBytes(StandardCharsets.UTF_8), "test rules");
    }

    /** The rules the service ships (config/nurture.yaml, the built-in seed). */
    public static NurtureRules shipped() {
        return NurtureRuleSet.defaults();
    }
}
