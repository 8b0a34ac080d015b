package io.leadpipeline.capture.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.leadpipeline.events.FormType;

/** Checks a submission and names every bad field, so the site can show all problems at once. */
public final class ConversionValidator {

    static final int MAX_FORM_ID = 100;

    private ConversionValidator() {
    }

    public static List<FieldViolation> validate(ConversionSubmission submission) {
        List<FieldViolation> violations = new ArrayList<>();
        EmailAddresses.problem(submission.email()).ifPresent(problem -> violations.add(new FieldViolation("email", problem)));
        if (submission.formId() == null || submission.formId().isBlank()) {
            violations.add(new FieldViolation("formId", "is required"));
        } else if (submission.formId().length() > MAX_FORM_ID) {
            violations.add(new FieldViolation("formId", "must be at most " + MAX_FORM_ID + " characters"));
        }
        if (submission.formType() != null && parseFormType(submission.formType()) == null) {
            violations.add(new FieldViolation("formType", "must be one of " + Arrays.toString(FormType.values())));
        }
        return violations;
    }

    /** The form type named in the submission, or null when it names none we know. */
    public static FormType parseFormType(String value) {
        try {
            return FormType.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
