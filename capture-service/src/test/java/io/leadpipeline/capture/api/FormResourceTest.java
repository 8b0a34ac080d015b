package io.leadpipeline.capture.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadpipeline.capture.support.CaptureTestConfig;
import io.leadpipeline.capture.support.InjectWebsite;
import io.leadpipeline.capture.support.Topics;
import io.leadpipeline.capture.support.Website;
import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.ConversionCaptured;
import io.leadpipeline.events.FormType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * Proves a plain HTML form (no JavaScript) can post to POST /v1/forms/{formId}, in the input names web designers
 * use, and that the browser is sent on to the thank-you page, or back to the form's error page naming the bad inputs.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(CaptureTestConfig.class)
class FormResourceTest {

    @InjectWebsite
    Website website;

    @TestHTTPResource("/v1/forms/demo-request")
    URL demoRequestForm;

    @Test
    void shouldLetABrowserPostAPlainFormAndLandOnTheThankYouPage() throws Exception {
        website.page("/demo.html", """
                <!DOCTYPE html><html><head><title>Book a demo</title></head><body>
                <form method="post" action="%s">
                  <input name="email"> <input name="first_name"> <input name="company"> <input name="country">
                  <textarea name="message"></textarea>
                  <input type="checkbox" name="consent" value="yes"> <input type="hidden" name="consent_text" value="v1">
                  <div style="display:none"><input name="website" tabindex="-1" autocomplete="off"></div>
                  <button type="submit" id="send">Book my demo</button>
                </form></body></html>
                """.formatted(demoRequestForm));
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            HtmlPage page = browser.getPage(website.origin() + "/demo.html");
            HtmlForm form = page.getForms().get(0);
            form.getInputByName("email").type("browser.user@acme.example");
            form.getInputByName("first_name").type("Bri");
            form.getInputByName("company").type("Acme");
            form.getInputByName("country").type("France");
            form.getTextAreaByName("message").type("Please call\nin the morning");
            form.getInputByName("consent").click();

            HtmlPage landed = page.getHtmlElementById("send").click();

            assertEquals(website.origin() + "/thank-you.html", landed.getUrl().toString());
            assertEquals("Thank you", landed.getTitleText());
        }
        try (TopicReader<ConversionCaptured> reader = Topics.conversions()) {
            ConversionCaptured conversion = reader.await(r -> r.value().getContact().getEmail().equals("browser.user@acme.example"), 1,
                    Topics.ARRIVAL).get(0).value();
            assertEquals("Bri", conversion.getContact().getFirstName());
            assertEquals("FR", conversion.getContact().getCountry());
            assertEquals(FormType.DEMO_REQUEST, conversion.getFormType());
            assertTrue(conversion.getConsent().getMarketingOptIn());
            assertEquals("v1", conversion.getConsent().getText());
            assertEquals("Please call\nin the morning", conversion.getCustomFields().get("message"));
        }
    }

    @Test
    void shouldSendABrowserWithInvalidInputBackToTheFormsErrorPage() throws Exception {
        website.page("/demo.html", """
                <!DOCTYPE html><html><head><title>Book a demo</title></head><body>
                <form method="post" action="%s"><input name="email_address"><input name="country">
                <button type="submit" id="send">Send</button></form></body></html>
                """.formatted(demoRequestForm));
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            HtmlPage page = browser.getPage(website.origin() + "/demo.html");
            page.getForms().get(0).getInputByName("email_address").type("not-an-email");
            page.getForms().get(0).getInputByName("country").type("Atlantis");
            HtmlPage landed = page.getHtmlElementById("send").click();
            assertEquals(website.origin() + "/demo.html?failed=1&errors=email_address,country", landed.getUrl().toString());
        }
    }

    @Test
    void shouldReadSnakeCaseInputsAndKeepUnknownOnesAsCustomFields() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "snake.case@acme.example").formParam("first_name", "Sam").formParam("last_name", "Case")
                .formParam("title", "CTO").formParam("company_size", "51-200").formParam("utm_source", "newsletter")
                .formParam("utm_campaign", "spring").formParam("product_interest", "routing")
                .when().post("/v1/forms/demo-request")
                .then().statusCode(303)
                .header("Location", website.origin() + "/thank-you.html");
        ConversionCaptured conversion = awaitConversionOf("snake.case@acme.example");
        assertEquals(List.of("Sam", "Case", "CTO", "51-200"), List.of(conversion.getContact().getFirstName(),
                conversion.getContact().getLastName(), conversion.getContact().getJobTitle(), conversion.getContact().getCompanySize()));
        assertEquals("newsletter", conversion.getAttribution().getUtmSource());
        assertEquals("spring", conversion.getAttribution().getUtmCampaign());
        assertEquals(Map.of("product_interest", "routing"), conversion.getCustomFields());
    }

    @Test
    void shouldAcceptMultipartFormsWithCamelCaseInputs() {
        given().redirects().follow(false)
                .multiPart("email", "multi.part@acme.example").multiPart("firstName", "Mia").multiPart("jobTitle", "Head of Sales")
                .when().post("/v1/forms/ebook")
                .then().statusCode(303)
                .header("Location", website.origin() + "/ebook-download.html");
        ConversionCaptured conversion = awaitConversionOf("multi.part@acme.example");
        assertEquals("Mia", conversion.getContact().getFirstName());
        assertEquals("Head of Sales", conversion.getContact().getJobTitle());
        assertEquals(FormType.CONTENT_DOWNLOAD, conversion.getFormType());
    }

    @Test
    void shouldRedirectOnlyToHostsTheSiteAllows() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "redirect.ok@acme.example").formParam("redirect", "https://offers.example.com/welcome?x=1")
                .when().post("/v1/forms/newsletter")
                .then().statusCode(303)
                .header("Location", "https://offers.example.com/welcome?x=1");
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "redirect.evil@acme.example").formParam("redirect", "https://evil.example/phish")
                .when().post("/v1/forms/newsletter")
                .then().statusCode(303)
                .header("Location", website.origin() + "/subscribed.html");
    }

    @Test
    void shouldShowASmallErrorPageToBrowsersWhenTheFormHasNoErrorUrl() {
        given().redirects().follow(false).contentType(ContentType.URLENC).accept("text/html,application/xhtml+xml")
                .formParam("email", "<script>x</script>").formParam("company_size", "lots")
                .when().post("/v1/forms/newsletter")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("<code>email</code>"))
                .body(containsString("<code>company_size</code>"))
                .body(org.hamcrest.Matchers.not(containsString("<script>")));
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "nope")
                .when().post("/v1/forms/newsletter")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("email")));
    }

    @Test
    void shouldSendAFilledHoneypotToTheThankYouPageButWriteNothing() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "form.bot@spam-farm.example").formParam("website", "http://cheap.example")
                .when().post("/v1/forms/newsletter")
                .then().statusCode(303)
                .header("Location", website.origin() + "/subscribed.html");
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("form.bot@spam-farm.example"));
    }

    @Test
    void shouldRefuseUnknownFormsDisallowedOriginsAndOtherContentTypes() {
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("email", "lost@acme.example")
                .when().post("/v1/forms/no-such-form")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().redirects().follow(false).contentType(ContentType.URLENC).header("Origin", "https://evil.example")
                .formParam("email", "form.evil@acme.example")
                .when().post("/v1/forms/newsletter")
                .then().statusCode(403);
        given().redirects().follow(false).contentType(ContentType.JSON).body("{\"email\": \"json@acme.example\"}")
                .when().post("/v1/forms/newsletter")
                .then().statusCode(415)
                .contentType("application/problem+json");
        Topics.assertNoConversion(c -> c.getContact().getEmail().equals("form.evil@acme.example"));
    }

    private static ConversionCaptured awaitConversionOf(String email) {
        try (TopicReader<ConversionCaptured> reader = Topics.conversions()) {
            var written = reader.await(r -> r.value().getContact().getEmail().equals(email), 1, Topics.ARRIVAL);
            assertEquals(1, written.size(), "the form's conversion is on the topic");
            return written.get(0).value();
        }
    }
}
