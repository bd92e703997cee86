package dev.evidencebot.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GETs one URL at a time over the JDK client, paced, and follows redirects itself so that it can
 * refuse any that leave the host: the client's own redirect policy would follow them silently.
 */
final class Fetcher {

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Pacer pacer;
    private final Duration timeout;
    private final String userAgent;
    /** Crawl-delay per host, from robots.txt. */
    private final Map<String, Duration> slowerHosts = new HashMap<>();

    Fetcher(IngestSettings settings) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
        this.pacer = new Pacer(settings.delay());
        this.timeout = settings.timeout();
        this.userAgent = settings.userAgent();
    }

    /**
     * @param ifNoneMatch     the ETag remembered for this URL, or null
     * @param ifModifiedSince the Last-Modified remembered for this URL, or null
     * @param maxBytes        a longer body is refused rather than held in memory
     * @return the final response after same-host redirects, whatever its status
     * @throws FetchException with a reason fit for the report: timeout, refused connection, cross-host redirect…
     */
    Response get(URI uri, String ifNoneMatch, String ifModifiedSince, long maxBytes) throws FetchException, InterruptedException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(timeout).GET()
                    .header("User-Agent", userAgent)
                    .header("Accept", "text/html, application/xhtml+xml, text/markdown;q=0.9, */*;q=0.1");
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            if (ifModifiedSince != null) {
                request.header("If-Modified-Since", ifModifiedSince);
            }
            pacer.pause(slowerHosts.getOrDefault(Hosts.of(current), Duration.ZERO));
            HttpResponse<InputStream> response = send(request.build(), current);
            int status = response.statusCode();
            if (isRedirect(status)) {
                drain(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new FetchException("HTTP " + status + " redirect without a Location header");
                }
                URI target;
                try {
                    target = current.resolve(location.get().trim());
                } catch (IllegalArgumentException e) {
                    throw new FetchException("HTTP " + status + " redirect to a malformed URL: " + location.get());
                }
                if (!Hosts.sameHost(current, target)) {
                    throw new FetchException("redirect to another host refused: " + target);
                }
                current = target;
                continue;
            }
            byte[] body = read(response, maxBytes, current);
            return new Response(current, status, header(response, "Content-Type"), header(response, "ETag"),
                    header(response, "Last-Modified"), body);
        }
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects");
    }

    /** robots.txt asked for more time between requests to this host. */
    void slowDown(String host, Duration crawlDelay) {
        slowerHosts.put(host, crawlDelay);
    }

    private HttpResponse<InputStream> send(HttpRequest request, URI uri) throws FetchException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException("connection timed out after " + timeout.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new FetchException("timed out after " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new FetchException("cannot connect to " + uri.getAuthority());
        } catch (IOException e) {
            throw new FetchException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new FetchException("not a URL the client can fetch: " + uri);
        }
    }

    private byte[] read(HttpResponse<InputStream> response, long maxBytes, URI uri) throws FetchException {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FetchException("larger than " + maxBytes / (1024 * 1024) + " MB; not saved");
            }
            return bytes;
        } catch (HttpTimeoutException e) {
            throw new FetchException("timed out after " + timeout.toSeconds() + " s reading " + uri);
        } catch (IOException e) {
            throw new FetchException("reading the body failed: " + e.getClass().getSimpleName());
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // a redirect's body is never used; closing it is all that matters
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * @param uri         the URL that answered, after redirects
     * @param contentType the Content-Type header, or null
     */
    record Response(URI uri, int status, String contentType, String etag, String lastModified, byte[] body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The media type without parameters, lower case; empty when the server sent none. */
        String mediaType() {
            if (contentType == null) {
                return "";
            }
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }
    }

    /** A URL that could not be fetched, with the reason in words for the report. */
    static final class FetchException extends Exception {
        FetchException(String reason) {
            super(reason);
        }
    }
}
