package dev.evidencebot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.InvalidQuestionException;
import dev.evidencebot.answer.Question;
import dev.evidencebot.answer.ReaderGone;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * POST /api/ask/stream: the same request as /api/ask, answered as Server-Sent Events while it is
 * written: `delta` ({"text": ...}) for each verified piece, `citations` (the final list), `done`
 * (the whole answer object of /api/ask), or `error` ({"error", "status"}) if it fails midway.
 * A request that is wrong from the start, or over a rate limit, gets the same 4xx JSON as
 * /api/ask, not a stream.
 */
@Controller("/api")
class AskStreamController {

    private static final Logger LOG = LoggerFactory.getLogger(AskStreamController.class);

    private final AnswerService answers;
    private final ObjectMapper json;
    private final ExecutorService blocking;
    private final ClientAddresses clients;
    private final ApiLimits limits;
    private final AnswersInFlight inFlight;

    AskStreamController(AnswerService answers, ObjectMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                        ClientAddresses clients, ApiLimits limits, AnswersInFlight inFlight) {
        this.answers = answers;
        this.json = json;
        this.blocking = blocking;
        this.clients = clients;
        this.limits = limits;
        this.inFlight = inFlight;
    }

    @Post(uri = "/ask/stream", consumes = MediaType.ALL, produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> stream(HttpRequest<?> request, @Body @Nullable byte[] body) {
        // refusals, the rate limits' 429 included, happen here, before the stream starts: a plain JSON error
        String client = clients.of(request);
        limits.question(client);
        Question question = AskRequests.parse(request, body, json, "stream", client);
        limits.conversation(question.conversationId());
        AnswersInFlight.Permit permit = inFlight.take();
        // When the reader leaves, Reactor cancels the subscription: that interrupts the answering
        // thread (subscribeOn's task is cancelled), which aborts a model request it is waiting on,
        // and any delta after that throws ReaderGone, so the pipeline stops at its next sentence.
        return Flux.<Event<String>>create(sink -> {
            // A comment, which no SSE reader dispatches, starts the response at once: the server
            // notices a reader who hangs up only once their response has begun.
            sink.next(Event.of("").comment("answering"));
            try {
                Answer answer = answers.answer(question, delta -> {
                    if (sink.isCancelled()) {
                        throw new ReaderGone();
                    }
                    sink.next(event("delta", Map.of("text", delta)));
                });
                sink.next(event("citations", answer.citations()));
                sink.next(event("done", answer));
            } catch (ReaderGone gone) {
                LOG.debug("reader left before the streamed answer was finished");
                return;
            } catch (InvalidQuestionException e) {
                sink.next(event("error", new ApiError(e.getMessage(), 400)));
            } catch (KnowledgeBase.NotReadyException e) {
                sink.next(event("error", new ApiError(e.getMessage(), 503)));
            } catch (RuntimeException e) {
                LOG.error("streamed answer failed", e);
                sink.next(event("error", new ApiError("internal error; the server log has the details", 500)));
            }
            sink.complete();
        }).subscribeOn(Schedulers.fromExecutorService(blocking)).doFinally(signal -> permit.release());
    }

    private Event<String> event(String name, Object data) {
        try {
            return Event.of(json.writeValueAsString(data)).name(name);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + name + " event", e);
        }
    }
}
