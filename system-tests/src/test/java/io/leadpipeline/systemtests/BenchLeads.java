package io.leadpipeline.systemtests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.leadpipeline.events.Attribution;
import io.leadpipeline.events.ContactDetails;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.events.Grade;
import io.leadpipeline.events.LeadSnapshot;
import io.leadpipeline.events.LeadStage;
import io.leadpipeline.events.MarketingConsent;
import io.leadpipeline.events.QualificationDecided;
import io.leadpipeline.events.ScoreReason;
import io.leadpipeline.kafka.LeadIds;

/**
 * The benchmark's leads, each with a unique address (and company domain, so no account owner skews the rotation):
 * as a website posts them to capture, as capture writes them to {@code lead.conversions}, and as qualification decides
 * them. The campaign mix is what a launch brings in; what the shipped rules (config/scoring.yaml) make of each kind is
 * what {@link ChaosLead} states for the same shapes.
 */
final class BenchLeads {

    /** The example site's server key from config/capture.yaml: a server integration, not a browser. */
    static final String SITE_KEY = "Bearer dev-only-example-server-key";
    static final String SITE_ID = "example";

    /** What a lead is, and what the shipped rules make of it. */
    enum Kind {
        /** A VP of Sales at a 500-person US company asking for a demo: SQL (fast track), handed off. */
        SALES_READY,
        /** A student on free mail downloading an ebook: REJECTED (not a fit), enrolled in nurture. */
        NOT_READY,
        /** A competitor's address asking for a demo: REJECTED (DISQUALIFIED_COMPETITOR), never handed off or nurtured. */
        DISQUALIFIED
    }

    /** Of every ten leads of a campaign: four sales-ready, five not ready, one competitor. */
    static Kind campaignKind(long n) {
        int tenth = (int) (n % 10);
        return tenth < 4 ? Kind.SALES_READY : tenth < 9 ? Kind.NOT_READY : Kind.DISQUALIFIED;
    }

    /** How many of the first {@code count} campaign leads are of {@code kind}. */
    static long campaignCount(long count, Kind kind) {
        long full = count / 10 * switch (kind) {
            case SALES_READY -> 4;
            case NOT_READY -> 5;
            case DISQUALIFIED -> 1;
        };
        long rest = 0;
        for (long n = count / 10 * 10; n < count; n++) {
            rest += campaignKind(n) == kind ? 1 : 0;
        }
        return full + rest;
    }

    private final String run;

    /** @param run a tag unique to the run and phase, part of every address, so runs on one pipeline never share a lead */
    BenchLeads(String run) {
        this.run = run;
    }

    String email(Kind kind, long n) {
        String tag = run + "x" + n;
        return switch (kind) {
            case SALES_READY -> "ava." + tag + "@northwind-" + tag + ".example";
            case NOT_READY -> "sam." + tag + "@gmail.com";
            case DISQUALIFIED -> "dana." + tag + "@rival-leads.com";
        };
    }

    String leadId(Kind kind, long n) {
        return LeadIds.fromEmail(email(kind, n));
    }

    /** The JSON a website's server posts to {@code POST /v1/conversions}. */
    String conversionJson(Kind kind, long n) {
        String email = email(kind, n);
        return switch (kind) {
            case SALES_READY -> demoRequest(email, "Ava", "Northwind " + run + "x" + n);
            case NOT_READY -> """
                    {"email":"%s","formId":"ebook","formType":"CONTENT_DOWNLOAD","firstName":"Sam","jobTitle":"Student",\
                    "consent":{"marketing":true,"text":"v1"}}""".formatted(email);
            case DISQUALIFIED -> demoRequest(email, "Dana", "Rival Leads");
        };
    }

    private static String demoRequest(String email, String firstName, String company) {
        return """
                {"email":"%s","formId":"demo-request","formType":"DEMO_REQUEST","firstName":"%s","lastName":"Stone",\
                "company":"%s","jobTitle":"VP of Sales","companySize":"500","country":"US",\
                "consent":{"marketing":true,"text":"v1"}}""".formatted(email, firstName, company);
    }

    /** The record capture writes for that post (capture's ConversionEvents), as if accepted at {@code at}. */
    ConversionCaptured conversion(Kind kind, long n, Instant at) {
        String email = email(kind, n);
        ContactDetails.Builder contact = ContactDetails.newBuilder().setEmail(email);
        FormType formType;
        String formId;
        switch (kind) {
            case NOT_READY -> {
                contact.setFirstName("Sam").setJobTitle("Student");
                formType = FormType.CONTENT_DOWNLOAD;
                formId = "ebook";
            }
            default -> {
                contact.setFirstName(kind == Kind.SALES_READY ? "Ava" : "Dana").setLastName("Stone")
                        .setCompany(kind == Kind.SALES_READY ? "Northwind " + run + "x" + n : "Rival Leads")
                        .setJobTitle("VP of Sales").setCountry("US").setCompanySize("500").setEmployees(500);
                formType = FormType.DEMO_REQUEST;
                formId = "demo-request";
            }
        }
        return ConversionCaptured.newBuilder()
                .setConversionId(UUID.randomUUID().toString())
                .setLeadId(LeadIds.fromEmail(email))
                .setOccurredAt(at)
                .setReceivedAt(at)
                .setFormId(formId)
                .setFormType(formType)
                .setSiteId(SITE_ID)
                .setContact(contact.build())
                .setAttribution(Attribution.newBuilder().build())
                .setConsent(MarketingConsent.newBuilder().setMarketingOptIn(true).setText("v1").build())
                .setCustomFields(Map.of())
                .setClientIp(null)
                .setSourceTrusted(true)
                .build();
    }

    /** The SQL decision qualification writes for a sales-ready lead (qualification's DecisionEvents), decided at {@code at}. */
    QualificationDecided salesQualified(long n, Instant at) {
        ConversionCaptured conversion = conversion(Kind.SALES_READY, n, at);
        List<ScoreReason> reasons = List.of(
                new ScoreReason("fit.seniority.executive", 30, "Executive (VP of Sales)"),
                new ScoreReason("intent.demo-request", 40, "Asked for a demo"));
        return QualificationDecided.newBuilder()
                .setDecisionId(UUID.randomUUID().toString())
                .setLeadId(conversion.getLeadId())
                .setDecidedAt(at)
                .setStage(LeadStage.SQL)
                .setFitScore(75)
                .setEngagementScore(40)
                .setTotalScore(115)
                .setGrade(Grade.A)
                .setReasons(reasons)
                .setTriggeringEventId(conversion.getConversionId())
                .setRulesVersion("benchmark")
                .setLead(LeadSnapshot.newBuilder()
                        .setContact(conversion.getContact())
                        .setAttribution(conversion.getAttribution())
                        .setConsent(conversion.getConsent())
                        .setFormType(FormType.DEMO_REQUEST)
                        .setGrade(Grade.A)
                        .setFitScore(75)
                        .setEngagementScore(40)
                        .setTotalScore(115)
                        .setReasons(reasons)
                        .build())
                .build();
    }
}
