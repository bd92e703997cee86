package dev.evidencebot.api;

import dev.evidencebot.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminSessionsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final AdminSessions sessions = new AdminSessions(clock);

    @Test
    void aSessionLastsItsLifetimeThenIsGone() {
        AdminSessions.Session session = sessions.open();

        clock.advance(AdminSessions.LIFETIME.minusSeconds(1));
        assertEquals(session, sessions.find(session.id()).orElseThrow());
        clock.advance(java.time.Duration.ofSeconds(1));
        assertFalse(sessions.find(session.id()).isPresent());
    }

    @Test
    void idsAndCsrfTokensAreRandomAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            AdminSessions.Session session = sessions.open();
            assertNotEquals(session.id(), session.csrf());
            assertTrue(seen.add(session.id()) && seen.add(session.csrf()));
            assertEquals(43, session.id().length(), "256 bits, base64url");
        }
    }

    @Test
    void closingEndsASessionAndTheOldestGoFirstPastTheBound() {
        AdminSessions.Session first = sessions.open();
        sessions.close(first.id());
        assertFalse(sessions.find(first.id()).isPresent());
        assertFalse(sessions.find(null).isPresent());

        AdminSessions.Session oldest = sessions.open();
        for (int i = 0; i < AdminSessions.MAX_SESSIONS; i++) {
            clock.advance(java.time.Duration.ofMillis(1));
            sessions.open();
        }
        assertFalse(sessions.find(oldest.id()).isPresent());
    }
}
