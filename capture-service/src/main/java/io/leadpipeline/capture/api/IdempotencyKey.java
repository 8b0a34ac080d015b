package io.leadpipeline.capture.api;

import java.util.List;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;

import io.leadpipeline.service.FieldViolation;

/** An Idempotency-Key header (or form input): opaque to us, but bounded and printable (a UUID is typical); null is none. */
record IdempotencyKey(
        @Pattern(regexp = "[!-~]{1," + IdempotencyKey.MAX_LENGTH + "}",
                message = "must be 1-" + IdempotencyKey.MAX_LENGTH + " printable ASCII characters without spaces, e.g. a UUID")
        String value) {

    static final int MAX_LENGTH = 255;

    /** The key's problem, named as the header is. */
    static List<FieldViolation> violations(Validator validator, String key) {
        return validator.validate(new IdempotencyKey(key)).stream()
                .map(violation -> new FieldViolation(ClientRequest.IDEMPOTENCY_KEY, violation.getMessage()))
                .toList();
    }
}
