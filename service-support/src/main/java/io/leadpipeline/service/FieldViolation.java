package io.leadpipeline.service;

/** One bad field of a submission: which field, and what is wrong with it in a sentence. */
public record FieldViolation(String field, String message) {
}
