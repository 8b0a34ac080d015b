package io.leadpipeline.nurture.domain;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;

/** What a track can be targeted on besides the rejection reason; any part may be unknown (null). */
public record Persona(Grade grade, String industry, FormType formType) {
}
