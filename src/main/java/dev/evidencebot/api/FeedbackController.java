package dev.evidencebot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Feedback;
import dev.evidencebot.answer.FeedbackStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * POST /api/feedback: a reader rates an answer (anyone may). GET /api/feedback: everything rated,
 * for the site owner only, with {@code Authorization: Bearer <widget.admin-token>}. With no token
 * configured the listing does not exist (404), so it is never open by accident.
 */
@Controller("/api")
class FeedbackController {

    private final FeedbackStore store;
    private final ObjectMapper json;
    private final AdminToken admin;
    private final ClientAddresses clients;
    private final ApiLimits limits;
    private final Clock clock = Clock.systemUTC();

    FeedbackController(FeedbackStore store, ObjectMapper json, AdminToken admin, ClientAddresses clients, ApiLimits limits) {
        this.store = store;
        this.json = json;
        this.admin = admin;
        this.clients = clients;
        this.limits = limits;
    }

    // Any content type is accepted here so that a wrong one gets our own 415 naming it.
    @Post(uri = "/feedback", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Saved> save(HttpRequest<?> request, @Body @Nullable byte[] body) {
        limits.feedback(clients.of(request));
        Feedback feedback = FeedbackRequests.parse(request, body, json, clock);
        store.save(feedback);
        return HttpResponse.created(Saved.of(feedback));
    }

    @Get(uri = "/feedback", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> list(HttpRequest<?> request) {
        Optional<MutableHttpResponse<?>> refused = admin.refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Saved> all = store.all().stream().map(Saved::of).toList();
        return HttpResponse.ok(all);
    }

    /** Feedback as the API shows it: the instant as ISO-8601 text rather than epoch seconds. */
    record Saved(String answerId, String rating, String comment, String channel, String at) {
        static Saved of(Feedback feedback) {
            return new Saved(feedback.answerId(), feedback.rating(), feedback.comment(), feedback.channel(),
                    feedback.at() == null ? null : feedback.at().toString());
        }
    }
}
