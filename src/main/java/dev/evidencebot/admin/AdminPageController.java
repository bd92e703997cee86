package dev.evidencebot.admin;

import dev.evidencebot.api.AdminToken;
import dev.evidencebot.assets.StaticResource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;

import java.util.Map;

/**
 * GET /admin: the console for the site's team, one page whose script reads the /api/admin/* data
 * with the session cookie; and GET /admin/assets/{name}: its script, style and uPlot, all from the
 * jar. With no admin token configured none of it exists (404), as with the API.
 */
@Controller("/admin")
class AdminPageController {

    /** uPlot as the npm package ships it, from its WebJar (the version is pinned in the pom). */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    static final MediaType JAVASCRIPT = MediaType.of("text/javascript;charset=utf-8");
    static final MediaType CSS = MediaType.of("text/css;charset=utf-8");
    /**
     * Only this server's own files run or style the page, nothing may frame it, and it talks only to
     * its own origin: an injected question cannot load a script or send data elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final AdminToken admin;
    private final StaticResource page = StaticResource.load("admin/admin.html");
    private final Map<String, StaticResource> assets = Map.of(
            "admin.js", StaticResource.load("admin/admin.js"),
            "admin.css", StaticResource.load("admin/admin.css"),
            "uPlot.iife.min.js", StaticResource.load(UPLOT + "uPlot.iife.min.js"),
            "uPlot.min.css", StaticResource.load(UPLOT + "uPlot.min.css"));

    AdminPageController(AdminToken admin) {
        this.admin = admin;
    }

    @Get(produces = "text/html")
    HttpResponse<?> page() {
        if (!admin.configured()) {
            return notFound();
        }
        // no-store: the page is small, and a shared cache must never keep anything of the console
        return HttpResponse.ok(page.bytes()).contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get("/assets/{name}")
    HttpResponse<?> asset(@PathVariable String name, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StaticResource asset = assets.get(name); // a fixed set of names: no path reaches the classpath
        if (!admin.configured() || asset == null) {
            return notFound();
        }
        if (asset.matches(ifNoneMatch)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, asset.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        // no-cache, not no-store: these hold no data, and revalidating by ETag spares uPlot's 50 kB per visit
        return HttpResponse.ok(asset.bytes()).contentType(asset.path().endsWith(".css") ? CSS : JAVASCRIPT)
                .header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Content-Type-Options", "nosniff");
    }

    static HttpResponse<?> notFound() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", "no such page (set widget.admin-token / ADMIN_TOKEN to enable the console)",
                        "status", 404));
    }
}
