package io.leadpipeline.opsconsole.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.opsconsole.RoutingRosterStub;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Proves who may read the console: every /api endpoint and the live stream want a token of role ops or admin, by
 * Bearer header or by the HttpOnly SameSite=Strict cookie POST /login sets from a pasted token; the page and health
 * stay open; sign-in and sign-out refuse another site's requests.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(RoutingRosterStub.class)
class ConsoleAccessTest {

    private static final String COOKIE = "ops-console-session";
    private static final List<String> DATA = List.of("/api/funnel?window=1h", "/api/health", "/api/closers",
            "/api/overview", "/api/leads/nobody@nowhere.example/timeline", "/api/session");

    @TestHTTPResource("/")
    URL console;

    @Test
    void shouldRefuseEveryDataEndpointWithoutAToken() {
        for (String path : DATA) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("detail", containsString("token"));
        }
        given().accept("text/event-stream").get("/api/stream?window=1h").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAForeignSignedExpiredOrGarbageToken() {
        for (String authorization : List.of(TestTokens.expired(Roles.OPS), "Bearer not.a.token", "Bearer ")) {
            given().header("Authorization", authorization).get("/api/overview").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().cookie(COOKIE, "not.a.token").get("/api/overview").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseOtherRolesWith403() {
        for (String role : List.of(Roles.MARKETING_OPS, Roles.SALES_OPS)) {
            given().header("Authorization", TestTokens.bearer(role)).get("/api/funnel?window=1h").then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("role"));
        }
        given().header("Authorization", TestTokens.closer("closer-ava")).get("/api/overview").then().statusCode(403);
    }

    @Test
    void shouldServeOpsAndAdminByBearerAndLeaveThePageAndHealthOpen() {
        given().header("Authorization", TestTokens.bearer(Roles.OPS)).get("/api/funnel?window=1h").then()
                .statusCode(200).body("window", equalTo("1h"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/api/session").then()
                .statusCode(200).body("role", equalTo(Roles.ADMIN)).body("subject", equalTo(Roles.ADMIN));
        given().get("/").then().statusCode(200).body(containsString("id=\"signin-form\""));
        given().get("/app.js").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldSignInWithAPastedOpsTokenIntoAnHttpOnlyStrictCookieThatAloneReadsTheApi() {
        String token = token(Roles.OPS);
        Response login = given().contentType(ContentType.URLENC).formParam("token", "  Bearer " + token + "\n")
                .header("Origin", origin()).post("/login");
        login.then().statusCode(200).body("role", equalTo(Roles.OPS)).body(not(containsString(token)));

        String setCookie = login.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "=" + token + ";"), setCookie);
        String attributes = setCookie.toLowerCase();
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=strict"), setCookie);
        assertTrue(attributes.contains("path=/"), setCookie);
        assertFalse(attributes.contains("secure"), "plain http: not Secure, or the browser would drop it: " + setCookie);
        long maxAge = Long.parseLong(setCookie.replaceAll("(?i).*max-age=(\\d+).*", "$1"));
        assertTrue(maxAge > Duration.ofMinutes(59).toSeconds() && maxAge <= Duration.ofHours(1).toSeconds(),
                "the token's remaining lifetime (1 h): " + maxAge);

        given().cookie(COOKIE, login.getCookie(COOKIE)).get("/api/funnel?window=1h").then().statusCode(200)
                .body("window", equalTo("1h"));
        Instant expiresAt = Instant.parse(given().cookie(COOKIE, login.getCookie(COOKIE)).get("/api/session")
                .then().statusCode(200).extract().path("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(59))), expiresAt.toString());
    }

    @Test
    void shouldSetNoCookieForABadExpiredOrForeignRoleToken() {
        for (String bad : List.of("not.a.token", "", raw(TestTokens.expired(Roles.OPS)))) {
            Response login = given().contentType(ContentType.URLENC).formParam("token", bad).post("/login");
            login.then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("token"));
            assertNull(login.getHeader("Set-Cookie"), "no cookie for a token that is not valid");
        }
        Response marketing = given().contentType(ContentType.URLENC).formParam("token", token(Roles.MARKETING_OPS))
                .post("/login");
        marketing.then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("ops or admin"));
        assertNull(marketing.getHeader("Set-Cookie"), "no cookie for another role");
    }

    @Test
    void shouldRefuseSignInAndSignOutFromAnotherSite() {
        String token = token(Roles.OPS);
        for (String foreign : List.of("https://evil.example", "null", origin() + ".evil.example")) {
            Response login = given().contentType(ContentType.URLENC).formParam("token", token)
                    .header("Origin", foreign).post("/login");
            login.then().statusCode(403).contentType("application/problem+json");
            assertNull(login.getHeader("Set-Cookie"), "no cookie for " + foreign);
            given().header("Origin", foreign).post("/logout").then().statusCode(403);
        }
        Response crossSite = given().contentType(ContentType.URLENC).formParam("token", token)
                .header("Sec-Fetch-Site", "cross-site").post("/login");
        crossSite.then().statusCode(403);
        assertNull(crossSite.getHeader("Set-Cookie"));
        given().contentType(ContentType.URLENC).formParam("token", token).header("Origin", "null")
                .header("Sec-Fetch-Site", "same-origin").post("/login").then().statusCode(200);
    }

    @Test
    void shouldClearTheCookieOnSignOut() {
        Response logout = given().header("Origin", origin()).post("/logout");
        logout.then().statusCode(204);
        String setCookie = logout.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "=;"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("max-age=0"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertEquals("", logout.getCookie(COOKIE));
        given().cookie(COOKIE, "").get("/api/overview").then().statusCode(401);
    }

    /** The console's own origin, as a browser on the page would send it. */
    private String origin() {
        return console.getProtocol() + "://" + console.getHost() + ":" + console.getPort();
    }

    private static String token(String role) {
        return raw(TestTokens.bearer(role));
    }

    private static String raw(String authorization) {
        return authorization.substring("Bearer ".length());
    }
}
