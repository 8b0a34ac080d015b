package io.leadpipeline.systemtests;

import java.util.List;
import java.util.Random;

import io.leadpipeline.events.LeadStage;
import io.leadpipeline.kafka.LeadIds;

/**
 * One lead of a crash run: who it is (so the scoring rules in {@code config/} decide a known outcome), how the website
 * submits it (duplicates included), how the closer answers, and therefore exactly what must reach each topic.
 */
record ChaosLead(int number, Kind kind, Duplicate duplicate, String email, String leadId, String conversionJson,
        String secondConversionJson, PersonalData personalData) {

    /** What identifies this person, each unique to the lead, so the run can look for it where it must never be (logs). */
    record PersonalData(String email, String lastName, String phone) {
    }

    /** What kind of lead, with the outcome the shipped rules give it. */
    enum Kind {
        /** A VP at a 500-person company asking for a demo: SQL (fast track), handed off, the closer accepts. */
        SALES_READY_ACCEPTED(List.of(LeadStage.SQL), 1, 1, 0),
        /** The same, but the closer rejects it as not a fit: back to marketing and into nurture. */
        SALES_READY_REJECTED(List.of(LeadStage.SQL), 1, 1, 1),
        /** A student on free mail downloading an ebook: REJECTED (not a fit), nurtured. */
        NOT_READY(List.of(LeadStage.REJECTED), 0, 0, 1),
        /** A grade-B manager signing up for the newsletter: REJECTED (low score) and nurtured, then books a meeting: SQL. */
        REQUALIFIES(List.of(LeadStage.REJECTED, LeadStage.SQL), 1, 1, 1),
        /** A competitor's address: REJECTED with a DISQUALIFIED_* reason, never handed off or nurtured. */
        DISQUALIFIED(List.of(LeadStage.REJECTED), 0, 0, 0);

        final List<LeadStage> decisions;
        final int handoffs;
        final int outcomes;
        final int enrollments;

        Kind(List<LeadStage> decisions, int handoffs, int outcomes, int enrollments) {
            this.decisions = decisions;
            this.handoffs = handoffs;
            this.outcomes = outcomes;
            this.enrollments = enrollments;
        }
    }

    /** How the website repeats itself, as real ones do. */
    enum Duplicate {
        NONE,
        /** The same request again with the same Idempotency-Key (a client retry after a lost answer). */
        SAME_KEY,
        /** The same request twice at once without any key (a double click). */
        DOUBLE_CLICK,
        /** A second, different form fill of the same person later: it changes nothing in the lead's stage, unless it reaches
         * qualification after a closer rejected the lead (then MQL: recycled leads cool down before they may be SQL again). */
        RESUBMITTED_LATER
    }

    static ChaosLead plan(long seed, int number, Random random) {
        int roll = random.nextInt(100);
        Kind kind = roll < 30 ? Kind.SALES_READY_ACCEPTED
                : roll < 40 ? Kind.SALES_READY_REJECTED
                : roll < 65 ? Kind.NOT_READY
                : roll < 85 ? Kind.REQUALIFIES
                : Kind.DISQUALIFIED;
        int dup = random.nextInt(100);
        Duplicate duplicate = dup < 55 ? Duplicate.NONE : dup < 75 ? Duplicate.SAME_KEY : dup < 88 ? Duplicate.DOUBLE_CLICK
                : Duplicate.RESUBMITTED_LATER;
        if (kind == Kind.REQUALIFIES && duplicate != Duplicate.NONE) {
            // A second sign-up would add points and make it an MQL: another lead's story. Without a key, a retry across a
            // capture crash is a second sign-up to the pipeline (docs/reliability.md), so these always carry one.
            duplicate = Duplicate.SAME_KEY;
        }
        String tag = seed + "x" + number;
        String lastName = "Stonek" + tag; // one word, unique to the lead: a log line naming the person is found by it
        String phone = String.format("+1 555 %03d %05d", seed % 1000, number);
        String email;
        String first;
        String second;
        switch (kind) {
            case SALES_READY_ACCEPTED, SALES_READY_REJECTED -> {
                email = "ava.k" + tag + "@northwind-" + tag + ".example";
                first = demoRequest(email, "Ava", lastName, phone, "Northwind " + tag);
                second = demoRequest(email, "Ava", lastName, phone, "Northwind " + tag).replace("\"demo-request\"", "\"demo-request\", \"pageUrl\": \"https://www.example.com/pricing\"");
            }
            case NOT_READY -> {
                email = "sam.k" + tag + "@gmail.com";
                first = """
                        {"email": "%s", "formId": "ebook", "formType": "CONTENT_DOWNLOAD", "firstName": "Sam", "lastName": "%s",
                         "phone": "%s", "jobTitle": "Student", "consent": {"marketing": true, "text": "v1"}}""".formatted(email, lastName, phone);
                second = """
                        {"email": "%s", "formId": "newsletter", "formType": "NEWSLETTER_SIGNUP", "firstName": "Sam", "lastName": "%s",
                         "phone": "%s", "jobTitle": "Student", "consent": {"marketing": true, "text": "v1"}}""".formatted(email, lastName, phone);
            }
            case REQUALIFIES -> {
                email = "mia.k" + tag + "@contoso-" + tag + ".example";
                first = """
                        {"email": "%s", "formId": "newsletter", "formType": "NEWSLETTER_SIGNUP", "firstName": "Mia",
                         "lastName": "%s", "phone": "%s", "company": "Contoso %s", "jobTitle": "Marketing Manager",
                         "companySize": "120", "country": "US", "consent": {"marketing": true, "text": "v1"}}""".formatted(email, lastName,
                        phone, tag);
                second = null;
            }
            case DISQUALIFIED -> {
                email = "dana.k" + tag + "@rival-leads.com";
                first = demoRequest(email, "Dana", lastName, phone, "Rival Leads");
                second = demoRequest(email, "Dana", lastName, phone, "Rival Leads").replace("\"VP of Sales\"", "\"VP of Revenue\"");
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return new ChaosLead(number, kind, duplicate, email, LeadIds.fromEmail(email), first,
                duplicate == Duplicate.RESUBMITTED_LATER ? second : null, new PersonalData(email, lastName, phone));
    }

    private static String demoRequest(String email, String firstName, String lastName, String phone, String company) {
        return """
                {"email": "%s", "formId": "demo-request", "formType": "DEMO_REQUEST", "firstName": "%s", "lastName": "%s",
                 "phone": "%s", "company": "%s", "jobTitle": "VP of Sales", "companySize": "500", "country": "US",
                 "consent": {"marketing": true, "text": "v1"}}""".formatted(email, firstName, lastName, phone, company);
    }

    /** Whether every submission of this lead carries an Idempotency-Key (only a double click has none). */
    boolean keyed() {
        return duplicate != Duplicate.DOUBLE_CLICK;
    }

    /** The closer's answer to this lead's handoff. */
    boolean closerRejects() {
        return kind == Kind.SALES_READY_REJECTED;
    }

    /** The engagement that re-qualifies a nurtured lead (a meeting booked from a nurture email), when it has one. */
    String engagementJson(String occurredAt) {
        return """
                {"type": "MEETING_BOOKED", "email": "%s", "occurredAt": "%s", "url": "https://www.example.com/meet"}"""
                .formatted(email, occurredAt);
    }
}
