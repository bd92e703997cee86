package dev.evidencebot.admin;

import dev.evidencebot.api.AdminSessions;
import dev.evidencebot.api.AdminToken;
import dev.evidencebot.api.SameOrigin;
import dev.evidencebot.api.SignInLimiter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in to /admin: POST /admin/session with the admin token (JSON {"token": ...} or a form
 * field "token") trades it for a session cookie and answers the session's CSRF token; GET
 * /admin/session tells a reloaded page whether it is still signed in (and its CSRF token); POST
 * /admin/session/sign-out or DELETE /admin/session ends it. Without an admin token the controller
 * does not exist, so these answer Micronaut's own 404. (Answering 404 from a route that binds a
 * body spins Micronaut 4.10's event loop, so this one must not try.)
 */
@Controller("/admin/session")
@Requires(property = "widget.admin-token", pattern = ".*\\S.*")
class SessionController {

    private final AdminToken admin;
    private final AdminSessions sessions;
    private final SignInLimiter limiter;

    SessionController(AdminToken admin, AdminSessions sessions, SignInLimiter limiter) {
        this.admin = admin;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> current(HttpRequest<?> request) {
        return admin.session(request).<HttpResponse<?>>map(session -> HttpResponse.ok(SignedIn.of(session)))
                .orElseGet(() -> error(HttpStatus.UNAUTHORIZED, "not signed in"));
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
        // login CSRF: another site's form must not sign this browser in (to a session it knows nothing of, but still)
        if (SameOrigin.crossSite(request)) {
            return error(HttpStatus.FORBIDDEN, "sign in from the /admin page of this site");
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        Duration wait = limiter.wait(address);
        if (!wait.isZero()) {
            return error(HttpStatus.TOO_MANY_REQUESTS, "too many wrong tokens; try again in " + (wait.toSeconds() + 1) + " s")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds() + 1));
        }
        Object token = body == null ? null : body.get("token");
        if (!(token instanceof String given) || !admin.matches(given)) {
            limiter.failed(address);
            return error(HttpStatus.UNAUTHORIZED, "the admin token is wrong");
        }
        limiter.succeeded(address);
        admin.session(request).ifPresent(old -> sessions.close(old.id()));
        AdminSessions.Session session = sessions.open();
        Cookie cookie = Cookie.of(AdminSessions.COOKIE, session.id())
                .httpOnly(true) // no script, ours or injected, can read it
                .sameSite(SameSite.Strict) // never sent on another site's requests, links included
                .path("/") // the page under /admin and its data under /api/admin
                .maxAge(AdminSessions.LIFETIME)
                .secure(overHttps(request));
        MutableHttpResponse<?> response = request.getContentType().filter(MediaType.APPLICATION_FORM_URLENCODED_TYPE::equals)
                .isPresent()
                ? HttpResponse.seeOther(URI.create("/admin")) // a plain form post lands back on the page
                : HttpResponse.ok(SignedIn.of(session));
        return response.cookie(cookie).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post(uri = "/sign-out", consumes = MediaType.ALL)
    HttpResponse<?> signOutByPost(HttpRequest<?> request) {
        return signOut(request);
    }

    @Delete(consumes = MediaType.ALL)
    HttpResponse<?> signOut(HttpRequest<?> request) {
        Optional<MutableHttpResponse<?>> refused = admin.refuse(request); // the cookie, the CSRF header, same site
        if (refused.isPresent()) {
            return refused.get();
        }
        admin.session(request).ifPresent(session -> sessions.close(session.id()));
        return HttpResponse.noContent().cookie(Cookie.of(AdminSessions.COOKIE, "").httpOnly(true)
                .sameSite(SameSite.Strict).path("/").maxAge(0).secure(overHttps(request)));
    }

    /** Secure when the browser reached us over https, directly or through a proxy that says so. */
    private static boolean overHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private static MutableHttpResponse<?> error(HttpStatus status, String message) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", message, "status", status.getCode()));
    }

    /** What the page needs after signing in: the header value for unsafe requests, and when to expect a new sign-in. */
    record SignedIn(String csrfToken, String expires) {
        static SignedIn of(AdminSessions.Session session) {
            return new SignedIn(session.csrf(), session.expires().toString());
        }
    }
}
