package io.leadpipeline.opsconsole.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.leadpipeline.kafka.LeadIds;

/** What a person types in the search box: an email (turned into its lead id) or a lead id. */
public final class LeadLookup {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private LeadLookup() {
    }

    /** The lead id for an email or a lead id (any case, surrounding blanks ignored); empty for anything else. */
    public static Optional<String> leadIdOf(String emailOrLeadId) {
        if (emailOrLeadId == null || emailOrLeadId.isBlank()) {
            return Optional.empty();
        }
        String text = emailOrLeadId.trim();
        if (text.indexOf('@') > 0) {
            return Optional.of(LeadIds.fromEmail(text));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return UUID_TEXT.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }
}
