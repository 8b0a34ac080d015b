package io.leadpipeline.nurture.domain;

/** What a touch needs to reach the lead, and whether it may: the latest known contact details and consent. */
public record Contact(String email, String firstName, String lastName, String country, boolean marketingOptIn) {
}
