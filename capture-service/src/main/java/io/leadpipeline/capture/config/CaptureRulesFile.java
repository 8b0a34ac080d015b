package io.leadpipeline.capture.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.leadpipeline.capture.domain.ApiKey;
import io.leadpipeline.capture.domain.CaptureRules;
import io.leadpipeline.capture.domain.Form;
import io.leadpipeline.capture.domain.Idempotency;
import io.leadpipeline.capture.domain.RateLimit;
import io.leadpipeline.capture.domain.Site;
import io.leadpipeline.capture.domain.SpamRules;
import io.leadpipeline.events.FormType;

/**
 * Reads {@code capture.yaml} into {@link CaptureRules} and refuses a bad file with a message naming the bad line
 * (YAML errors, unknown keys) or entry ({@code sites[0].forms[1].type: unknown form type 'DEMO'}).
 */
public final class CaptureRulesFile {

    public static final String FILE_NAME = "capture.yaml";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?|null");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    record RawFile(RawSpam spam, RawRateLimits rateLimits, RawIdempotency idempotency, List<RawSite> sites) {
    }

    record RawSpam(String honeypotField, List<String> rejectedDomains, List<String> rejectedAddresses) {
    }

    record RawRateLimits(RawRate perClientIp, RawRate perApiKey) {
    }

    record RawRate(Integer requests, String per) {
    }

    record RawIdempotency(String doubleClickWindow, String keyRetention) {
    }

    record RawSite(String id, String name, List<String> allowedOrigins, List<String> redirectHosts, Boolean storeClientIp,
            String honeypotField, List<RawForm> forms, List<RawKey> apiKeys) {
    }

    record RawForm(String id, String type, String thankYouUrl, String errorUrl) {
    }

    record RawKey(String id, String sha256, RawRate rateLimit) {
    }

    /** A capture.yaml that cannot be used; the message names the file and the bad line or entry. */
    public static final class InvalidRulesException extends RuntimeException {
        InvalidRulesException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private CaptureRulesFile() {
    }

    /** @param source names the file in error messages */
    public static CaptureRules read(InputStream yaml, String source) {
        String text;
        try {
            text = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRulesException(source + ": cannot be read: " + e.getMessage(), e);
        }
        YamlLines lines = YamlLines.of(text);
        RawFile raw;
        try {
            raw = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text, RawFile.class);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            throw new InvalidRulesException(source + ": " + lines.located(List.of(path + ": unknown key '" + e.getPropertyName()
                    + "' (known: " + e.getKnownPropertyIds() + ")")).get(0), e);
        } catch (JsonMappingException e) {
            String path = path(e);
            throw new InvalidRulesException(source + ": " + lines.located(List.of(path + ": " + e.getOriginalMessage())).get(0), e);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new InvalidRulesException(source + ": " + line + e.getOriginalMessage(), e);
        }
        if (raw == null) {
            throw new InvalidRulesException(source + ": is empty", null);
        }
        List<String> problems = new ArrayList<>();
        CaptureRules rules = new Checker(problems).rules(raw);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source + ": " + String.join("; ", lines.located(problems)), null);
        }
        return rules;
    }

    /** {@code sites[0].colour}: the entry a mapping error is about. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }

    /** Turns the raw file into rules, collecting one problem per bad entry. */
    private record Checker(List<String> problems) {

        CaptureRules rules(RawFile raw) {
            RawSpam spam = Optional.ofNullable(raw.spam()).orElse(new RawSpam(null, null, null));
            String honeypot = Optional.ofNullable(spam.honeypotField()).orElse("website");
            SpamRules spamRules = new SpamRules(honeypot, lowerCased(spam.rejectedDomains()), lowerCased(spam.rejectedAddresses()));

            RawRateLimits limits = raw.rateLimits();
            if (limits == null) {
                problems.add("rateLimits: is required (perClientIp and perApiKey)");
                limits = new RawRateLimits(null, null);
            }
            RateLimit perClientIp = rate("rateLimits.perClientIp", limits.perClientIp(), true);
            RateLimit perApiKey = rate("rateLimits.perApiKey", limits.perApiKey(), true);

            RawIdempotency idem = Optional.ofNullable(raw.idempotency()).orElse(new RawIdempotency(null, null));
            Duration window = duration("idempotency.doubleClickWindow", Optional.ofNullable(idem.doubleClickWindow()).orElse("10s"));
            Duration retention = duration("idempotency.keyRetention", Optional.ofNullable(idem.keyRetention()).orElse("24h"));

            List<Site> sites = new ArrayList<>();
            List<RawSite> rawSites = Optional.ofNullable(raw.sites()).orElse(List.of());
            if (rawSites.isEmpty()) {
                problems.add("sites: at least one site is required");
            }
            Map<String, String> formOwners = new HashMap<>();
            Set<String> siteIds = new HashSet<>();
            Set<String> keyHashes = new HashSet<>();
            for (int s = 0; s < rawSites.size(); s++) {
                Site site = site("sites[" + s + "]", rawSites.get(s), honeypot, siteIds, formOwners, keyHashes);
                if (site != null) {
                    sites.add(site);
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return new CaptureRules(spamRules, perClientIp, perApiKey, new Idempotency(window, retention), sites);
        }

        private Site site(String path, RawSite raw, String defaultHoneypot, Set<String> siteIds, Map<String, String> formOwners,
                Set<String> keyHashes) {
            if (raw == null) {
                problems.add(path + ": is empty");
                return null;
            }
            String id = id(path + ".id", raw.id());
            if (id != null && !siteIds.add(id)) {
                problems.add(path + ".id: site '" + id + "' is defined twice");
            }
            Set<String> origins = new LinkedHashSet<>();
            List<String> rawOrigins = Optional.ofNullable(raw.allowedOrigins()).orElse(List.of());
            for (int i = 0; i < rawOrigins.size(); i++) {
                String origin = rawOrigins.get(i) == null ? "" : rawOrigins.get(i).trim();
                if (!ORIGIN.matcher(origin).matches()) {
                    problems.add(path + ".allowedOrigins[" + i + "]: '" + origin
                            + "' is not an origin like https://www.example.com (scheme, host, optional port, no path)");
                } else {
                    origins.add(origin.toLowerCase(Locale.ROOT));
                }
            }
            Set<String> redirectHosts = new LinkedHashSet<>();
            origins.stream().filter(o -> !o.equals("null")).map(o -> URI.create(o).getHost()).forEach(redirectHosts::add);
            Optional.ofNullable(raw.redirectHosts()).orElse(List.of()).stream()
                    .filter(h -> h != null && !h.isBlank())
                    .map(h -> h.trim().toLowerCase(Locale.ROOT))
                    .forEach(redirectHosts::add);

            List<Form> forms = new ArrayList<>();
            List<RawForm> rawForms = Optional.ofNullable(raw.forms()).orElse(List.of());
            for (int f = 0; f < rawForms.size(); f++) {
                Form form = form(path + ".forms[" + f + "]", rawForms.get(f));
                if (form != null) {
                    String owner = formOwners.putIfAbsent(form.id(), path);
                    if (owner != null) {
                        problems.add(path + ".forms[" + f + "].id: form '" + form.id() + "' is already defined in " + owner
                                + " (form ids are unique across sites)");
                    } else {
                        forms.add(form);
                    }
                }
            }
            List<ApiKey> keys = new ArrayList<>();
            List<RawKey> rawKeys = Optional.ofNullable(raw.apiKeys()).orElse(List.of());
            for (int k = 0; k < rawKeys.size(); k++) {
                ApiKey key = key(path + ".apiKeys[" + k + "]", rawKeys.get(k));
                if (key != null) {
                    if (!keyHashes.add(key.sha256())) {
                        problems.add(path + ".apiKeys[" + k + "].sha256: the same key is configured twice");
                    }
                    keys.add(key);
                }
            }
            String honeypot = Optional.ofNullable(raw.honeypotField()).filter(h -> !h.isBlank()).orElse(defaultHoneypot);
            String name = Optional.ofNullable(raw.name()).orElse(id);
            return new Site(id, name, Set.copyOf(origins), Set.copyOf(redirectHosts),
                    Boolean.TRUE.equals(raw.storeClientIp()), honeypot, List.copyOf(forms), List.copyOf(keys));
        }

        private Form form(String path, RawForm raw) {
            if (raw == null) {
                problems.add(path + ": is empty");
                return null;
            }
            String id = id(path + ".id", raw.id());
            FormType type = null;
            if (raw.type() == null) {
                problems.add(path + ".type: is required, one of " + Arrays.toString(FormType.values()));
            } else {
                try {
                    type = FormType.valueOf(raw.type().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".type: unknown form type '" + raw.type() + "', one of " + Arrays.toString(FormType.values()));
                }
            }
            URI thankYou = url(path + ".thankYouUrl", raw.thankYouUrl(), true);
            URI error = url(path + ".errorUrl", raw.errorUrl(), false);
            if (id == null || type == null || thankYou == null) {
                return null;
            }
            return new Form(id, type, thankYou, Optional.ofNullable(error));
        }

        private ApiKey key(String path, RawKey raw) {
            if (raw == null) {
                problems.add(path + ": is empty");
                return null;
            }
            String id = id(path + ".id", raw.id());
            String hash = raw.sha256() == null ? null : raw.sha256().trim().toLowerCase(Locale.ROOT);
            if (hash == null || !SHA256.matcher(hash).matches()) {
                problems.add(path + ".sha256: must be the 64 hex digits of the key's SHA-256 (printf %s \"$KEY\" | sha256sum)");
                return null;
            }
            RateLimit limit = rate(path + ".rateLimit", raw.rateLimit(), false);
            return id == null ? null : new ApiKey(id, hash, Optional.ofNullable(limit));
        }

        private String id(String path, String value) {
            if (value == null || !ID.matcher(value.trim()).matches()) {
                problems.add(path + ": must be 1-100 letters, digits, '-', '_' or '.', got '" + value + "'");
                return null;
            }
            return value.trim();
        }

        private URI url(String path, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    problems.add(path + ": is required");
                }
                return null;
            }
            try {
                URI uri = new URI(value.trim());
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    problems.add(path + ": '" + value + "' is not an absolute http(s) URL");
                    return null;
                }
                return uri;
            } catch (URISyntaxException e) {
                problems.add(path + ": '" + value + "' is not a URL: " + e.getReason());
                return null;
            }
        }

        private RateLimit rate(String path, RawRate raw, boolean required) {
            if (raw == null) {
                if (required) {
                    problems.add(path + ": is required, e.g. {requests: 60, per: 1m}");
                }
                return null;
            }
            if (raw.requests() == null || raw.requests() <= 0) {
                problems.add(path + ".requests: must be a positive number");
                return null;
            }
            Duration per = duration(path + ".per", raw.per());
            return per == null ? null : new RateLimit(raw.requests(), per);
        }

        private Duration duration(String path, String value) {
            Matcher m = value == null ? null : DURATION.matcher(value.trim());
            if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
                problems.add(path + ": '" + value + "' is not a positive duration like 500ms, 10s, 1m, 24h or 7d");
                return null;
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
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
}
