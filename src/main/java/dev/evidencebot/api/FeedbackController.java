package dev.evidencebot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Feedback;
import dev.evidencebot.answer.FeedbackStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

/**
 * POST /api/feedback: a reader rates an answer (anyone may). GET /api/feedback: everything rated,
 * for the site owner only, with {@code Authorization: Bearer <widget.admin-token>}. With no token
 * configured the listing does not exist (404), so it is never open by accident.
 */
@Controller("/api")
class FeedbackController {

    private static final String BEARER = "Bearer ";

    private final FeedbackStore store;
    private final ObjectMapper json;
    private final String adminToken;
    private final Clock clock = Clock.systemUTC();

    FeedbackController(FeedbackStore store, ObjectMapper json, @Value("${widget.admin-token:}") String adminToken) {
        this.store = store;
        this.json = json;
        this.adminToken = adminToken == null ? "" : adminToken.trim();
    }

    // Any content type is accepted here so that a wrong one gets our own 415 naming it.
    @Post(uri = "/feedback", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Saved> save(HttpRequest<?> request, @Body String body) {
        Feedback feedback = FeedbackRequests.parse(request, body, json, clock);
        store.save(feedback);
        return HttpResponse.created(Saved.of(feedback));
    }

    @Get(uri = "/feedback", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> list(HttpRequest<?> request, @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (adminToken.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "no such endpoint: GET " + request.getPath()
                    + " (set widget.admin-token / ADMIN_TOKEN to enable it)");
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return error(HttpStatus.UNAUTHORIZED, "send Authorization: Bearer <admin token>")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (!sameToken(authorization.substring(BEARER.length()).trim())) {
            return error(HttpStatus.UNAUTHORIZED, "the admin token is wrong")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        List<Saved> all = store.all().stream().map(Saved::of).toList();
        return HttpResponse.ok(all);
    }

    // constant time, so the token cannot be guessed one character at a time from response timings
    private boolean sameToken(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Feedback as the API shows it: the instant as ISO-8601 text rather than epoch seconds. */
    record Saved(String answerId, String rating, String comment, String channel, String at) {
        static Saved of(Feedback feedback) {
            return new Saved(feedback.answerId(), feedback.rating(), feedback.comment(), feedback.channel(),
                    feedback.at() == null ? null : feedback.at().toString());
        }
    }

    private static MutableHttpResponse<ApiError> error(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(message, status.getCode()));
    }
}
