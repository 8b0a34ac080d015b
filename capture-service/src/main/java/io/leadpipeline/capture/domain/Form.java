package io.leadpipeline.capture.domain;

import java.net.URI;
import java.util.Optional;

import io.leadpipeline.events.FormType;

/** One form of a site: its id (unique across all sites), what kind of form it is, and where a browser goes afterwards. */
public record Form(String id, FormType type, URI thankYouUrl, Optional<URI> errorUrl) {
}
