package dev.evidencebot.api;

import java.time.Duration;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The site owner's token (widget.admin-token, env ADMIN_TOKEN) for every admin endpoint, the one
 * check both doors share: the API takes it as a bearer token, the /admin page trades it once for a
 * session cookie. With no token configured those endpoints do not exist (404), so they are never
 * open by accident; missing or wrong credentials get 401.
 *
 * <p>A browser sends the cookie on its own, so a cookie only vouches for a request that also
 * proves it comes from the page: POST and DELETE need the session's CSRF token in a header, which
 * another site's page cannot read, and are refused when the browser says they came from another
 * site. GET stays read-only, and SameSite=Strict keeps the cookie off other sites' requests.
 */
@io.micronaut.context.annotation.Context // made at start, so a token too short stops the start, naming the setting
public final class AdminToken {

    private static final String BEARER = "Bearer ";
    private static final Set<HttpMethod> READ_ONLY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String token;
    private final AdminSessions sessions;

    /** Shortest token accepted: 32 characters leave no room for guessing within any rate of 401s. */
    static final int MIN_LENGTH = 32;
    private final ClientAddresses clients;
    /** Wrong tokens per client, the same count /admin's sign-in keeps: repeated 401s are throttled. */
    private final SignInLimiter wrongTokens;

    AdminToken(@Value("${widget.admin-token:}") String token, AdminSessions sessions, ClientAddresses clients,
               SignInLimiter wrongTokens) {
        this.token = token == null ? "" : token.trim();
        this.sessions = sessions;
        this.clients = clients;
        this.wrongTokens = wrongTokens;
        if (!this.token.isEmpty() && this.token.length() < MIN_LENGTH) {
            throw new IllegalStateException("widget.admin-token (ADMIN_TOKEN) must be at least " + MIN_LENGTH
                    + " characters, got " + this.token.length() + "; e.g. openssl rand -hex 24");
        }
    }

    /** False when no token is configured: then every admin door answers 404. */
    public boolean configured() {
        return !token.isEmpty();
    }

    /** Whether {@code given} is the token, compared in constant time. */
    public boolean matches(String given) {
        // constant time, so the token cannot be guessed one character at a time from response timings
        return configured() && given != null
                && MessageDigest.isEqual(given.trim().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The live session this request's cookie names, if any (the CSRF header is not checked here). */
    public Optional<AdminSessions.Session> session(HttpRequest<?> request) {
        return request.getCookies().findCookie(AdminSessions.COOKIE).map(Cookie::getValue).flatMap(sessions::find);
    }

    /** The refusal for this request, or empty when it carries the right token or a valid session. */
    public Optional<MutableHttpResponse<?>> refuse(HttpRequest<?> request) {
        if (!configured()) {
            return Optional.of(error(HttpStatus.NOT_FOUND, "no such endpoint: " + request.getMethodName() + " "
                    + request.getPath() + " (set widget.admin-token / ADMIN_TOKEN to enable it)"));
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.startsWith(BEARER)) {
                return Optional.of(unauthorized("send Authorization: Bearer <admin token>"));
            }
            Duration wait = wrongTokens.wait(clients.of(request));
            if (!wait.isZero()) {
                return Optional.of(error(HttpStatus.TOO_MANY_REQUESTS, "too many wrong admin tokens; try again in "
                        + (wait.toSeconds() + 1) + " s").header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds() + 1)));
            }
            if (!matches(authorization.substring(BEARER.length()))) {
                wrongTokens.failed(clients.of(request));
                return Optional.of(error(HttpStatus.UNAUTHORIZED, "the admin token is wrong")
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
            }
            return Optional.empty();
        }
        Optional<AdminSessions.Session> session = session(request);
        if (session.isEmpty()) {
            return Optional.of(unauthorized(request.getCookies().contains(AdminSessions.COOKIE)
                    ? "the session has ended; sign in again at /admin"
                    : "send Authorization: Bearer <admin token>, or sign in at /admin"));
        }
        if (READ_ONLY.contains(request.getMethod())) {
            return Optional.empty();
        }
        if (SameOrigin.crossSite(request)) {
            return Optional.of(error(HttpStatus.FORBIDDEN, "a signed-in admin request must come from the /admin page, "
                    + "not from another site"));
        }
        String csrf = request.getHeaders().get(AdminSessions.CSRF_HEADER);
        if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                session.get().csrf().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(error(HttpStatus.FORBIDDEN, "send the session's CSRF token in " + AdminSessions.CSRF_HEADER
                    + " (the /admin page does), or use the bearer token"));
        }
        return Optional.empty();
    }

    /** Never the token itself: a bean may be printed by a debugger, a log line or a startup report. */
    @Override
    public String toString() {
        return "AdminToken[" + (token.isEmpty() ? "none" : "***") + "]";
    }

    private static MutableHttpResponse<?> unauthorized(String message) {
        return error(HttpStatus.UNAUTHORIZED, message).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    private static MutableHttpResponse<ApiError> error(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(message, status.getCode()));
    }
}
