package io.leadpipeline.capture.domain;

import java.util.Optional;

import io.leadpipeline.kafka.CompanySize;

/**
 * The {@code companySize} text capture writes: the pipeline's one company-size rule ({@link CompanySize}, which also
 * gives the {@code employees} the normalizer writes beside it), in its form without separators or shorthand.
 */
public final class CompanySizes {

    private CompanySizes() {
    }

    /** The normalized size ("1200", "201-500", "5000+"), or empty when {@code value} is no company size. */
    public static Optional<String> normalize(String value) {
        return CompanySize.parse(value).map(CompanySize::text);
    }
}
