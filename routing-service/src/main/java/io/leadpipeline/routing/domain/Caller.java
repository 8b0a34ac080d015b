package io.leadpipeline.routing.domain;

import java.util.Optional;

/**
 * Who is asking, as far as the desk cares: a closer acts only on the handoffs assigned to them and on their own
 * availability; sales ops and admins act for any closer.
 */
public record Caller(boolean actsForAnyCloser, Optional<String> closerId) {

    public static Caller anyCloser() {
        return new Caller(true, Optional.empty());
    }

    public static Caller closer(String closerId) {
        return new Caller(false, Optional.of(closerId));
    }

    /** Whether this caller may read or answer what belongs to {@code closer}. */
    public boolean mayActFor(String closer) {
        return actsForAnyCloser || closerId.filter(own -> own.equals(closer)).isPresent();
    }
}
