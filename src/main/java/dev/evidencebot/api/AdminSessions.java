package dev.evidencebot.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signed-in browsers of the /admin page. The cookie carries only a random id; the admin token
 * never leaves the sign-in request. Each session has its own CSRF token, which the page sends back
 * as a header on every unsafe request. Held in memory: a restart signs everybody out, which for a
 * handful of editors is cheaper than a table of secrets.
 */
@Singleton
public final class AdminSessions {

    /** The cookie's name; its value is a session id. */
    public static final String COOKIE = "evidence_admin";
    /** The header that must repeat the session's CSRF token on POST and DELETE. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration LIFETIME = Duration.ofHours(8);
    /** Enough for a team; past it the oldest session goes, so sign-ins cannot grow memory without end. */
    static final int MAX_SESSIONS = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    @Inject
    AdminSessions() {
        this(Clock.systemUTC());
    }

    AdminSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session, valid for {@link #LIFETIME}. */
    public synchronized Session open() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expires().isAfter(now));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparing(Session::expires))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session session = new Session(randomId(), randomId(), now.plus(LIFETIME));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id; empty when unknown, signed out or expired. */
    public synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session != null && !session.expires().isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    public synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    // 256 bits: not guessable, and URL- and cookie-safe as base64url without padding
    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @param csrf the token the page must send in {@link #CSRF_HEADER} */
    public record Session(String id, String csrf, Instant expires) {
    }
}
