package dev.evidencebot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** POST /api/ask: a question in, the answer object out. */
@Controller("/api")
class AskController {

    private final AnswerService answers;
    private final ObjectMapper json;

    AskController(AnswerService answers, ObjectMapper json) {
        this.answers = answers;
        this.json = json;
    }

    // Any content type is accepted here so that a wrong one gets our own 415 naming it.
    @Post(uri = "/ask", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Answer ask(HttpRequest<?> request, @Body @Nullable String body) {
        return answers.answer(AskRequests.parse(request, body, json));
    }
}
