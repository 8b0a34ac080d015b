package io.leadpipeline.capture.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plain HTML {@code <form>} post read the way a web designer names the inputs: {@code first_name},
 * {@code firstName} and {@code first-name} are all the first name; inputs we do not know become custom fields
 * under their own name. Also picks out the honeypot, the {@code redirect} target and an {@code idempotency_key}.
 *
 * @param inputNames for each submission field ({@code firstName}, {@code utm.source}, {@code fields.x}) the input
 *                   name the form used, so errors can name the inputs the designer wrote
 */
public record HtmlFormPost(ConversionSubmission submission, String honeypotValue, String redirect, String idempotencyKey,
        Map<String, String> inputNames) {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("emailaddress", "email"),
            Map.entry("firstname", "firstName"), Map.entry("fname", "firstName"), Map.entry("givenname", "firstName"),
            Map.entry("lastname", "lastName"), Map.entry("lname", "lastName"), Map.entry("surname", "lastName"),
            Map.entry("familyname", "lastName"),
            Map.entry("company", "company"), Map.entry("companyname", "company"), Map.entry("organization", "company"),
            Map.entry("organisation", "company"),
            Map.entry("title", "jobTitle"), Map.entry("jobtitle", "jobTitle"),
            Map.entry("phone", "phone"), Map.entry("phonenumber", "phone"), Map.entry("tel", "phone"),
            Map.entry("telephone", "phone"),
            Map.entry("country", "country"),
            Map.entry("companysize", "companySize"), Map.entry("employees", "companySize"),
            Map.entry("numberofemployees", "companySize"),
            Map.entry("industry", "industry"),
            Map.entry("pageurl", "pageUrl"), Map.entry("referrer", "referrer"), Map.entry("referer", "referrer"),
            Map.entry("utmsource", "utm.source"), Map.entry("utmmedium", "utm.medium"),
            Map.entry("utmcampaign", "utm.campaign"), Map.entry("utmterm", "utm.term"),
            Map.entry("utmcontent", "utm.content"),
            Map.entry("visitorid", "visitorId"),
            Map.entry("consent", "consent.marketing"), Map.entry("marketingconsent", "consent.marketing"),
            Map.entry("marketingoptin", "consent.marketing"), Map.entry("optin", "consent.marketing"),
            Map.entry("consenttext", "consent.text"), Map.entry("consentversion", "consent.text"),
            Map.entry("formtype", "formType"),
            Map.entry("formid", "formId"));

    private static final String REDIRECT = "redirect";
    private static final String IDEMPOTENCY_KEY = "idempotencykey";
    private static final Set<String> CHECKED = Set.of("on", "true", "yes", "1", "checked", "y");

    /** Reads a form post for {@code formId} (from the path); {@code honeypotField} is the site's honeypot input name. */
    public static HtmlFormPost read(String formId, Map<String, List<String>> inputs, String honeypotField) {
        Map<String, String> known = new HashMap<>();
        Map<String, String> inputNames = new HashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        String honeypot = null;
        String redirect = null;
        String idempotencyKey = null;
        String honeypotKey = canonical(honeypotField);
        for (Map.Entry<String, List<String>> input : inputs.entrySet()) {
            String name = input.getKey();
            String key = canonical(name);
            if (key.equals(honeypotKey)) {
                honeypot = joined(input.getValue());
            } else if (key.equals(REDIRECT)) {
                redirect = firstNonBlank(input.getValue());
            } else if (key.equals(IDEMPOTENCY_KEY)) {
                idempotencyKey = firstNonBlank(input.getValue());
            } else if (KNOWN.containsKey(key)) {
                String field = KNOWN.get(key);
                if (!known.containsKey(field) || known.get(field) == null) {
                    known.put(field, firstNonBlank(input.getValue()));
                    inputNames.put(field, name);
                }
            } else {
                custom.put(name, joined(input.getValue()));
                inputNames.put("fields." + name, name);
            }
        }
        inputNames.putIfAbsent("fields", "fields");
        ConversionSubmission submission = new ConversionSubmission(
                known.get("email"), formId, known.get("formType"),
                known.get("firstName"), known.get("lastName"), known.get("company"), known.get("jobTitle"),
                known.get("phone"), known.get("country"), known.get("companySize"), known.get("industry"),
                known.get("pageUrl"), known.get("referrer"),
                new ConversionSubmission.Utm(known.get("utm.source"), known.get("utm.medium"), known.get("utm.campaign"),
                        known.get("utm.term"), known.get("utm.content")),
                known.get("visitorId"),
                new ConversionSubmission.Consent(checked(known.get("consent.marketing")), known.get("consent.text")),
                custom, null);
        return new HtmlFormPost(submission, honeypot, redirect, idempotencyKey, Map.copyOf(inputNames));
    }

    /** The input name a form used for a submission field; the field name itself when the form did not send it. */
    public String inputNameOf(String field) {
        return inputNames.getOrDefault(field, field);
    }

    private static String canonical(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
    }

    private static boolean checked(String value) {
        return value != null && CHECKED.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static String firstNonBlank(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    /** Several checkboxes of one name arrive as several values: keep them all. */
    private static String joined(List<String> values) {
        return String.join(", ", values.stream().filter(v -> v != null && !v.isBlank()).toList());
    }
}
