package dev.evidencebot.api;

import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Optional;

/**
 * GET /api/admin/health (bearer ADMIN_TOKEN): /health with the detail the public one leaves out,
 * the failure's message when the corpus could not be loaded or a reload failed.
 */
@Controller("/api/admin/health")
class AdminHealthController {

    private final KnowledgeBase knowledgeBase;
    private final AdminToken admin;

    AdminHealthController(KnowledgeBase knowledgeBase, AdminToken admin) {
        this.knowledgeBase = knowledgeBase;
        this.admin = admin;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> health(HttpRequest<?> request) {
        Optional<MutableHttpResponse<?>> refused = admin.refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        return HealthController.report(knowledgeBase, true);
    }
}
