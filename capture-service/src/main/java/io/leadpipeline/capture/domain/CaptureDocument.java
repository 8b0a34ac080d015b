package io.leadpipeline.capture.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import io.leadpipeline.capture.domain.constraints.OneOf;
import io.leadpipeline.events.FormType;
import io.leadpipeline.service.rules.RuleChecks;

/**
 * The capture rules document (config/capture.yaml) as written: bound and checked by the rules kit
 * ({@code RulesReader}), field by field with Bean Validation and across fields (unique ids and keys, URLs) in
 * {@link #check}; then {@link #compile} turns it into the {@link CaptureRules} capture applies. Left out, {@code spam}
 * and {@code idempotency} take the defaults the file documents (honeypot {@code website}, 10s and 24h).
 */
public record CaptureDocument(@Valid Spam spam,
        @NotNull(message = "is required (perClientIp and perApiKey)") @Valid RateLimits rateLimits,
        @Valid Idempotency idempotency,
        @NotEmpty(message = "at least one site is required") List<@NotNull(message = EMPTY) @Valid Site> sites)
        implements RuleChecks {

    static final String EMPTY = "is empty";
    static final String REQUIRED = "is required";
    static final String RATE_REQUIRED = "is required, e.g. {requests: 60, per: 1m}";
    static final String POSITIVE_DURATION = "must be a positive duration like 500ms, 10s, 1m, 24h or 7d";
    static final String ID = "\\s*[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\\s*";
    static final String ID_MESSAGE = "must be 1-100 letters, digits, '-', '_' or '.'";
    static final String ORIGIN = "\\s*(https?://[A-Za-z0-9.-]+(:\\d{1,5})?|null)\\s*";
    static final String SHA256 = "\\s*[0-9a-fA-F]{64}\\s*";

    static final String DEFAULT_HONEYPOT = "website";
    static final Duration DEFAULT_DOUBLE_CLICK_WINDOW = Duration.ofSeconds(10);
    static final Duration DEFAULT_KEY_RETENTION = Duration.ofHours(24);

    public record Spam(String honeypotField, List<String> rejectedDomains, List<String> rejectedAddresses) {
    }

    public record RateLimits(@NotNull(message = RATE_REQUIRED) @Valid Rate perClientIp,
            @NotNull(message = RATE_REQUIRED) @Valid Rate perApiKey) {
    }

    public record Rate(@NotNull(message = "must be a positive number") @Positive(message = "must be a positive number") Integer requests,
            @NotNull(message = POSITIVE_DURATION) @DurationMin(millis = 1, message = POSITIVE_DURATION) Duration per) {

        RateLimit limit() {
            return new RateLimit(requests, per);
        }
    }

    public record Idempotency(@DurationMin(millis = 1, message = POSITIVE_DURATION) Duration doubleClickWindow,
            @DurationMin(millis = 1, message = POSITIVE_DURATION) Duration keyRetention) {
    }

    public record Site(@NotNull(message = ID_MESSAGE) @Pattern(regexp = ID, message = ID_MESSAGE) String id, String name,
            List<@NotNull(message = EMPTY) @Pattern(regexp = ORIGIN,
                    message = "is not an origin like https://www.example.com (scheme, host, optional port, no path)") String> allowedOrigins,
            List<String> redirectHosts, Boolean storeClientIp, String honeypotField,
            List<@NotNull(message = EMPTY) @Valid Form> forms, List<@NotNull(message = EMPTY) @Valid Key> apiKeys) {

        List<Form> formList() {
            return forms == null ? List.of() : forms;
        }

        List<Key> keyList() {
            return apiKeys == null ? List.of() : apiKeys;
        }
    }

    public record Form(@NotNull(message = ID_MESSAGE) @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotBlank(message = "is required: a form type such as DEMO_REQUEST or NEWSLETTER_SIGNUP") @OneOf(value = FormType.class, message = "unknown form type, one of {values}") String type,
            @NotBlank(message = REQUIRED) String thankYouUrl, String errorUrl) {
    }

    public record Key(@NotNull(message = ID_MESSAGE) @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotNull(message = SHA_MESSAGE) @Pattern(regexp = SHA256, message = SHA_MESSAGE) String sha256, @Valid Rate rateLimit) {

        static final String SHA_MESSAGE = "must be the 64 hex digits of the key's SHA-256 (printf %s \"$KEY\" | sha256sum)";

        String hash() {
            return sha256.trim().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public void check(Problems problems) {
        Map<String, String> formOwners = new HashMap<>();
        Set<String> siteIds = new HashSet<>();
        Set<String> keyHashes = new HashSet<>();
        for (int s = 0; s < sites.size(); s++) {
            Site site = sites.get(s);
            String path = "sites[" + s + "]";
            if (!siteIds.add(site.id().trim())) {
                problems.add(path + ".id", "site '" + site.id().trim() + "' is defined twice");
            }
            List<Form> forms = site.formList();
            for (int f = 0; f < forms.size(); f++) {
                Form form = forms.get(f);
                String at = path + ".forms[" + f + "]";
                String owner = formOwners.putIfAbsent(form.id().trim(), path);
                if (owner != null) {
                    problems.add(at + ".id", "form '" + form.id().trim() + "' is already defined in " + owner
                            + " (form ids are unique across sites)");
                }
                url(at + ".thankYouUrl", form.thankYouUrl(), problems);
                if (form.errorUrl() != null && !form.errorUrl().isBlank()) {
                    url(at + ".errorUrl", form.errorUrl(), problems);
                }
            }
            List<Key> keys = site.keyList();
            for (int k = 0; k < keys.size(); k++) {
                if (!keyHashes.add(keys.get(k).hash())) {
                    problems.add(path + ".apiKeys[" + k + "].sha256", "the same key is configured twice");
                }
            }
        }
    }

    /** An absolute http(s) URL, or the problem with it. */
    private static Optional<URI> url(String path, String value, Problems problems) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                problems.add(path, "'" + value + "' is not an absolute http(s) URL");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(path, "'" + value + "' is not a URL: " + e.getReason());
            return Optional.empty();
        }
    }

    /** The rules capture applies; only called on a document the kit read and checked. */
    public CaptureRules compile(String version) {
        Spam spamSection = Optional.ofNullable(spam).orElse(new Spam(null, null, null));
        String honeypot = Optional.ofNullable(spamSection.honeypotField()).filter(h -> !h.isBlank()).map(String::trim)
                .orElse(DEFAULT_HONEYPOT);
        SpamRules spamRules = new SpamRules(honeypot, lowerCased(spamSection.rejectedDomains()),
                lowerCased(spamSection.rejectedAddresses()));
        Idempotency idem = Optional.ofNullable(idempotency).orElse(new Idempotency(null, null));
        io.leadpipeline.capture.domain.Idempotency idempotencyRules = new io.leadpipeline.capture.domain.Idempotency(
                Optional.ofNullable(idem.doubleClickWindow()).orElse(DEFAULT_DOUBLE_CLICK_WINDOW),
                Optional.ofNullable(idem.keyRetention()).orElse(DEFAULT_KEY_RETENTION));
        List<io.leadpipeline.capture.domain.Site> compiled = sites.stream().map(site -> site(site, honeypot)).toList();
        return new CaptureRules(spamRules, rateLimits.perClientIp().limit(), rateLimits.perApiKey().limit(), idempotencyRules,
                compiled, version);
    }

    private static io.leadpipeline.capture.domain.Site site(Site site, String defaultHoneypot) {
        String id = site.id().trim();
        Set<String> origins = new LinkedHashSet<>();
        Optional.ofNullable(site.allowedOrigins()).orElse(List.of()).forEach(o -> origins.add(o.trim().toLowerCase(Locale.ROOT)));
        Set<String> redirectHosts = new LinkedHashSet<>();
        origins.stream().filter(o -> !o.equals("null")).map(o -> URI.create(o).getHost()).forEach(redirectHosts::add);
        Optional.ofNullable(site.redirectHosts()).orElse(List.of()).stream()
                .filter(h -> h != null && !h.isBlank())
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .forEach(redirectHosts::add);
        List<io.leadpipeline.capture.domain.Form> forms = site.formList().stream()
                .map(form -> new io.leadpipeline.capture.domain.Form(form.id().trim(), OneOf.Check.parse(FormType.class, form.type()),
                        URI.create(form.thankYouUrl().trim()),
                        Optional.ofNullable(form.errorUrl()).filter(u -> !u.isBlank()).map(u -> URI.create(u.trim()))))
                .toList();
        List<ApiKey> keys = site.keyList().stream()
                .map(key -> new ApiKey(key.id().trim(), key.hash(), Optional.ofNullable(key.rateLimit()).map(Rate::limit)))
                .toList();
        String honeypot = Optional.ofNullable(site.honeypotField()).filter(h -> !h.isBlank()).map(String::trim).orElse(defaultHoneypot);
        String name = Optional.ofNullable(site.name()).filter(n -> !n.isBlank()).orElse(id);
        return new io.leadpipeline.capture.domain.Site(id, name, Set.copyOf(origins), Set.copyOf(redirectHosts),
                Boolean.TRUE.equals(site.storeClientIp()), honeypot, forms, keys);
    }

    private static Set<String> lowerCased(List<String> values) {
        Set<String> set = new HashSet<>();
        Optional.ofNullable(values).orElse(List.of()).stream()
                .filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .forEach(set::add);
        return Set.copyOf(set);
    }
}
