package dev.evidencebot.widget;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sites allowed to call the API from a browser: exact origins ("https://shop.example"),
 * any port (":*", as in "http://localhost:*") or any subdomain ("https://*.example.org").
 * A page on the API's own host is always allowed.
 */
final class AllowedOrigins {

    private final List<Pattern> patterns;
    private final List<String> written;

    private AllowedOrigins(List<String> written) {
        this.written = List.copyOf(written);
        this.patterns = written.stream().map(AllowedOrigins::compile).toList();
    }

    /** Parses a comma-separated list; blanks are ignored, so "" allows only the same origin. */
    static AllowedOrigins parse(String commaSeparated) {
        List<String> origins = Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .toList();
        return new AllowedOrigins(origins);
    }

    /**
     * @param origin the request's Origin header
     * @param host   the request's Host header: a page served from there is the same origin
     */
    boolean allows(String origin, String host) {
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (host != null && sameAuthority(normalized, host.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return patterns.stream().anyMatch(pattern -> pattern.matcher(normalized).matches());
    }

    List<String> written() {
        return written;
    }

    private static boolean sameAuthority(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            String hostOnly = host;
            int hostPort = "https".equals(uri.getScheme()) ? 443 : 80;
            int colon = host.lastIndexOf(':');
            if (colon > host.lastIndexOf(']')) { // a port, not part of an IPv6 address
                hostOnly = host.substring(0, colon);
                hostPort = Integer.parseInt(host.substring(colon + 1));
            }
            return uri.getHost().equals(hostOnly) && port == hostPort;
        } catch (IllegalArgumentException e) { // also NumberFormatException: a garbled Host is not ours
            return false;
        }
    }

    private static Pattern compile(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < lower.length()) {
            if (lower.startsWith("://*.", i)) {
                regex.append(Pattern.quote("://")).append("(?:[a-z0-9-]+\\.)+");
                i += 5;
            } else if (lower.startsWith(":*", i) && i + 2 == lower.length()) {
                regex.append("(?::\\d{1,5})?");
                i += 2;
            } else {
                regex.append(Pattern.quote(String.valueOf(lower.charAt(i))));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
