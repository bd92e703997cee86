package dev.evidencebot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evidencebot.retrieval.BuildProgress;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.time.Duration;

/**
 * GET /health: 200 once a corpus is in service, also while a reload runs (its progress is shown:
 * answers keep coming from the previous corpus); 503 while the first load runs or after it failed.
 */
@Controller("/health")
class HealthController {

    private final KnowledgeBase knowledgeBase;

    HealthController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Get
    HttpResponse<Health> health() {
        return report(knowledgeBase, false);
    }

    /**
     * The health report, for the public (no exception message, no file path: those tell an attacker
     * where things are) or for the site owner ({@code GET /api/admin/health}, with the failure's detail).
     */
    static HttpResponse<Health> report(KnowledgeBase knowledgeBase, boolean detailed) {
        Progress reload = Progress.of(knowledgeBase.progress());
        LastReload last = LastReload.of(knowledgeBase.lastReload(), detailed);
        if (knowledgeBase.ready()) {
            KnowledgeBase.Loaded loaded = knowledgeBase.await(Duration.ZERO);
            return HttpResponse.ok(new Health("UP", loaded.corpus().articles().size(), loaded.report().passages(),
                    loaded.corpus().problems().size(), null, loaded.report().hash(), loaded.at().toString(), reload, last));
        }
        Throwable failure = knowledgeBase.failure();
        String status = failure == null ? "LOADING" : "DOWN";
        String detail = failure == null ? "the index is being built"
                : detailed ? String.valueOf(failure.getMessage()) : PUBLIC_FAILURE;
        return HttpResponse.<Health>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Health(status, 0, 0, 0, detail, null, null, reload, last));
    }

    static final String PUBLIC_FAILURE = "the corpus could not be loaded; the server log and GET /api/admin/health say why";

    /**
     * @param corpusHash content hash of the corpus in service (every article's passages, the model, the schema)
     * @param loadedAt   when the corpus in service went into service
     * @param reload     the load or reload under way, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, int articles, int passages, int problems, String detail,
                  String corpusHash, String loadedAt, Progress reload, LastReload lastReload) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Progress(String phase, long done, long total, long perSecond, Long etaSeconds) {

        static Progress of(BuildProgress progress) {
            if (progress == null) {
                return null;
            }
            return new Progress(progress.phase(), progress.done(), progress.total(), Math.round(progress.perSecond()),
                    progress.eta() == null ? null : progress.eta().toSeconds());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LastReload(String at, String trigger, boolean switched, int changedArticles, int removedArticles,
                      int problems, long millis, String failure) {

        static LastReload of(KnowledgeBase.Reloaded reloaded, boolean detailed) {
            return reloaded == null ? null : new LastReload(reloaded.at().toString(), reloaded.trigger(), reloaded.switched(),
                    reloaded.changedArticles(), reloaded.removedArticles(), reloaded.problems(), reloaded.millis(),
                    reloaded.failure() == null ? null : detailed ? reloaded.failure() : "reload failed; see GET /api/admin/health");
        }
    }
}
