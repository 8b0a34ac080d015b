package io.leadpipeline.service.rules;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rules a service applies right now: the latest valid version of its rule set on {@code lead.rules}, swapped in by
 * {@link RulesTopic} as soon as a new one arrives, on every instance, without a restart. Readers call {@link #get()}
 * (or {@link #current()} for the version too) once per event or request, so each one is made under a single version.
 */
public final class LiveRules<R> implements Supplier<R> {

    private final RuleSet<R> ruleSet;
    private volatile Version<R> current;
    private volatile boolean fromTopic;

    LiveRules(RuleSet<R> ruleSet, Version<R> seed) {
        this.ruleSet = ruleSet;
        this.current = seed;
    }

    /** Rules that never change: for the domain's tests and the tools that compile a document once. */
    public static <R> LiveRules<R> fixed(RuleSet<R> ruleSet, R rules, String version) {
        return new LiveRules<>(ruleSet, new Version<>(rules, version, "", "fixed", Instant.EPOCH, List.of(), List.of()));
    }

    /** One version of a rule set: the compiled rules, the document they came from, who published it and when. */
    public record Version<R>(R rules, String version, String document, String author, Instant publishedAt,
            List<String> changes, List<HistoryEntry> history) {

        public Version {
            changes = List.copyOf(changes);
            history = List.copyOf(history);
        }

        HistoryEntry asHistory() {
            return new HistoryEntry(version, author, publishedAt, changes);
        }
    }

    /** An earlier version, as the history shows it. */
    public record HistoryEntry(String version, String author, Instant publishedAt, List<String> changes) {

        public HistoryEntry {
            changes = List.copyOf(changes);
        }
    }

    @Override
    public R get() {
        return current.rules();
    }

    public Version<R> current() {
        return current;
    }

    public String version() {
        return current.version();
    }

    public RuleSet<R> ruleSet() {
        return ruleSet;
    }

    /** Whether the topic has given this rule set a version yet (false: still the seed this instance started with). */
    boolean fromTopic() {
        return fromTopic;
    }

    void replace(Version<R> next) {
        current = next;
        fromTopic = true;
    }
}
