package dev.evidencebot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.Question;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers mentions, DMs and thread follow-ups after their event was acknowledged: posts "Looking
 * that up…" where the answer will go, answers on {@link AnswerRunner}'s shared pool, then replaces
 * the placeholder with the answer's blocks (or posts them anew if the update fails). The workers
 * and their queue are bounded; when the queue is full an event is dropped, logged and counted,
 * rather than queued without end behind answers nobody is waiting for any more.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class EventAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(EventAnswerer.class);
    // each worker mostly waits (on Slack, or on the answer pool), so a few more than the answer pool's
    private static final int WORKERS = 6;
    static final int WAITING_EVENTS = 64;

    private final AnswerRunner runner;
    private final ChatApi chat;
    private final RecentAnswers recent;
    private final AtomicLong dropped = new AtomicLong();
    private final ExecutorService workers;

    EventAnswerer(AnswerRunner runner, ChatApi chat, RecentAnswers recent) {
        this.runner = runner;
        this.chat = chat;
        this.recent = recent;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING_EVENTS),
                runnable -> {
                    Thread thread = new Thread(runnable, "slack-event-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Answers {@code reply} in the background; false when too many events are already waiting (it is dropped). */
    boolean answer(Reply reply) {
        return run(() -> answerNow(reply));
    }

    /** Tells the asker something only they see (usage, a refusal), in the background. */
    boolean tell(Reply reply, String text) {
        return run(() -> chat.postPrivately(reply.channel(), reply.threadTs(), reply.user(), text));
    }

    long dropped() {
        return dropped.get();
    }

    private boolean run(Runnable work) {
        try {
            workers.execute(work);
            return true;
        } catch (RejectedExecutionException full) {
            LOG.warn("Dropped a Slack event: {} already waiting ({} dropped since start)",
                    WAITING_EVENTS, dropped.incrementAndGet());
            return false;
        }
    }

    private void answerNow(Reply reply) {
        String placeholder = chat.post(reply.channel(), reply.threadTs(), AskCommand.LOOKING, null);
        Question question = new Question(reply.question(), reply.conversationId(), new Question.Origin("slack", reply.user()));
        String text;
        List<LayoutBlock> blocks = null;
        try {
            Answer answer = runner.answer(question).join();
            AskedAnswer asked = new AskedAnswer(reply.question(), answer);
            blocks = AnswerBlocks.blocks(asked, null);
            text = AnswerBlocks.fallbackText(asked);
            // so "Share in channel" under this answer finds it, as under /ask's, for the asker alone
            recent.remember(asked, new Asker(reply.teamId(), reply.user(), reply.channel()));
        } catch (RejectedExecutionException busy) {
            text = AskCommand.BUSY;
        } catch (CompletionException failed) {
            text = runner.failureMessage(failed);
        } catch (RuntimeException e) {
            LOG.error("Could not render a Slack answer as blocks", e);
            text = AnswerRunner.FAILED;
        }
        if (placeholder == null || !chat.update(reply.channel(), placeholder, text, blocks)) {
            chat.post(reply.channel(), reply.threadTs(), text, blocks);
        }
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
    }
}
