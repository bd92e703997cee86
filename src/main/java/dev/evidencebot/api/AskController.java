package dev.evidencebot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Question;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** POST /api/ask: a question in, the answer object out. */
@Controller("/api")
class AskController {

    private final AnswerService answers;
    private final ObjectMapper json;
    private final ExecutorService blocking;
    private final ClientAddresses clients;
    private final ApiLimits limits;
    private final AnswersInFlight inFlight;

    AskController(AnswerService answers, ObjectMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                  ClientAddresses clients, ApiLimits limits, AnswersInFlight inFlight) {
        this.answers = answers;
        this.json = json;
        this.blocking = blocking;
        this.clients = clients;
        this.limits = limits;
        this.inFlight = inFlight;
    }

    // Any content type is accepted here so that a wrong one gets our own 415 naming it.
    @Post(uri = "/ask", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<Answer> ask(HttpRequest<?> request, @Body @Nullable byte[] body) {
        String client = clients.of(request);
        limits.question(client);
        Question question = AskRequests.parse(request, body, json, "api", client);
        limits.conversation(question.conversationId());
        if (!answers.mayWait()) {
            // A millisecond of computation: answering in place saves two thread hops per request,
            // which is most of the latency under load on a small machine.
            return CompletableFuture.completedFuture(answers.answer(question));
        }
        AnswersInFlight.Permit permit = inFlight.take();
        try {
            return CompletableFuture.supplyAsync(() -> answers.answer(question), blocking)
                    .whenComplete((answer, failure) -> permit.release());
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }
}
