package io.leadpipeline.service.rules;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of an entry such as {@code sites[0].forms[1].type} in a YAML text, so a Bean Validation or cross-field
 * problem (which knows only the path) can point at it. Neither Jackson nor Hibernate Validator keeps source positions
 * past parsing, so this walks SnakeYAML's node tree (the parser Jackson's YAML support runs on).
 */
final class YamlLines {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final Node root;

    private YamlLines(Node root) {
        this.root = root;
    }

    static YamlLines of(String yaml) {
        try {
            return new YamlLines(new Yaml(new LoaderOptions()).compose(new StringReader(yaml)));
        } catch (RuntimeException e) {
            return new YamlLines(null); // a file that does not parse has no entries to point at
        }
    }

    /**
     * The 1-based line where the entry at {@code path} starts (for a key: the key's line); for an entry the file lacks,
     * the line of the nearest entry above it that it has (the mapping the missing key belongs in).
     */
    int lineOf(String path) {
        Node node = root;
        int line = 0;
        Matcher step = STEP.matcher(path);
        while (node != null && step.find()) {
            Node next = null;
            Node keyNode = null;
            if (step.group(1) != null && node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step.group(1))) {
                        keyNode = key;
                        next = tuple.getValueNode();
                    }
                }
            } else if (step.group(2) != null && node instanceof SequenceNode sequence) {
                int index = Integer.parseInt(step.group(2));
                next = index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
            }
            Node found = keyNode != null ? keyNode : next;
            if (found != null) {
                line = found.getStartMark().getLine() + 1;
            }
            node = next;
        }
        return line;
    }
}
