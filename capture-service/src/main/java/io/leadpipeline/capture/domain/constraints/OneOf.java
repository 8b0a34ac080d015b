package io.leadpipeline.capture.domain.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The name of one of the enum's constants as people write it (no standard constraint reads an enum): any case,
 * hyphens or spaces for underscores ("demo-request" is {@code DEMO_REQUEST}); null is valid (absent).
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    /** {@code {values}} lists the constants: {@code [DEMO_REQUEST, CONTACT_SALES, ...]}. */
    String message() default "must be one of {values}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OneOf, String> {

        private Class<? extends Enum<?>> type;

        /** The constant {@code value} names, or null when it names none. */
        public static <E extends Enum<E>> E parse(Class<E> type, String value) {
            try {
                return Enum.valueOf(type, canonical(value));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public void initialize(OneOf constraint) {
            type = constraint.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.stream(type.getEnumConstants()).anyMatch(constant -> constant.name().equals(canonical(value)))) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("values", Arrays.toString(type.getEnumConstants()));
            return false;
        }

        private static String canonical(String value) {
            return value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        }
    }
}
