package io.leadpipeline.capture.domain;

/** One bad field of a submission: which field, and what is wrong with it in a sentence. */
public record FieldViolation(String field, String message) {
}
