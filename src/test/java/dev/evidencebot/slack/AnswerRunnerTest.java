package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Question;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerRunnerTest {

    private final LoopbackHooks hooks = new LoopbackHooks();
    private final CountDownLatch never = new CountDownLatch(1);
    private final SlackConfig config = new SlackConfig(SlackRequests.SECRET, null, "/ask",
            List.of("127.0.0.1"), "https://slack.com/api/", Duration.ofSeconds(1), null, true);
    private final ResponseUrlPoster poster = new ResponseUrlPoster(config);
    private static final Asker ASKER = new Asker("T0001", "U0ALICE", "C0GENERAL");

    private final RecentAnswers recent = new RecentAnswers();

    @AfterEach
    void close() {
        never.countDown();
        hooks.close();
    }

    @Test
    void anAnswerThatTakesTooLongReachesTheAskerAsAShortMessage() throws Exception {
        AnswerService stuck = new AnswerService() {
            @Override
            public Answer answer(Question question, Consumer<String> deltas) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answers.cited("late", "Too late [1].");
            }
        };
        AnswerRunner runner = new AnswerRunner(stuck, poster, recent, config);

        assertTrue(runner.submit("does semax help memory?", hooks.url("timeout"), ASKER));

        JsonNode reply = hooks.awaitFirst("timeout");
        assertEquals("ephemeral", reply.get("response_type").asText());
        assertTrue(reply.get("text").asText().startsWith("Sorry, that question took longer than 1 seconds"),
                reply.toString());
        assertTrue(recent.find("late").isEmpty(), "a late answer is never delivered or kept");
        runner.close();
    }

    @Test
    void aDeliveredAnswerIsKeptForSharing() throws Exception {
        AnswerRunner runner = new AnswerRunner((question, deltas) -> Answers.cited("kept", "Kept [1]."),
                poster, recent, config);

        runner.submit("does semax help memory?", hooks.url("kept"), ASKER);
        hooks.awaitFirst("kept");

        assertEquals("does semax help memory?", recent.find("kept").orElseThrow().asked().question());
        assertEquals(ASKER, recent.find("kept").orElseThrow().asker(), "kept with who asked and where, for Share");
        runner.close();
    }
}
