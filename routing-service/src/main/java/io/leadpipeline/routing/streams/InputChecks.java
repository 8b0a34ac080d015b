package io.leadpipeline.routing.streams;

import java.util.Optional;

import io.leadpipeline.events.CloserAvailabilityChanged;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.EngagementTracked;
import io.leadpipeline.events.HandoffResponseSubmitted;
import io.leadpipeline.events.QualificationDecided;

/**
 * Says why a record on one of the desk's inputs cannot be used (it then goes to its dead-letter topic instead of the
 * desk), or nothing when it can. Decisions and answers must be keyed by their lead id and availability by its closer
 * id, as their topics' contracts say. Reasons never quote the record key: a producer keying by email would put
 * addresses in logs and headers.
 */
final class InputChecks {

    private static final Optional<String> USABLE = Optional.empty();

    private InputChecks() {
    }

    /** An SQL decision: its ids, and the lead snapshot the rule match reads and the closer gets. */
    static Optional<String> decision(String key, QualificationDecided decision) {
        if (decision == null) {
            return unusable("Empty value (tombstone): no decision to route");
        }
        Optional<String> keyProblem = keyedBy(key, "leadId", decision.getLeadId());
        if (keyProblem.isPresent()) {
            return keyProblem;
        }
        if (blank(decision.getDecisionId())) {
            return unusable("No decisionId: the decision cannot be deduplicated");
        }
        ContactDetails contact = decision.getLead() == null ? null : decision.getLead().getContact();
        if (contact == null) {
            return unusable("Decision " + decision.getDecisionId() + " has no lead snapshot: nothing to match rules on or hand off");
        }
        if (blank(contact.getEmail())) {
            return unusable("Decision " + decision.getDecisionId() + " has no email address: the closer could not reach the lead");
        }
        return USABLE;
    }

    /** A closer's accept or reject: the command id its result is recorded under, and the handoff it answers. */
    static Optional<String> response(String key, HandoffResponseSubmitted response) {
        if (response == null) {
            return unusable("Empty value (tombstone): no answer to apply");
        }
        Optional<String> keyProblem = keyedBy(key, "leadId", response.getLeadId());
        if (keyProblem.isPresent()) {
            return keyProblem;
        }
        if (blank(response.getCommandId())) {
            return unusable("No commandId: the answer cannot be deduplicated or reported back");
        }
        if (blank(response.getHandoffId())) {
            return unusable("Command " + response.getCommandId() + " names no handoffId");
        }
        if (response.getResponse() == null) {
            return unusable("Command " + response.getCommandId() + " has no response");
        }
        return USABLE;
    }

    /** An availability change (tombstones are filtered out before: compaction housekeeping, not poison). */
    static Optional<String> availability(String key, CloserAvailabilityChanged change) {
        return keyedBy(key, "closerId", change.getCloserId());
    }

    /**
     * An erasure request (only ERASURE_REQUESTED engagements are checked: the others are filtered out before). Dropped
     * silently, an unusable one would leave the lead's data at the desk; dead-lettered, it is seen and can be replayed.
     */
    static Optional<String> erasure(String key, EngagementTracked engagement) {
        return keyedBy(key, "leadId", engagement.getLeadId());
    }

    private static Optional<String> keyedBy(String key, String idName, String id) {
        if (blank(id)) {
            return unusable("No " + idName);
        }
        if (!id.equals(key)) {
            return unusable("Record key " + (key == null ? "(none)" : "(" + key.length() + " characters)") + " is not the "
                    + idName + " " + id);
        }
        return USABLE;
    }

    private static Optional<String> unusable(String problem) {
        return Optional.of(problem);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
