package io.leadpipeline.capture.domain.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.leadpipeline.capture.domain.EmailAddresses;

/** An email address by our rule ({@link EmailAddresses}), stricter than {@code @Email}; null is valid (absent). */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface EmailAddress {

    String message() default EmailAddresses.MALFORMED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Names what is wrong: too long, too long before the @, or no address at all. */
    class Check implements ConstraintValidator<EmailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Optional<String> problem = EmailAddresses.problem(value);
            if (problem.isPresent()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.get()).addConstraintViolation(); // our sentences: no {} or $
            }
            return problem.isEmpty();
        }
    }
}
