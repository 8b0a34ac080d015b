package io.leadpipeline.capture.domain;

import java.util.List;
import java.util.Set;

/**
 * A website that sends us leads: the browser origins its pages are served from, the hosts a form may redirect
 * to, whether the client IP is kept on its conversions, its honeypot field, forms and server keys.
 */
public record Site(String id, String name, Set<String> allowedOrigins, Set<String> redirectHosts, boolean storeClientIp,
        String honeypotField, List<Form> forms, List<ApiKey> apiKeys) {

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains(origin);
    }

    public boolean allowsRedirectTo(String host) {
        return host != null && redirectHosts.contains(host.toLowerCase(java.util.Locale.ROOT));
    }
}
