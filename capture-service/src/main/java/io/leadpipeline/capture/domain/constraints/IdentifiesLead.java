package io.leadpipeline.capture.domain.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.leadpipeline.capture.domain.EmailAddresses;
import io.leadpipeline.capture.domain.EngagementSubmission;
import io.leadpipeline.kafka.LeadIds;

/**
 * An engagement names its lead: by {@code email}, by {@code leadId}, or by both when they agree (a rule across two
 * fields, so a class-level constraint). Each field's own form is checked by its own constraint; this one only
 * compares well-formed values.
 */
@Documented
@Constraint(validatedBy = IdentifiesLead.Check.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface IdentifiesLead {

    /** Not shown: each refusal names its field ({@code email} or {@code leadId}) with a sentence of its own. */
    String message() default "must name its lead by email or leadId";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IdentifiesLead, EngagementSubmission> {

        static final String EMAIL_REQUIRED = "is required when leadId is not given";
        static final String MISMATCH = "does not belong to the email given";

        @Override
        public boolean isValid(EngagementSubmission engagement, ConstraintValidatorContext context) {
            if (engagement == null) {
                return true;
            }
            if (engagement.email() == null && engagement.leadId() == null) {
                return refuse(context, "email", EMAIL_REQUIRED);
            }
            boolean comparable = engagement.email() != null && EmailAddresses.problem(engagement.email()).isEmpty()
                    && LeadIds.isLeadId(engagement.leadId());
            if (comparable && !LeadIds.fromEmail(engagement.email()).equals(engagement.leadId().toLowerCase(Locale.ROOT))) {
                return refuse(context, "leadId", MISMATCH);
            }
            return true;
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
