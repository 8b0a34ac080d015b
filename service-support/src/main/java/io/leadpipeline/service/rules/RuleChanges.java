package io.leadpipeline.service.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** What changed between two versions of a rules document, one line per changed entry: {@code thresholds.sql: 100 -> 90}. */
public final class RuleChanges {

    /** Enough to read in a history; the rest is summed up in one line. */
    static final int MOST = 40;
    private static final int LONGEST_VALUE = 80;
    private static final YAMLMapper YAML = new YAMLMapper();

    private RuleChanges() {
    }

    public static List<String> between(String before, String after) {
        List<String> changes = new ArrayList<>();
        try {
            diff("", tree(before), tree(after), changes);
        } catch (IOException e) {
            return List.of("the whole document (the previous version does not parse)");
        }
        if (changes.size() > MOST) {
            int more = changes.size() - MOST;
            changes = new ArrayList<>(changes.subList(0, MOST));
            changes.add("... and " + more + " more");
        }
        return List.copyOf(changes);
    }

    private static JsonNode tree(String yaml) throws IOException {
        JsonNode node = yaml == null || yaml.isBlank() ? null : YAML.readTree(yaml);
        return node == null ? MissingNode.getInstance() : node;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<String> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path.isEmpty() ? key : path + "." + key, before.path(key), after.path(key), changes);
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                diff(path + "[" + i + "]", before.get(i), after.get(i), changes);
            }
        } else if (before.isMissingNode()) {
            changes.add(label(path) + ": added " + shown(after));
        } else if (after.isMissingNode()) {
            changes.add(label(path) + ": removed (was " + shown(before) + ")");
        } else {
            changes.add(label(path) + ": " + shown(before) + " -> " + shown(after));
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }

    private static String shown(JsonNode node) {
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "..." : text;
    }

}
