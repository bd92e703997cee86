package dev.evidencebot.limits;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse(List.of("10.0.0.0/8", " 192.0.2.10 ", "2001:db8::/32"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.4", TrustedProxies.NONE.client(ip("198.51.100.4"), List.of("203.0.113.7")));
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("198.51.100.4", PROXIES.client(ip("198.51.100.4"), List.of("203.0.113.7")));
    }

    @Test
    void fromATrustedProxyTheClientIsTheRightMostUntrustedAddress() {
        // the client forged "1.2.3.4"; our proxies 192.0.2.10 and 10.1.2.3 appended what they saw
        assertEquals("203.0.113.7", PROXIES.client(ip("10.1.2.3"), List.of("1.2.3.4, 203.0.113.7, 192.0.2.10")));
    }

    @Test
    void severalHeadersAreReadAsOneListInOrder() {
        assertEquals("203.0.113.8", PROXIES.client(ip("10.1.2.3"), List.of("203.0.113.7", "203.0.113.8")));
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsTheClient() {
        assertEquals("10.1.2.3", PROXIES.client(ip("10.1.2.3"), List.of()));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertEquals("10.9.9.9", PROXIES.client(ip("10.1.2.3"), List.of("10.9.9.9, 192.0.2.10")));
    }

    @Test
    void garbageStopsTheWalkAtTheLastHopWeCanVouchFor() {
        assertEquals("192.0.2.10", PROXIES.client(ip("10.1.2.3"), List.of("evil.example, 192.0.2.10")));
        assertEquals("10.1.2.3", PROXIES.client(ip("10.1.2.3"), List.of("unknown")));
    }

    @Test
    void portsAndIpv6AreUnderstood() {
        assertEquals("203.0.113.7", PROXIES.client(ip("10.1.2.3"), List.of("203.0.113.7:4711")));
        assertEquals("2001:db9:0:0:0:0:0:1", PROXIES.client(ip("2001:db8::5"), List.of("[2001:db9::1]:443")));
    }

    @Test
    void rangesMatchByPrefixAndFamily() {
        assertTrue(PROXIES.trusts(ip("10.255.0.1")));
        assertFalse(PROXIES.trusts(ip("11.0.0.1")));
        assertTrue(PROXIES.trusts(ip("192.0.2.10")));
        assertFalse(PROXIES.trusts(ip("192.0.2.11")), "a single address is a /32");
        assertTrue(PROXIES.trusts(ip("2001:db8:ffff::1")));
        assertFalse(PROXIES.trusts(ip("2001:db9::1")));
        assertTrue(TrustedProxies.parse(List.of("172.16.0.0/12")).trusts(ip("172.31.255.255")));
        assertFalse(TrustedProxies.parse(List.of("172.16.0.0/12")).trusts(ip("172.32.0.0")));
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertTrue(TrustedProxies.literal("localhost").isEmpty());
        assertTrue(TrustedProxies.literal("999.1.1.1").isEmpty());
    }

    @Test
    void aBadEntryIsAStartupErrorNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse(List.of("10.0.0.0/8", "proxy.internal")));
        assertTrue(error.getMessage().contains("\"proxy.internal\" is not an IP address or CIDR range"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("10.0.0.0/33")));
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }
}
