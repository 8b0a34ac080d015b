package io.leadpipeline.qualification.domain;

/** What we know about the person behind a lead; the newest non-empty value of each field wins. */
public record Contact(String email, String firstName, String lastName, String company, String jobTitle, String phone,
        String country, String companySize, String industry) {

    public static Contact empty() {
        return new Contact(null, null, null, null, null, null, null, null, null);
    }

    /** This contact updated with the non-empty fields of a newer one. */
    public Contact mergedWith(Contact newer) {
        return new Contact(pick(newer.email, email), pick(newer.firstName, firstName), pick(newer.lastName, lastName),
                pick(newer.company, company), pick(newer.jobTitle, jobTitle), pick(newer.phone, phone),
                pick(newer.country, country), pick(newer.companySize, companySize), pick(newer.industry, industry));
    }

    public String emailDomain() {
        if (email == null || email.indexOf('@') < 0) {
            return "";
        }
        return email.substring(email.lastIndexOf('@') + 1);
    }

    private static String pick(String newer, String older) {
        return newer == null || newer.isBlank() ? older : newer;
    }
}
