package dev.evidencebot.api;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminSessionsTest {

    private Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private final AdminSessions sessions = new AdminSessions(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aSessionLastsItsLifetimeThenIsGone() {
        AdminSessions.Session session = sessions.open();

        now = now.plus(AdminSessions.LIFETIME).minusSeconds(1);
        assertEquals(session, sessions.find(session.id()).orElseThrow());
        now = now.plusSeconds(1);
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
            now = now.plusMillis(1);
            sessions.open();
        }
        assertFalse(sessions.find(oldest.id()).isPresent());
    }
}
