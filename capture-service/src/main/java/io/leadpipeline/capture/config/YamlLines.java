package io.leadpipeline.capture.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Finds the line of an entry such as {@code sites[0].forms[1].type} in a YAML text, so an error can point at it. */
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

    /** The 1-based line where the entry at {@code path} starts (for a key: the key's line), if the file has it. */
    Optional<Integer> lineOf(String path) {
        Node node = root;
        Node keyNode = null;
        Matcher step = STEP.matcher(path);
        while (node != null && step.find()) {
            keyNode = null;
            if (step.group(1) != null && node instanceof MappingNode mapping) {
                Node next = null;
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step.group(1))) {
                        keyNode = key;
                        next = tuple.getValueNode();
                    }
                }
                node = next;
            } else if (step.group(2) != null && node instanceof SequenceNode sequence) {
                int index = Integer.parseInt(step.group(2));
                node = index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
            } else {
                node = null;
            }
        }
        Node found = keyNode != null ? keyNode : node;
        return found == null || found == root ? Optional.empty() : Optional.of(found.getStartMark().getLine() + 1);
    }

    /** Prefixes each "path: message" problem with the line of its path. */
    List<String> located(List<String> problems) {
        List<String> located = new ArrayList<>();
        for (String problem : problems) {
            int colon = problem.indexOf(": ");
            Optional<Integer> line = colon < 0 ? Optional.empty() : lineOf(problem.substring(0, colon));
            located.add(line.map(n -> "line " + n + ": " + problem).orElse(problem));
        }
        return located;
    }
}
