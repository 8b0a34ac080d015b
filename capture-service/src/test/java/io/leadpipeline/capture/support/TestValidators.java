package io.leadpipeline.capture.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;

import io.leadpipeline.capture.config.CaptureValidation;

/** Bean Validation set up as capture's ({@link CaptureValidation}) for the domain tests, on a clock stopped at a given instant. */
public final class TestValidators {

    private TestValidators() {
    }

    public static Validator at(Instant now) {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure();
        CaptureValidation.configure(configuration, Clock.fixed(now, ZoneOffset.UTC));
        return configuration.buildValidatorFactory().getValidator();
    }
}
