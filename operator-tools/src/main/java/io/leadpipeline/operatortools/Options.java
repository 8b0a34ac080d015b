package io.leadpipeline.operatortools;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code --name value} and bare {@code --flag} command-line options; a copy of dev-stack's, because the tools
 * run without dev-stack on their class path.
 */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return options;
    }
}
