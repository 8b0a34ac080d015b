package io.leadpipeline.capture.domain.constraints;

/** The constraints checked only for a trusted server (one with the site's API key), such as a backdated time. */
public interface TrustedSource {
}
