package dev.evidencebot.api;

import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** GET /health: 200 once the index is ready to answer, 503 while it loads or after it failed. */
@Controller("/health")
class HealthController {

    private final KnowledgeBase knowledgeBase;

    HealthController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Get
    HttpResponse<Health> health() {
        if (knowledgeBase.ready()) {
            KnowledgeBase.Loaded loaded = knowledgeBase.await(java.time.Duration.ZERO);
            return HttpResponse.ok(new Health("UP", loaded.corpus().articles().size(), loaded.report().passages(),
                    loaded.corpus().problems().size(), null));
        }
        Throwable failure = knowledgeBase.failure();
        String status = failure == null ? "LOADING" : "DOWN";
        return HttpResponse.<Health>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Health(status, 0, 0, 0, failure == null ? "the index is being built" : failure.getMessage()));
    }

    record Health(String status, int articles, int passages, int problems, String detail) {
    }
}
