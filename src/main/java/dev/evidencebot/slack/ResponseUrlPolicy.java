package dev.evidencebot.slack;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which response_url values answers may be posted to. The URL arrives inside the request, so
 * without this check a forged-but-signed (or replayed) payload could make the server POST
 * answers anywhere. Https only: plain http is allowed to a literal loopback address only when
 * slack.allow-http-loopback is on, which tests do because their stand-in for Slack speaks http.
 */
final class ResponseUrlPolicy {

    private final Set<String> allowedHosts;
    private final boolean allowHttpLoopback;

    /** Https only, to the listed hosts. */
    ResponseUrlPolicy(List<String> allowedHosts) {
        this(allowedHosts, false);
    }

    ResponseUrlPolicy(List<String> allowedHosts, boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
        this.allowedHosts = allowedHosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when the URL's host is allowed and its scheme is https (plain http only for loopback, when allowed). */
    boolean allows(String responseUrl) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(responseUrl.strip());
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
        String host = uri.getHost();
        String scheme = uri.getScheme();
        if (host == null || scheme == null || uri.getRawUserInfo() != null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host) && !allowedHosts.contains(stripBrackets(host))) {
            return false;
        }
        return scheme.equalsIgnoreCase("https")
                || (allowHttpLoopback && scheme.equalsIgnoreCase("http") && isLoopback(stripBrackets(host)));
    }

    /** Loopback by its literal name only: resolving DNS here would let a name point anywhere. */
    static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = host.split("\\.");
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
