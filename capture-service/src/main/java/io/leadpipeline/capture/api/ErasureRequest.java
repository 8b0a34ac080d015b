package io.leadpipeline.capture.api;

import jakarta.validation.constraints.NotBlank;

import io.leadpipeline.capture.domain.constraints.EmailAddress;

/** The body of an erasure by email address: the person's address, as they gave it on a form. */
public record ErasureRequest(@NotBlank @EmailAddress String email) {
}
