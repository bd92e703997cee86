package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Embeds each abstained or weakly answered question soon after it is asked, on a thread of its
 * own, so the gaps and weak-evidence views find its vector ready (the view groups up to 2,000
 * questions; embedding them all on the editor's request took about 20 s). Only questions the
 * views will show, and only ones not yet in memory: a busy site's repeated questions cost
 * nothing. The queue is bounded: what a flood leaves out is embedded when the view asks.
 */
@Singleton
final class GapVectorWarmer implements ApplicationEventListener<AnsweredEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GapVectorWarmer.class);
    static final int CAPACITY = 1_000;
    private static final int BATCH = 64;

    private final GapClusters gaps;
    private final boolean enabled;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread worker;

    GapVectorWarmer(GapClusters gaps, @Value("${questions.log:true}") boolean enabled) {
        this.gaps = gaps;
        this.enabled = enabled;
        this.worker = new Thread(this::work, "question-vectors");
        worker.setDaemon(true);
        // the answer threads come first: this work can always wait
        worker.setPriority(Thread.MIN_PRIORITY);
        if (enabled) {
            worker.start();
        }
    }

    @Override
    public void onApplicationEvent(AnsweredEvent answered) {
        if (enabled && shown(answered) && !gaps.remembers(answered.question())) {
            queue.offer(answered.question()); // full: the view embeds it when asked
        }
    }

    /** The questions the gaps and weak-evidence views group. */
    static boolean shown(AnsweredEvent answered) {
        return answered.abstained() || ConsoleQueries.WEAK_LEVELS.contains(answered.evidence());
    }

    private void work() {
        List<String> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                gaps.vectors(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("could not embed {} questions for the gaps view: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    @PreDestroy
    @Override
    public void close() {
        worker.interrupt();
    }
}
