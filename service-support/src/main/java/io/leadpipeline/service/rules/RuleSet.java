package io.leadpipeline.service.rules;

import java.util.List;

/**
 * One rule set a service owns: its name (the key on {@code lead.rules} and the {@code {ruleSet}} of
 * {@code /v1/rules/{ruleSet}}), the file that seeds it ({@code config/<fileName>}), the roles that may change it
 * besides admin, and how a document becomes the rules the domain applies.
 */
public record RuleSet<R>(String name, String fileName, List<String> editorRoles, Compiler<R> compiler) {

    public RuleSet {
        editorRoles = List.copyOf(editorRoles);
    }

    /** Reads, validates and compiles a document (with {@link RulesReader}); InvalidRulesException naming every problem. */
    @FunctionalInterface
    public interface Compiler<R> {
        R compile(byte[] document, String source, String version);
    }

    /** The compiled rules of {@code document} and its version. */
    public Compiled<R> compile(byte[] document, String source) {
        String version = RulesVersion.of(document);
        return new Compiled<>(compiler.compile(document, source, version), version);
    }

    public record Compiled<R>(R rules, String version) {
    }

    /** The rules of {@code document}, versioned by its bytes; InvalidRulesException naming every problem. */
    public R read(byte[] document, String source) {
        return compile(document, source).rules();
    }

    /** The rules of the shipped file: the copy of {@code config/<fileName>} the build puts in the jar. */
    public R builtIn() {
        return RuleFiles.compile(this, RuleFiles.builtIn(fileName));
    }
}
