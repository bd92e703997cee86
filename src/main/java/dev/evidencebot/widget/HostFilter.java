package dev.evidencebot.widget;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;

/**
 * Refuses, with 421 Misdirected Request, any request whose Host is not one of this server's
 * public origins or loopback ({@link PublicHosts}): the defence against DNS rebinding, where a
 * page on rebind.evil.com, its name pointed at an intranet-only instance, would otherwise be
 * "same origin" with it and read every answer through a visitor's browser. Runs first, for every
 * path and door.
 */
@ServerFilter("/**")
class HostFilter implements Ordered {

    private final PublicHosts hosts;

    HostFilter(@Value("${server.public-origins:}") String publicOrigins) {
        this.hosts = PublicHosts.parse(publicOrigins);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (hosts.allows(host)) {
            return null;
        }
        String shown = host.strip().length() > 100 ? host.strip().substring(0, 100) + "..." : host.strip();
        return HttpResponse.status(HttpStatus.MISDIRECTED_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", "this server does not answer to host '" + shown
                        + "'; add its origin to server.public-origins (PUBLIC_ORIGINS)", "status", 421));
    }
}
