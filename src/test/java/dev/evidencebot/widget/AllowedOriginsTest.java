package dev.evidencebot.widget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedOriginsTest {

    private final AllowedOrigins defaults = AllowedOrigins.parse("http://localhost:*, http://127.0.0.1:*");

    @Test
    void anyPortOfLocalhostIsAllowedByDefault() {
        assertTrue(defaults.allows("http://localhost:3000", "api.example"));
        assertTrue(defaults.allows("http://localhost", "api.example"));
        assertTrue(defaults.allows("http://127.0.0.1:8080", "api.example"));
    }

    @Test
    void lookalikesOfLocalhostAreRefused() {
        assertFalse(defaults.allows("http://localhost.evil.example", "api.example"));
        assertFalse(defaults.allows("http://localhost:3000.evil.example", "api.example"));
        assertFalse(defaults.allows("http://127.0.0.1.evil.example", "api.example"));
        assertFalse(defaults.allows("https://localhost:3000", "api.example"));
        assertFalse(defaults.allows("null", "api.example"));
    }

    @Test
    void thePageOnTheApisOwnHostIsAlwaysAllowed() {
        AllowedOrigins none = AllowedOrigins.parse("");
        assertTrue(none.allows("https://api.example", "api.example"));
        assertTrue(none.allows("http://api.example:8080", "api.example:8080"));
        assertFalse(none.allows("http://api.example:9090", "api.example:8080"));
        assertFalse(none.allows("https://shop.example", "api.example"));
    }

    @Test
    void exactOriginsAndSubdomainWildcards() {
        AllowedOrigins configured = AllowedOrigins.parse("https://shop.example/, https://*.health.example");
        assertTrue(configured.allows("https://shop.example", "api.example"));
        assertTrue(configured.allows("HTTPS://SHOP.EXAMPLE", "api.example"));
        assertFalse(configured.allows("http://shop.example", "api.example"));
        assertTrue(configured.allows("https://blog.health.example", "api.example"));
        assertTrue(configured.allows("https://a.b.health.example", "api.example"));
        assertFalse(configured.allows("https://health.example", "api.example"));
        assertFalse(configured.allows("https://evilhealth.example", "api.example"));
        assertFalse(configured.allows("http://localhost:3000", "api.example"));
    }
}
