package dev.evidencebot.widget;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * A host page whose CSS tries everything to break an embedded widget. Served as a real page of
 * another origin: asked for on 127.0.0.1, it loads the widget from localhost.
 */
@Controller("/test-pages")
@Requires(property = "spec.name", value = "WidgetBrowserTest")
class HostilePageController {

    static final String HOSTILE_CSS = """
            * { all: unset !important; }
            html, body { font-size: 64px !important; line-height: 4 !important; font-family: "Comic Sans MS", cursive !important; }
            div, span, button, textarea, form, ol, li, p { display: none !important; }
            body > * { position: absolute !important; top: -9999px !important; left: -9999px !important; }
            button { width: 2px !important; height: 2px !important; opacity: 0 !important; }
            textarea { visibility: hidden !important; }
            :root { color: yellow !important; background: black !important; }
            """;

    @Get("/hostile")
    @Produces(MediaType.TEXT_HTML)
    String hostile(HttpRequest<?> request) {
        String widgetOrigin = "http://localhost:" + request.getServerAddress().getPort();
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Hostile host</title>
                <style>%s</style></head>
                <body><div><p>Some article text the site owner styled badly.</p></div>
                <script src="%s/widget.js" async data-title="Hostile test"></script></body></html>
                """.formatted(HOSTILE_CSS, widgetOrigin);
    }
}
