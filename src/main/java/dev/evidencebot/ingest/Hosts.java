package dev.evidencebot.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** URL checks shared by the stages: is it fetchable, and is it on the host we were sent to. */
final class Hosts {

    private Hosts() {
    }

    /**
     * @return the URL as a URI without its fragment (a fragment names a place in the page, not another page)
     * @throws IllegalArgumentException with a reason fit for the report when it is not an absolute http(s) URL
     */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("URL has no host");
        }
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String trimmed = url.trim();
        return URI.create(trimmed.substring(0, trimmed.indexOf('#')));
    }

    /** The host, lower case; ports and schemes do not make another site (http -> https is the same host). */
    static String of(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    static boolean sameHost(URI a, URI b) {
        return b.getHost() != null && of(a).equals(of(b));
    }
}
