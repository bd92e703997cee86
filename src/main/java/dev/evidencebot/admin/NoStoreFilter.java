package dev.evidencebot.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Nothing the console shows (visitors' questions, feedback) may stay in a browser's or a proxy's
 * cache: every admin response is no-store unless it chose otherwise (the page's static files).
 */
@ServerFilter({"/admin", "/admin/**", "/api/admin/**"})
class NoStoreFilter {

    @ResponseFilter
    void noStore(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
