package dev.evidencebot.widget;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The names this server answers to: the authorities of {@code server.public-origins} (env
 * PUBLIC_ORIGINS, e.g. "https://bot.example.org") and loopback. Same-origin and CORS decisions
 * read the Host header, which a DNS-rebinding page chooses (rebind.evil.com, resolving to this
 * server's address): so a Host that is neither public nor loopback is refused before anything
 * reads it. A request with no Host at all comes from no browser (a balancer's HTTP/1.0 health
 * check) and is let through.
 */
final class PublicHosts {

    private final List<Authority> origins;

    private record Authority(String host, int port) {
    }

    private PublicHosts(List<Authority> origins) {
        this.origins = List.copyOf(origins);
    }

    /** @throws IllegalArgumentException naming the entry that is not an http(s) origin */
    static PublicHosts parse(String commaSeparated) {
        List<Authority> origins = Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(PublicHosts::authority)
                .toList();
        return new PublicHosts(origins);
    }

    boolean configured() {
        return !origins.isEmpty();
    }

    /** Whether a request with this Host header may be served. */
    boolean allows(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return true;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int port = -1;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) { // a port, not part of an IPv6 address
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            host = host.substring(0, colon);
        }
        if (loopback(host)) {
            return true;
        }
        for (Authority origin : origins) {
            if (origin.host().equals(host) && (port == -1 || origin.port() == port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean loopback(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false; // a name: only "localhost" is known to be loopback without asking DNS, which a rebinder controls
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Authority authority(String origin) {
        try {
            URI uri = URI.create(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) origin");
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return new Authority(uri.getHost().toLowerCase(Locale.ROOT), port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("server.public-origins (PUBLIC_ORIGINS): '" + origin
                    + "' is not an origin like https://bot.example.org", e);
        }
    }
}
