package dev.evidencebot.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web site on loopback for ingest tests: pages with validators that it honours (If-None-Match,
 * If-Modified-Since -> 304), redirects, error statuses, and a log of every request it served.
 */
final class LoopbackSite implements AutoCloseable {

    static final String LAST_MODIFIED = "Wed, 01 May 2024 10:00:00 GMT";

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    LoopbackSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    /** http://127.0.0.1:PORT + path */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** An HTML page with an ETag derived from its body and a fixed Last-Modified. */
    LoopbackSite html(String path, String body) {
        return page(path, 200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), null);
    }

    LoopbackSite page(String path, int status, String contentType, byte[] body, String location) {
        pages.put(path, new Page(status, contentType, body, location));
        return this;
    }

    LoopbackSite robots(String text) {
        return page("/robots.txt", 200, "text/plain", text.getBytes(StandardCharsets.UTF_8), null);
    }

    LoopbackSite redirect(String path, String location) {
        return page(path, 301, null, new byte[0], location);
    }

    /** A urlset listing these paths on this site, or these absolute URLs. */
    LoopbackSite sitemap(String path, List<String> urls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        urls.forEach(url -> xml.append("  <url><loc>").append(url.startsWith("/") ? url(url) : url).append("</loc></url>\n"));
        xml.append("</urlset>\n");
        return page(path, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    LoopbackSite sitemapIndex(String path, List<String> sitemaps) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        sitemaps.forEach(url -> xml.append("  <sitemap><loc>").append(url.startsWith("/") ? url(url) : url).append("</loc></sitemap>\n"));
        xml.append("</sitemapindex>\n");
        return page(path, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    void remove(String path) {
        pages.remove(path);
    }

    long count(String path, int status) {
        return requests.stream().filter(request -> request.path().equals(path) && request.status() == status).count();
    }

    long count(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).count();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        Page page = pages.get(path);
        int status;
        byte[] body = new byte[0];
        if (page == null) {
            status = 404;
        } else if (page.status() != 200) {
            status = page.status();
            body = page.body();
            if (page.location() != null) {
                exchange.getResponseHeaders().set("Location", page.location());
            }
        } else {
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(page.body())) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if (page.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", page.contentType());
            }
            boolean notModified = ifNoneMatch != null ? ifNoneMatch.equals(etag) : LAST_MODIFIED.equals(ifModifiedSince);
            status = notModified ? 304 : 200;
            body = notModified ? new byte[0] : page.body();
        }
        requests.add(new Request(path, status, ifNoneMatch, ifModifiedSince, userAgent));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Page(int status, String contentType, byte[] body, String location) {
    }

    record Request(String path, int status, String ifNoneMatch, String ifModifiedSince, String userAgent) {
    }
}
