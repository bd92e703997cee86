package dev.evidencebot.widget;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * CORS for /api/**: only pages on the origins of {@code widget.allowed-origins} (env
 * WIDGET_ALLOWED_ORIGINS) and the API's own host may call it from a browser. Others get no
 * Access-Control-Allow-Origin and a 403, for preflights and for requests that skip one, so a
 * foreign page cannot spend our answers even where the browser would hide the reply.
 */
@ServerFilter("/api/**")
class OriginFilter implements Ordered {

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Accept";
    static final String PREFLIGHT_MAX_AGE = "600";
    // a page may read only the safelisted response headers unless told: the widget needs Retry-After after a 429
    static final String EXPOSED_HEADERS = HttpHeaders.RETRY_AFTER;

    private final AllowedOrigins allowed;

    /** Pages a developer serves on this machine: allowed only while no public origin is configured. */
    static final String LOCAL_DEVELOPMENT = "http://localhost:*,http://127.0.0.1:*";

    OriginFilter(@Value("${widget.allowed-origins:}") String allowedOrigins,
                 @Value("${server.public-origins:}") String publicOrigins) {
        boolean unset = allowedOrigins == null || allowedOrigins.isBlank();
        this.allowed = AllowedOrigins.parse(unset && !PublicHosts.parse(publicOrigins).configured() ? LOCAL_DEVELOPMENT : allowedOrigins);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.before(); // before Micronaut's own CORS filter
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null; // not a browser's cross-site call: curl, servers, same-page navigation
        }
        if (!allowed.allows(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", "origin " + origin + " is not allowed to call this API; add it to widget.allowed-origins",
                            "status", 403));
        }
        if (isPreflight(request)) {
            return HttpResponse.ok()
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE)
                    .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        return null;
    }

    @ResponseFilter
    void allow(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null && !isPreflight(request) && allowed.allows(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
    }

    private static boolean isPreflight(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }
}
