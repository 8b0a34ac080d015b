package io.leadpipeline.capture.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import io.leadpipeline.capture.domain.ConversionSubmission;
import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * Bean Validation as capture's submissions need it: "now" for {@code @PastOrPresent} is capture's clock, and a
 * sender's clock may run {@link ConversionSubmission#MAX_CLOCK_SKEW} ahead of it.
 */
@ApplicationScoped
public class CaptureValidation implements ValidatorFactoryCustomizer {

    private final Clock clock;

    public CaptureValidation(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configure(configuration, clock);
    }

    /** The same set-up for a validator made outside Quarkus (the domain tests, on a fixed clock). */
    public static void configure(BaseHibernateValidatorConfiguration<?> configuration, Clock clock) {
        configuration.clockProvider(() -> clock).temporalValidationTolerance(ConversionSubmission.MAX_CLOCK_SKEW);
    }
}
