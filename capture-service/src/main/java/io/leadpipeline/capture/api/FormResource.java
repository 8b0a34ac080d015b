package io.leadpipeline.capture.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.leadpipeline.capture.api.CaptureMetrics.Endpoint;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.CaptureRules.SiteForm;
import io.leadpipeline.capture.domain.HtmlFormPost;
import io.leadpipeline.capture.domain.TextSafe;
import io.leadpipeline.service.Problem;
import io.leadpipeline.service.rules.LiveRules;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * POST /v1/forms/{formId}: a plain HTML {@code <form>} posts here, no JavaScript needed. The browser is sent on
 * (303 See Other) to the form's thank-you page, or to its error page with the bad inputs named in the query.
 */
@Path("/v1/forms/{formId}")
@Tag(name = "Conversions")
public class FormResource {

    private final ConversionIntake intake;
    private final LiveRules<CaptureRules> rules;
    private final CaptureMetrics metrics;

    public FormResource(ConversionIntake intake, LiveRules<CaptureRules> rules, CaptureMetrics metrics) {
        this.intake = intake;
        this.rules = rules;
        this.metrics = metrics;
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Capture a conversion from a plain HTML form", description = """
            `application/x-www-form-urlencoded` or `multipart/form-data`. Inputs in snake_case or camelCase \
            (`first_name`, `last_name`, `email`, `company`, `title`, `phone`, `country`, `company_size`, `industry`, \
            `page_url`, `referrer`, `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `visitor_id`, \
            `consent` (checkbox), `consent_text`); any other input is kept as a custom field. Optional `redirect` (a URL \
            on a host the site allows) and `idempotency_key`. Errors are an HTML page for browsers (Accept: text/html), \
            problem+json otherwise.""")
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED), @Content(mediaType = MediaType.MULTIPART_FORM_DATA)})
    @APIResponse(responseCode = "303", description = "Stored: Location is the thank-you page (or the allowed `redirect`); "
            + "or invalid input: Location is the form's error URL with `errors=<input names>`")
    @APIResponse(responseCode = "400", description = "Invalid input and the form has no error URL", content = {
            @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = Problem.MEDIA_TYPE)})
    @APIResponse(responseCode = "403", description = "Origin not allowed for the form's site")
    @APIResponse(responseCode = "404", description = "Unknown form")
    @APIResponse(responseCode = "413", description = "Body over 64 KiB")
    @APIResponse(responseCode = "415", description = "Not a form content type")
    @APIResponse(responseCode = "429", description = "Rate limit hit; see Retry-After")
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; see Retry-After")
    public Uni<Response> submit(@PathParam("formId") String formId, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        ClientRequest client = ClientRequest.of(headers, request);
        CaptureRules current = rules.get(); // one version for the whole request
        Optional<SiteForm> siteForm = current.form(formId);
        if (siteForm.isEmpty()) {
            metrics.rejected(Endpoint.FORMS, RejectionReason.UNKNOWN_FORM);
            return Uni.createFrom().item(render(client, Refusal.of(Response.Status.NOT_FOUND,
                    "There is no form '" + TextSafe.of(formId) + "'"), null, null));
        }
        HtmlFormPost post = HtmlFormPost.read(siteForm.get().form().id(), textInputs(request.formAttributes()),
                siteForm.get().site().honeypotField());
        String idempotencyKey = Optional.ofNullable(headers.getHeaderString(ClientRequest.IDEMPOTENCY_KEY)).orElse(post.idempotencyKey());
        ConversionIntake.Submission submission = new ConversionIntake.Submission(post.submission(), site -> post.honeypotValue(), idempotencyKey);
        return intake.capture(current, Endpoint.FORMS, submission, client, siteForm)
                .map(outcome -> switch (outcome) {
                    case CaptureOutcome.Accepted accepted -> seeOther(thankYou(accepted.siteForm(), post.redirect()));
                    case CaptureOutcome.Refused refused -> render(client, refused.refusal(), siteForm.get(), post);
                });
    }

    @OPTIONS
    @Operation(summary = "CORS preflight for a form", description = "Allowed for the origins of the form's site.")
    public Response preflight(@PathParam("formId") String formId, @Context HttpHeaders headers) {
        Optional<SiteForm> siteForm = rules.get().form(formId);
        if (siteForm.isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "There is no form '" + TextSafe.of(formId) + "'", List.of());
        }
        String origin = headers.getHeaderString("Origin");
        return Cors.preflight(origin, origin != null && siteForm.get().site().allowsOrigin(origin.trim().toLowerCase(java.util.Locale.ROOT)),
                "form '" + siteForm.get().form().id() + "'");
    }

    /** The form's thank-you page, or the post's {@code redirect} when its host is one the site allows. */
    private static URI thankYou(SiteForm siteForm, String redirect) {
        if (redirect != null) {
            try {
                URI target = new URI(redirect.trim());
                if (("https".equals(target.getScheme()) || "http".equals(target.getScheme()))
                        && siteForm.site().allowsRedirectTo(target.getHost())) {
                    return target;
                }
            } catch (URISyntaxException e) {
                // not a URL: fall back to the configured page, never to an arbitrary one
            }
        }
        return siteForm.form().thankYouUrl();
    }

    private static Response render(ClientRequest client, Refusal refusal, SiteForm siteForm, HtmlFormPost post) {
        if (refusal.fieldErrors() && siteForm != null && siteForm.form().errorUrl().isPresent()) {
            String inputs = refusal.errors().stream().map(error -> post.inputNameOf(error.field())).distinct()
                    .map(input -> URLEncoder.encode(input, StandardCharsets.UTF_8))
                    .collect(Collectors.joining(","));
            return seeOther(withQuery(siteForm.form().errorUrl().get(), "errors", inputs));
        }
        if (!client.acceptsHtml()) {
            return refusal.toProblem();
        }
        List<HtmlPages.InputProblem> problems = refusal.errors().stream()
                .map(error -> new HtmlPages.InputProblem(post == null ? error.field() : post.inputNameOf(error.field()), error.message()))
                .toList();
        return HtmlPages.error(refusal, problems);
    }

    private static Response seeOther(URI location) {
        return Response.seeOther(location).build();
    }

    /** {@code base} with {@code name=encodedValue} added to its query (before any fragment). */
    static URI withQuery(URI base, String name, String encodedValue) {
        String parameter = name + "=" + encodedValue;
        String url = base.toString();
        int fragment = url.indexOf('#');
        String beforeFragment = fragment < 0 ? url : url.substring(0, fragment);
        String afterFragment = fragment < 0 ? "" : url.substring(fragment);
        return URI.create(beforeFragment + (beforeFragment.contains("?") ? "&" : "?") + parameter + afterFragment);
    }

    /** The inputs as {@link FormBodies} decoded them: text only, as file inputs are not lead data and it keeps none. */
    private static Map<String, List<String>> textInputs(MultiMap form) {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (String name : form.names()) {
            inputs.put(name, form.getAll(name));
        }
        return inputs;
    }
}
