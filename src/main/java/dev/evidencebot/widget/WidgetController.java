package dev.evidencebot.widget;

import dev.evidencebot.assets.StaticResource;
import dev.evidencebot.answer.Introduction;
import dev.evidencebot.answer.Introductions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * GET /widget.js: the embeddable chat widget, one self-contained script. GET /: a demo article
 * page that embeds it the way a site would, with one script tag. GET /api/widget/intro: the
 * greeting and example questions for the corpus in service, which the widget asks for unless the
 * page set its own (under /api, so the same origins may read it as may ask).
 */
@Controller
class WidgetController {

    static final MediaType JAVASCRIPT = MediaType.of("text/javascript;charset=utf-8");
    static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    // The script URL carries no version, so caches keep it briefly and revalidate by ETag after.
    static final String SCRIPT_CACHE = "public, max-age=300";
    static final String PAGE_CACHE = "no-cache";

    // the corpus may change under a page: a minute is stale enough
    static final String INTRO_CACHE = "public, max-age=60";

    private final StaticResource script = StaticResource.load("widget/widget.js");
    private final StaticResource demo = StaticResource.load("widget/demo.html");
    private final Introductions introductions;

    WidgetController(Introductions introductions) {
        this.introductions = introductions;
    }

    /** Written once per corpus snapshot (a few retrievals), then served from memory. */
    @Get("/api/widget/intro")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Introduction> intro() {
        return HttpResponse.ok(introductions.introduce()).header(HttpHeaders.CACHE_CONTROL, INTRO_CACHE);
    }

    @Get("/widget.js")
    HttpResponse<byte[]> widget(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(script, JAVASCRIPT, SCRIPT_CACHE, ifNoneMatch);
    }

    @Get
    HttpResponse<byte[]> demo(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return serve(demo, HTML, PAGE_CACHE, ifNoneMatch);
    }

    private static HttpResponse<byte[]> serve(StaticResource resource, MediaType type, String cache, String ifNoneMatch) {
        if (resource.matches(ifNoneMatch)) {
            return HttpResponse.<byte[]>notModified().header(HttpHeaders.ETAG, resource.etag())
                    .header(HttpHeaders.CACHE_CONTROL, cache);
        }
        return HttpResponse.ok(resource.bytes()).contentType(type)
                .header(HttpHeaders.ETAG, resource.etag())
                .header(HttpHeaders.CACHE_CONTROL, cache)
                .header("X-Content-Type-Options", "nosniff");
    }
}
