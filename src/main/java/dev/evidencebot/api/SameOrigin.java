package dev.evidencebot.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a browser sent this request from a page of another site. Only a browser sets these
 * headers and a page cannot forge them, so a request without them (curl, a script) is not a
 * cross-site one; what it may do is then up to its credentials.
 */
public final class SameOrigin {

    /** What Sec-Fetch-Site says for the page's own requests and for a typed-in address. */
    private static final Set<String> OWN = Set.of("same-origin", "none");

    private SameOrigin() {
    }

    /** True when Sec-Fetch-Site names another origin, or else the Origin is not this server's host. */
    public static boolean crossSite(HttpRequest<?> request) {
        String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !OWN.contains(fetchSite.trim().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        // behind a proxy the browser saw the public host, which the proxy passes on as X-Forwarded-Host
        String forwarded = request.getHeaders().get("X-Forwarded-Host");
        String host = forwarded != null ? forwarded.split(",")[0] : request.getHeaders().get(HttpHeaders.HOST);
        return host == null || !sameAuthority(origin, host);
    }

    static boolean sameAuthority(String origin, String host) {
        try {
            URI uri = URI.create(origin.trim().toLowerCase(Locale.ROOT));
            if (uri.getHost() == null) {
                return false; // "null": a sandboxed frame or a file
            }
            int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
            String authority = uri.getHost() + ":" + (uri.getPort() == -1 ? defaultPort : uri.getPort());
            String given = host.trim().toLowerCase(Locale.ROOT);
            boolean hasPort = given.lastIndexOf(':') > given.lastIndexOf(']'); // not part of an IPv6 address
            return authority.equals(hasPort ? given : given + ":" + defaultPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
