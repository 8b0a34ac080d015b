package io.leadpipeline.capture.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Proves a plain HTML form is read the way web designers name inputs, and nothing they send is lost. */
class HtmlFormPostTest {

    @Test
    void shouldReadSnakeCaseInputs() {
        HtmlFormPost post = read("email", "jane@acme.example", "first_name", "Jane", "last_name", "Doe", "company", "Acme",
                "title", "CTO", "phone", "+1 555 0100", "country", "US", "company_size", "201-500", "utm_source", "google",
                "utm_campaign", "spring", "consent", "on", "consent_text", "v2");
        ConversionSubmission s = post.submission();
        assertEquals(List.of("jane@acme.example", "Jane", "Doe", "Acme", "CTO", "+1 555 0100", "US", "201-500"),
                List.of(s.email(), s.firstName(), s.lastName(), s.company(), s.jobTitle(), s.phone(), s.country(), s.companySize()));
        assertEquals("google", s.utm().source());
        assertEquals("spring", s.utm().campaign());
        assertTrue(s.consent().marketing());
        assertEquals("v2", s.consent().text());
        assertEquals("demo-request", s.formId());
        assertEquals(Map.of(), s.fields());
    }

    @Test
    void shouldReadCamelCaseAndHyphenatedInputsAlike() {
        ConversionSubmission s = read("firstName", "Jane", "last-name", "Doe", "jobTitle", "CTO", "utmSource", "ads").submission();
        assertEquals("Jane", s.firstName());
        assertEquals("Doe", s.lastName());
        assertEquals("CTO", s.jobTitle());
        assertEquals("ads", s.utm().source());
    }

    @Test
    void shouldKeepUnknownInputsAsCustomFieldsUnderTheirOwnNames() {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        inputs.put("email", List.of("jane@acme.example"));
        inputs.put("product_interest", List.of("pipeline", "routing"));
        inputs.put("Message", List.of("Call me"));
        HtmlFormPost post = HtmlFormPost.read("demo-request", inputs, "website");
        assertEquals(Map.of("product_interest", "pipeline, routing", "Message", "Call me"), post.submission().fields());
        assertEquals("product_interest", post.inputNameOf("fields.product_interest"));
    }

    @Test
    void shouldPickOutHoneypotRedirectAndIdempotencyKey() {
        HtmlFormPost post = read("email", "a@b.example", "website", "http://spam.example", "redirect", "https://www.example.com/x",
                "idempotency_key", "abc-123");
        assertEquals("http://spam.example", post.honeypotValue());
        assertEquals("https://www.example.com/x", post.redirect());
        assertEquals("abc-123", post.idempotencyKey());
        assertEquals(Map.of(), post.submission().fields(), "none of them is lead data");
    }

    @Test
    void shouldTreatAnUncheckedConsentBoxAsNoConsent() {
        assertFalse(read("email", "a@b.example").submission().consent().marketing());
        assertFalse(read("email", "a@b.example", "consent", "no").submission().consent().marketing());
        assertNull(read("email", "a@b.example").honeypotValue());
    }

    @Test
    void shouldNameErrorsAfterTheInputsTheFormUsed() {
        HtmlFormPost post = read("email_address", "x", "first_name", "J");
        assertEquals("email_address", post.inputNameOf("email"));
        assertEquals("first_name", post.inputNameOf("firstName"));
        assertEquals("country", post.inputNameOf("country"));
    }

    private static HtmlFormPost read(String... namesAndValues) {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            inputs.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HtmlFormPost.read("demo-request", inputs, "website");
    }
}
