package io.leadpipeline.capture.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one version of the capture rule set (seeded from {@code config/capture.yaml}) says: sites with their forms and keys, spam rules, rate limits, idempotency. */
public final class CaptureRules {

    /** A form together with the site it belongs to. */
    public record SiteForm(Site site, Form form) {
    }

    /** An API key together with the site it belongs to. */
    public record SiteKey(Site site, ApiKey key) {
    }

    private final SpamRules spam;
    private final RateLimit perClientIp;
    private final RateLimit perApiKey;
    private final Idempotency idempotency;
    private final List<Site> sites;
    private final String version;
    private final Map<String, SiteForm> formsById = new HashMap<>();
    private final Map<String, SiteKey> keysByHash = new HashMap<>();

    /** Rules made in code (the domain's tests): no document, so no version of one. */
    public CaptureRules(SpamRules spam, RateLimit perClientIp, RateLimit perApiKey, Idempotency idempotency, List<Site> sites) {
        this(spam, perClientIp, perApiKey, idempotency, sites, "unversioned");
    }

    /** @param version the version of the document they were compiled from ({@code RulesVersion}) */
    public CaptureRules(SpamRules spam, RateLimit perClientIp, RateLimit perApiKey, Idempotency idempotency, List<Site> sites,
            String version) {
        this.version = version;
        this.spam = spam;
        this.perClientIp = perClientIp;
        this.perApiKey = perApiKey;
        this.idempotency = idempotency;
        this.sites = List.copyOf(sites);
        for (Site site : sites) {
            site.forms().forEach(form -> formsById.put(form.id(), new SiteForm(site, form)));
            site.apiKeys().forEach(key -> keysByHash.put(key.sha256(), new SiteKey(site, key)));
        }
    }

    public Optional<SiteForm> form(String formId) {
        return Optional.ofNullable(formId).map(id -> formsById.get(id.trim()));
    }

    /** The key whose configured SHA-256 matches the presented secret's. */
    public Optional<SiteKey> apiKey(String presentedSecret) {
        return Optional.ofNullable(keysByHash.get(ApiKeys.sha256(presentedSecret)));
    }

    /** Whether any site serves pages from {@code origin}: the answer to a CORS preflight that names no form. */
    public boolean anySiteAllowsOrigin(String origin) {
        return sites.stream().anyMatch(site -> site.allowsOrigin(origin));
    }

    public RateLimit rateLimitOf(ApiKey key) {
        return key.rateLimit().orElse(perApiKey);
    }

    public SpamRules spam() {
        return spam;
    }

    public RateLimit perClientIp() {
        return perClientIp;
    }

    public RateLimit perApiKey() {
        return perApiKey;
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    public List<Site> sites() {
        return sites;
    }

    public String version() {
        return version;
    }
}
