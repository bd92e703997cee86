package dev.evidencebot.api;

import dev.evidencebot.limits.TrustedProxies;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The client's IP address for a request, the one answer both the rate limits and the question log
 * use: the peer, or what our trusted proxies say in X-Forwarded-For ({@link TrustedProxies}).
 */
@Singleton
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** The key for a peer whose address is unknown: such requests share one bucket rather than none. */
    static final String UNKNOWN = "unknown";

    private final TrustedProxies proxies;

    ClientAddresses(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    String of(HttpRequest<?> request) {
        InetSocketAddress peer;
        try {
            peer = request.getRemoteAddress();
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
        if (peer == null || peer.getAddress() == null) {
            return UNKNOWN;
        }
        return proxies.client(peer.getAddress(), request.getHeaders().getAll(FORWARDED_FOR));
    }
}
