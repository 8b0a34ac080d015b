package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.leadpipeline.kafka.LeadIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Proves POST /v1/conversions writes exactly what was submitted, cleaned, to lead.conversions, and nothing for bad input. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class ConversionResourceTest {

    @Test
    void shouldAnswer202OnlyAfterTheConversionIsOnTheTopic() {
        String conversionId = given().contentType(ContentType.JSON).body("""
                {"email": "  Ada.Lovelace@Analytical.example ", "formId": "demo-request", "formType": "DEMO_REQUEST",
                 "firstName": "Ada", "lastName": "Lovelace", "company": "Analytical Engines", "jobTitle": "VP Engineering",
                 "country": "GB", "companySize": "500", "pageUrl": "https://www.example.com/demo", "referrer": "https://www.google.com/",
                 "utm": {"source": "google", "medium": "cpc", "campaign": "q4-demo"}, "visitorId": "v-123",
                 "consent": {"marketing": true, "text": "v3"}, "fields": {"product": "pipeline"}}
                """)
                .when().post("/v1/conversions")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("leadId", equalTo(LeadIds.fromEmail("ada.lovelace@analytical.example")))
                .extract().path("conversionId");

        ConversionCaptured conversion = Topics.onlyConversion(conversionId);
        assertEquals(LeadIds.fromEmail("ada.lovelace@analytical.example"), conversion.getLeadId(), "keyed and identified by lead id");
        assertEquals("ada.lovelace@analytical.example", conversion.getContact().getEmail());
        assertEquals("Analytical Engines", conversion.getContact().getCompany());
        assertEquals("GB", conversion.getContact().getCountry());
        assertEquals(FormType.DEMO_REQUEST, conversion.getFormType());
        assertEquals("example", conversion.getSiteId());
        assertEquals("q4-demo", conversion.getAttribution().getUtmCampaign());
        assertEquals("v-123", conversion.getAttribution().getVisitorId());
        assertTrue(conversion.getConsent().getMarketingOptIn());
        assertEquals("v3", conversion.getConsent().getText());
        assertEquals(Map.of("product", "pipeline"), conversion.getCustomFields());
        assertFalse(conversion.getSourceTrusted(), "a browser post is not a trusted server's");
        assertNull(conversion.getClientIp(), "the example site does not keep client IPs");
    }

    @Test
    void shouldGiveTheSamePersonTheSameLeadWhateverFormTheyUse() {
        String viaDemo = given().contentType(ContentType.JSON).body("{\"email\": \"Grace@Hopper.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("leadId");
        String viaEbook = given().contentType(ContentType.JSON).body("{\"email\": \"grace@hopper.example \", \"formId\": \"ebook\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("leadId");
        assertEquals(viaDemo, viaEbook);
        assertEquals(LeadIds.fromEmail("grace@hopper.example"), viaDemo);
    }

    @Test
    void shouldNormalizeCountryNamesSizesAndStripControlCharacters() {
        String conversionId = given().contentType(ContentType.JSON).body("""
                {"email": "hedy@lamarr.example", "formId": "demo-request", "firstName": "Hedy\\u0007", "company": "Acme\\r\\nLabs",
                 "country": "Germany", "companySize": "1,200", "fields": {"message": "Line one\\r\\nLine two\\u0000"}}
                """)
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");

        ConversionCaptured conversion = Topics.onlyConversion(conversionId);
        assertEquals("Hedy", conversion.getContact().getFirstName());
        assertEquals("Acme Labs", conversion.getContact().getCompany());
        assertEquals("DE", conversion.getContact().getCountry());
        assertEquals("1200", conversion.getContact().getCompanySize());
        assertEquals("Line one\nLine two", conversion.getCustomFields().get("message"));
    }

    @Test
    void shouldWriteTheEmployeesTheCompanySizeStandsForBesideItsText() {
        String thousands = given().contentType(ContentType.JSON)
                .body("{\"email\": \"ten.k@big.example\", \"formId\": \"demo-request\", \"companySize\": \"10k\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        String band = given().contentType(ContentType.JSON)
                .body("{\"email\": \"band@mid.example\", \"formId\": \"demo-request\", \"companySize\": \"51-200\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        String none = given().contentType(ContentType.JSON)
                .body("{\"email\": \"no.size@small.example\", \"formId\": \"demo-request\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");

        ConversionCaptured tenK = Topics.onlyConversion(thousands);
        assertEquals("10000", tenK.getContact().getCompanySize());
        assertEquals(10000, tenK.getContact().getEmployees());
        ConversionCaptured midSized = Topics.onlyConversion(band);
        assertEquals("51-200", midSized.getContact().getCompanySize());
        assertEquals(51, midSized.getContact().getEmployees(), "a band counts as its lower bound");
        ConversionCaptured unknown = Topics.onlyConversion(none);
        assertNull(unknown.getContact().getCompanySize());
        assertNull(unknown.getContact().getEmployees());
    }

    @Test
    void shouldUseTheFormsConfiguredTypeWhateverThePageClaims() {
        String conversionId = given().contentType(ContentType.JSON)
                .body("{\"email\": \"claims@demo.example\", \"formId\": \"newsletter\", \"formType\": \"DEMO_REQUEST\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        assertEquals(FormType.NEWSLETTER_SIGNUP, Topics.onlyConversion(conversionId).getFormType());
    }

    @Test
    void shouldKeepAConversionWithoutMarketingConsentAsALeadFlaggedNotToEmail() {
        String conversionId = given().contentType(ContentType.JSON)
                .body("{\"email\": \"no.consent@acme.example\", \"formId\": \"ebook\", \"consent\": {\"marketing\": false, \"text\": \"v3\"}}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        ConversionCaptured conversion = Topics.onlyConversion(conversionId);
        assertFalse(conversion.getConsent().getMarketingOptIn());
        assertEquals("v3", conversion.getConsent().getText(), "what the visitor was shown travels with the event");

        String silent = given().contentType(ContentType.JSON).body("{\"email\": \"silent@acme.example\", \"formId\": \"ebook\"}")
                .when().post("/v1/conversions").then().statusCode(202).extract().path("conversionId");
        assertFalse(Topics.onlyConversion(silent).getConsent().getMarketingOptIn(), "no consent given is no consent");
    }

    @Test
    void shouldRejectAnInvalidEmailWithProblemJsonAndWriteNothing() {
        given().contentType(ContentType.JSON).body("""
                {"email": "not-an-email", "formId": "demo-request", "company": "Nowhere Ltd"}
                """)
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", equalTo(List.of("email")));
        Topics.assertNoConversion(c -> "Nowhere Ltd".equals(c.getContact().getCompany()));
    }

    @Test
    void shouldNameEveryBadFieldOnceAndWriteNothing() {
        given().contentType(ContentType.JSON).body("""
                {"email": "someone@bad-fields.example", "formId": "demo-request", "firstName": "%s", "phone": "call me",
                 "country": "Atlantis", "companySize": "lots", "utm": {"source": "%s"}, "fields": {"notes": "%s"}}
                """.formatted("x".repeat(101), "s".repeat(257), "n".repeat(4001)))
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("firstName", "phone", "country", "companySize", "utm.source", "fields.notes")))
                .body("errors[0].message", equalTo("must be at most 100 characters"));
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("someone@bad-fields.example"));
    }

    @Test
    void shouldNameEveryMissingFieldAndAnswerMalformedJsonWithProblemJson() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("email", "formId")));
        given().contentType(ContentType.JSON).body("{\"email\": ")
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"));
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.example\", \"formId\": \"newsletter\", \"consent\": \"yes\"}")
                .when().post("/v1/conversions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("consent"));
    }

    @Test
    void shouldRejectDisposableAndTestAddressesWithAReason() {
        for (String junk : List.of("test@test.com", "someone@mailinator.com")) {
            given().contentType(ContentType.JSON).body("{\"email\": \"" + junk + "\", \"formId\": \"newsletter\"}")
                    .when().post("/v1/conversions")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("email")))
                    .body("errors[0].message", equalTo(junk.startsWith("test@")
                            ? "is a test address; use a real email address"
                            : "is a disposable or test address; use a real email address"));
        }
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("someone@mailinator.com"));
    }

    @Test
    void shouldAnswerAFilledHoneypotLikeASuccessButWriteNothing() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"bot@spam-farm.example\", \"formId\": \"newsletter\", \"fields\": {\"website\": \"http://cheap-pills.example\"}}")
                .when().post("/v1/conversions")
                .then().statusCode(202)
                .body("leadId", equalTo(LeadIds.fromEmail("bot@spam-farm.example")));
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("bot@spam-farm.example"));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownForm() {
        given().contentType(ContentType.JSON).body("{\"email\": \"jane@acme.example\", \"formId\": \"no-such-form\"}")
                .when().post("/v1/conversions")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no form 'no-such-form'"));
    }

    @Test
    void shouldAnswer413ForABodyOver64KiBAnd415ForAnotherContentType() {
        String huge = "{\"email\": \"big@acme.example\", \"formId\": \"newsletter\", \"fields\": {\"blob\": \"" + "x".repeat(70_000) + "\"}}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/v1/conversions")
                .then().statusCode(413)
                .contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("email=jane@acme.example")
                .when().post("/v1/conversions")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", equalTo("Send the body as application/json"));
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("big@acme.example"));
    }
}
