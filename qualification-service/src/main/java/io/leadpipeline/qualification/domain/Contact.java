package io.leadpipeline.qualification.domain;

import java.util.Optional;

import io.leadpipeline.kafka.CompanySize;

/**
 * What we know about the person behind a lead; the newest non-empty value of each field wins. {@code employees} is
 * the count capture read from {@code companySize} (null for contacts recorded before capture wrote it).
 */
public record Contact(String email, String firstName, String lastName, String company, String jobTitle, String phone,
        String country, String companySize, Integer employees, String industry) {

    /** A contact whose company size is known only as text (a preview, a record written before {@code employees}). */
    public Contact(String email, String firstName, String lastName, String company, String jobTitle, String phone,
            String country, String companySize, String industry) {
        this(email, firstName, lastName, company, jobTitle, phone, country, companySize, null, industry);
    }

    public static Contact empty() {
        return new Contact(null, null, null, null, null, null, null, null, null, null);
    }

    /** This contact updated with the non-empty fields of a newer one. */
    public Contact mergedWith(Contact newer) {
        // Size text and count travel together: a newer size given only as text must not keep the older count.
        boolean newerSize = !blank(newer.companySize) || newer.employees != null;
        return new Contact(pick(newer.email, email), pick(newer.firstName, firstName), pick(newer.lastName, lastName),
                pick(newer.company, company), pick(newer.jobTitle, jobTitle), pick(newer.phone, phone),
                pick(newer.country, country), newerSize ? newer.companySize : companySize,
                newerSize ? newer.employees : employees, pick(newer.industry, industry));
    }

    /** The employees the company has: the count capture read, or for older contacts the text read by the same rule. */
    public Optional<Integer> knownEmployees() {
        return CompanySize.employees(employees, companySize);
    }

    public String emailDomain() {
        if (email == null || email.indexOf('@') < 0) {
            return "";
        }
        return email.substring(email.lastIndexOf('@') + 1);
    }

    private static String pick(String newer, String older) {
        return blank(newer) ? older : newer;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
