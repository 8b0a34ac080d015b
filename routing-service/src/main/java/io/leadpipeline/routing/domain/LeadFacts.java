package io.leadpipeline.routing.domain;

import java.util.Locale;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.kafka.CompanySize;

/**
 * What routing looks at in a lead: where it is, how big the company is, its industry, the form it filled in, its
 * grade and its company's email domain (for account matching). Any of them may be unknown (null).
 */
public record LeadFacts(String country, Integer companySize, String industry, FormType formType, Grade grade, String companyDomain) {

    public LeadFacts {
        country = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
        industry = industry == null || industry.isBlank() ? null : industry.trim().toLowerCase(Locale.ROOT);
        companyDomain = companyDomain == null || companyDomain.isBlank() ? null : companyDomain.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Employees as a number, by the pipeline's one rule ({@link CompanySize}): "500" → 500, "10k" → 10000; a band
     * counts by its lower bound ("201-500" → 201, "5000+" → 5000).
     */
    public static Integer companySize(String asGiven) {
        return companySize(null, asGiven);
    }

    /** The employees capture recorded, or for a lead recorded before it did, its size text read by the same rule. */
    public static Integer companySize(Integer employees, String asGiven) {
        return CompanySize.employees(employees, asGiven).orElse(null);
    }

    /** The part after the @ of an email address, or null. */
    public static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1);
    }
}
