package io.leadpipeline.opsconsole.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.leadpipeline.service.Problem;
import io.leadpipeline.service.security.AccessProblems;
import io.leadpipeline.service.security.Roles;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * Signing in to the console: {@code POST /login} takes a pasted token ({@code ./pipeline token ops}), verifies it as
 * the API would (SmallRye's {@link JWTParser}: the pipeline's key, issuer, expiry), and only for role ops or admin
 * keeps it in an HttpOnly, SameSite=Strict cookie for as long as the token lives; {@code POST /logout} drops it.
 * Both refuse a request whose {@code Origin} (or {@code Sec-Fetch-Site}) says it came from another site. The token is
 * never logged nor repeated in an answer. Who is signed in is {@code GET /api/session} ({@link ConsoleResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);
    private static final Set<String> CONSOLE_ROLES = Set.of(Roles.OPS, Roles.ADMIN);
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;
    private final String cookieName;
    private final Clock clock;

    SessionResource(JWTParser parser, @ConfigProperty(name = "mp.jwt.token.cookie") String cookieName) {
        this.parser = parser;
        this.cookieName = cookieName;
        this.clock = Clock.systemUTC();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("token") String pasted, @Context HttpServerRequest request) {
        Optional<Response> crossSite = refuseCrossSite(request);
        if (crossSite.isPresent()) {
            return crossSite.get();
        }
        String token = pasted == null ? "" : pasted.strip();
        if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length()).strip();
        }
        if (token.isEmpty()) {
            return notSignedIn("Paste a token: ./pipeline token ops prints one");
        }
        JsonWebToken verified;
        try {
            verified = parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // The reason stays out of the log and the answer alike: it may quote the token.
            return notSignedIn("The token is not valid: expired, not signed by this pipeline's key, or malformed");
        }
        long remaining = verified.getExpirationTime() - clock.instant().getEpochSecond();
        if (remaining <= 0) {
            return notSignedIn("The token has expired: mint a new one with ./pipeline token ops");
        }
        if (verified.getGroups() == null || verified.getGroups().stream().noneMatch(CONSOLE_ROLES::contains)) {
            return AccessProblems.forbidden("The ops console is for role ops or admin; this token has another role");
        }
        LOG.infof("Signed in to the console: subject '%s'", verified.getSubject());
        NewCookie cookie = cookie(token, (int) Math.min(remaining, Integer.MAX_VALUE), request);
        return Response.ok(Session.of(verified)).cookie(cookie).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context HttpServerRequest request) {
        return refuseCrossSite(request).orElseGet(() -> Response.noContent().cookie(cookie("", 0, request)).build());
    }

    /** The signed-in caller, without the token: the answer to a sign-in and to {@code GET /api/session}. */
    public record Session(String subject, String role, Instant expiresAt) {

        static Session of(JsonWebToken token) {
            String role = token.getGroups().contains(Roles.ADMIN) ? Roles.ADMIN : Roles.OPS;
            return new Session(token.getSubject(), role, Instant.ofEpochSecond(token.getExpirationTime()));
        }
    }

    private NewCookie cookie(String value, int maxAge, HttpServerRequest request) {
        return new NewCookie.Builder(cookieName).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure("https".equalsIgnoreCase(request.scheme())).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /**
     * Against cross-site request forgery (next to the cookie's SameSite=Strict): a browser names the page a POST came
     * from in {@code Origin}; it must be this console's own. A browser that sends {@code Origin: null} (forms under
     * {@code Referrer-Policy: no-referrer}) is believed only when it says {@code Sec-Fetch-Site: same-origin}. Clients
     * that are not browsers send neither and pass.
     */
    private static Optional<Response> refuseCrossSite(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean foreign;
        if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
            foreign = true;
        } else if ("null".equals(origin)) {
            foreign = !"same-origin".equals(fetchSite);
        } else {
            foreign = origin != null && !origin.equalsIgnoreCase(request.scheme() + "://" + request.getHeader(HttpHeaders.HOST));
        }
        return foreign
                ? Optional.of(AccessProblems.forbidden("Refused: this request came from another site than the console"))
                : Optional.empty();
    }

    private static Response notSignedIn(String detail) {
        return Problem.response(Response.Status.UNAUTHORIZED, detail);
    }
}
