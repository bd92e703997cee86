package dev.evidencebot.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameOriginTest {

    @Test
    void anOriginIsOursWhenSchemeDefaultPortsAndHostAgree() {
        assertTrue(SameOrigin.sameAuthority("http://localhost:8080", "localhost:8080"));
        assertTrue(SameOrigin.sameAuthority("https://bot.example.org", "bot.example.org"));
        assertTrue(SameOrigin.sameAuthority("https://bot.example.org", "bot.example.org:443"));
        assertTrue(SameOrigin.sameAuthority("http://[::1]:8080", "[::1]:8080"));
    }

    @Test
    void anotherHostPortOrAnOpaqueOriginIsNot() {
        assertFalse(SameOrigin.sameAuthority("https://evil.example", "bot.example.org"));
        assertFalse(SameOrigin.sameAuthority("https://bot.example.org.evil.example", "bot.example.org"));
        assertFalse(SameOrigin.sameAuthority("http://localhost:9090", "localhost:8080"));
        assertFalse(SameOrigin.sameAuthority("http://bot.example.org", "bot.example.org:443"));
        assertFalse(SameOrigin.sameAuthority("null", "localhost:8080"));
        assertFalse(SameOrigin.sameAuthority("not a url", "localhost:8080"));
    }
}
