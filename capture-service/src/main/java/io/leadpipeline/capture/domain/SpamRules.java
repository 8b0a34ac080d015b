package io.leadpipeline.capture.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Obvious junk: the default honeypot field name, and disposable or test addresses we refuse. */
public record SpamRules(String honeypotField, Set<String> rejectedDomains, Set<String> rejectedAddresses) {

    /** Why a (syntactically valid) address is junk, or empty when it is not. */
    public Optional<String> junkReason(String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (rejectedAddresses.contains(normalized)) {
            return Optional.of("is a test address; use a real email address");
        }
        String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
        if (rejectedDomains.contains(domain)) {
            return Optional.of("is a disposable or test address; use a real email address");
        }
        return Optional.empty();
    }

    /** A honeypot is filled when it holds anything but whitespace: people never see the field, bots fill every input. */
    public static boolean filled(String honeypotValue) {
        return honeypotValue != null && !honeypotValue.isBlank();
    }
}
