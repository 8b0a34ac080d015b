package io.leadpipeline.service.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks Bean Validation cannot express on one field (a band above the previous one, a name listed twice, a
 * closer a pool names but the roster lacks): a rules document implements it, and {@link RulesReader} runs it after the
 * field constraints passed, so it may rely on every {@code @NotNull} holding.
 */
public interface RuleChecks {

    /** Adds each cross-field problem to {@code problems} with the path of the entry at fault. */
    void check(Problems problems);

    /** Collects problems by path; {@link RulesReader} adds the lines. */
    final class Problems {

        private final List<RuleProblem> found = new ArrayList<>();

        public void add(String path, String message) {
            found.add(RuleProblem.at(path, message));
        }

        /** Adds "'x' is listed twice" for each repeated key of {@code values}, at {@code path[i].field}. */
        public <T> void unique(List<T> values, Function<T, String> key, String path, String field) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < values.size(); i++) {
                String value = key.apply(values.get(i));
                if (value != null && !seen.add(value)) {
                    add(path + "[" + i + "]" + (field.isEmpty() ? "" : "." + field), "'" + value + "' is listed twice");
                }
            }
        }

        public boolean isEmpty() {
            return found.isEmpty();
        }

        public List<RuleProblem> list() {
            return List.copyOf(found);
        }
    }
}
