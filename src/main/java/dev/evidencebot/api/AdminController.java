package dev.evidencebot.api;

import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.Optional;

/**
 * POST /api/admin/reindex (bearer ADMIN_TOKEN): re-reads the corpus directory now, as the watcher
 * does on a file change. It answers 202 at once; /health shows the reload's progress and outcome.
 */
@Controller("/api/admin")
class AdminController {

    private final KnowledgeBase knowledgeBase;
    private final AdminToken admin;

    AdminController(KnowledgeBase knowledgeBase, AdminToken admin) {
        this.knowledgeBase = knowledgeBase;
        this.admin = admin;
    }

    @Post(uri = "/reindex", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> reindex(HttpRequest<?> request) {
        Optional<MutableHttpResponse<?>> refused = admin.refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        knowledgeBase.reload("admin");
        return HttpResponse.accepted().body(new Started("reloading", "/health"));
    }

    /** @param progress where to follow it */
    record Started(String status, String progress) {
    }
}
