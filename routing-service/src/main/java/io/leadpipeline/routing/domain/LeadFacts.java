package io.leadpipeline.routing.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;

/**
 * What routing looks at in a lead: where it is, how big the company is, its industry, the form it filled in, its
 * grade and its company's email domain (for account matching). Any of them may be unknown (null).
 */
public record LeadFacts(String country, Integer companySize, String industry, FormType formType, Grade grade, String companyDomain) {

    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");

    public LeadFacts {
        country = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
        industry = industry == null || industry.isBlank() ? null : industry.trim().toLowerCase(Locale.ROOT);
        companyDomain = companyDomain == null || companyDomain.isBlank() ? null : companyDomain.trim().toLowerCase(Locale.ROOT);
    }

    /** Employees as a number: "500" → 500; a band counts by its lower bound ("201-500" → 201, "5000+" → 5000). */
    public static Integer companySize(String asGiven) {
        if (asGiven == null) {
            return null;
        }
        Matcher number = FIRST_NUMBER.matcher(asGiven.replace(",", "").replace("_", ""));
        if (!number.find()) {
            return null;
        }
        try {
            return Integer.valueOf(number.group());
        } catch (NumberFormatException tooLarge) {
            return Integer.MAX_VALUE;
        }
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
