package io.leadpipeline.nurture.domain;

/** What became of a due step: written to lead.nurture-touches, or withheld (no consent, unsubscribed, no address). */
public enum TouchStatus {
    SENT, SUPPRESSED
}
