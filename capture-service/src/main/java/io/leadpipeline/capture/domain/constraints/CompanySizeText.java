package io.leadpipeline.capture.domain.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.leadpipeline.kafka.CompanySize;

/** A company size the pipeline's one rule ({@link CompanySize}) reads, so the check and the parse cannot drift; null is valid. */
@Documented
@Constraint(validatedBy = CompanySizeText.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface CompanySizeText {

    String message() default "must be a number of employees (\"500\") or a band (\"201-500\", \"5000+\")";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CompanySizeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CompanySize.parse(value).isPresent();
        }
    }
}
