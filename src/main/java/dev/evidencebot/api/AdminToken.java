package dev.evidencebot.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The site owner's bearer token (widget.admin-token, env ADMIN_TOKEN) for every admin endpoint.
 * With no token configured those endpoints do not exist (404), so they are never open by accident;
 * a missing or wrong token gets 401.
 */
@Singleton
class AdminToken {

    private static final String BEARER = "Bearer ";

    private final String token;

    AdminToken(@Value("${widget.admin-token:}") String token) {
        this.token = token == null ? "" : token.trim();
    }

    /** The refusal for this request, or empty when it carries the right token. */
    Optional<MutableHttpResponse<ApiError>> refuse(HttpRequest<?> request) {
        if (token.isEmpty()) {
            return Optional.of(error(HttpStatus.NOT_FOUND, "no such endpoint: " + request.getMethodName() + " "
                    + request.getPath() + " (set widget.admin-token / ADMIN_TOKEN to enable it)"));
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return Optional.of(error(HttpStatus.UNAUTHORIZED, "send Authorization: Bearer <admin token>")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        if (!same(authorization.substring(BEARER.length()).trim())) {
            return Optional.of(error(HttpStatus.UNAUTHORIZED, "the admin token is wrong")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
        }
        return Optional.empty();
    }

    /** Never the token itself: a bean may be printed by a debugger, a log line or a startup report. */
    @Override
    public String toString() {
        return "AdminToken[" + (token.isEmpty() ? "none" : "***") + "]";
    }

    // constant time, so the token cannot be guessed one character at a time from response timings
    private boolean same(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static MutableHttpResponse<ApiError> error(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(message, status.getCode()));
    }
}
