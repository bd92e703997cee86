package dev.evidencebot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Question;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers questions off the request thread (Slack wants its ack within 3 seconds) and delivers
 * them through the response_url. Both pools are bounded: a flood of questions is refused at the
 * ack rather than queued without end. Whatever happens, the asker hears back.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class AnswerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerRunner.class);
    private static final int ANSWER_THREADS = 4;
    private static final int WAITING_QUESTIONS = 32;
    private static final int DELIVERY_THREADS = 2;
    private static final int WAITING_DELIVERIES = 256;

    static final String FAILED = "Sorry, something went wrong while answering that. Please try again in a moment.";

    private final AnswerService answers;
    private final ResponseUrlPoster poster;
    private final RecentAnswers recent;
    private final Duration timeout;
    private final ExecutorService answerPool = pool("slack-answer", ANSWER_THREADS, WAITING_QUESTIONS);
    private final ExecutorService deliveryPool = pool("slack-deliver", DELIVERY_THREADS, WAITING_DELIVERIES);

    AnswerRunner(AnswerService answers, ResponseUrlPoster poster, RecentAnswers recent, SlackConfig config) {
        this.answers = answers;
        this.poster = poster;
        this.recent = recent;
        this.timeout = config.answerTimeout();
    }

    /**
     * Starts answering; the answer, or word of its failure, goes to {@code responseUrl}.
     *
     * @param asker who asked and where: the only one who may then share the answer
     * @return false when too many questions are already waiting; nothing was started
     */
    boolean submit(String questionText, String responseUrl, Asker asker) {
        Question question = Question.of(questionText).from(new Question.Origin("slack", asker.userId()));
        CompletableFuture<Answer> result;
        try {
            result = answer(question);
        } catch (RejectedExecutionException busy) {
            return false;
        }
        result.whenCompleteAsync((answer, failure) -> {
            if (failure != null) {
                poster.post(responseUrl, AnswerBlocks.notice(failureMessage(failure)));
            } else {
                deliver(new AskedAnswer(questionText, answer), asker, responseUrl);
            }
        }, deliveryPool);
        return true;
    }

    /**
     * Answers on the shared answer pool, so the slash command and the events together never answer
     * more than {@link #ANSWER_THREADS} questions at once. The result fails with a TimeoutException
     * (and the work is interrupted) after slack.answer-timeout.
     *
     * @throws RejectedExecutionException when too many questions are already waiting
     */
    CompletableFuture<Answer> answer(Question question) {
        CompletableFuture<Answer> result = new CompletableFuture<>();
        Future<?> work = answerPool.submit(() -> {
            try {
                result.complete(answers.answer(question));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> {
                    if (failure != null) {
                        work.cancel(true);
                    }
                });
    }

    /** Posts a message without blocking the caller; used for shares and feedback replies. */
    void postLater(String responseUrl, ActionResponse message) {
        try {
            deliveryPool.execute(() -> poster.post(responseUrl, message));
        } catch (RejectedExecutionException busy) {
            LOG.warn("Dropped a Slack reply: {} deliveries already waiting", WAITING_DELIVERIES);
        }
    }

    private void deliver(AskedAnswer asked, Asker asker, String responseUrl) {
        ActionResponse message;
        try {
            message = AnswerBlocks.ephemeral(asked);
        } catch (RuntimeException e) {
            LOG.error("Could not render answer {} as Slack blocks", asked.answer().id(), e);
            poster.post(responseUrl, AnswerBlocks.notice(FAILED));
            return;
        }
        recent.remember(asked, asker);
        poster.post(responseUrl, message);
    }

    /** What the asker is told when answering failed or took too long. */
    String failureMessage(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return "Sorry, that question took longer than " + timeout.toSeconds()
                    + " seconds to answer, so I stopped. Please try again, or ask something narrower.";
        }
        LOG.error("Answering a Slack question failed", cause);
        return FAILED;
    }

    @PreDestroy
    void close() {
        answerPool.shutdownNow();
        deliveryPool.shutdown();
    }

    private static ExecutorService pool(String name, int threads, int waiting) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(waiting),
                runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
