package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records every answered question, off the answer path: the event only joins a bounded queue, and
 * one thread writes what has gathered every {@value #FLUSH_MILLIS} ms or {@value #BATCH} rows,
 * whichever comes first, as one JDBC batch. A full queue or a failing database costs log rows
 * (counted and logged), never an answer. {@code questions.log=false} turns it off. The database is
 * opened by the writer on its first batch, never on the thread that answered.
 */
@Singleton
final class QuestionLog implements ApplicationEventListener<AnsweredEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionLog.class);

    static final int BATCH = 100;
    static final long FLUSH_MILLIS = 200;
    /** Minutes of a busy site's questions; past that the database is down or far too slow. */
    static final int CAPACITY = 10_000;

    private final Provider<AnswerRecords> records;
    private final boolean enabled;
    private final BlockingQueue<AnsweredEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /**
     * Held by the writer from taking a batch's first row until it is written, so {@link #flush}
     * never returns while a row is out of the queue but not yet in the database. Fair, so a flush
     * waits at most one batch (about {@value #FLUSH_MILLIS} ms).
     */
    private final ReentrantLock writing = new ReentrantLock(true);
    private final Thread writer;
    private volatile boolean running = true;

    QuestionLog(Provider<AnswerRecords> records, @Value("${questions.log:true}") boolean enabled) {
        this.records = records;
        this.enabled = enabled;
        this.writer = new Thread(this::drain, "question-log");
        writer.setDaemon(true);
        if (enabled) {
            writer.start();
        }
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public void onApplicationEvent(AnsweredEvent answered) {
        if (enabled && !queue.offer(answered)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                LOG.warn("question log queue full ({} waiting): {} answers not logged so far", CAPACITY, count);
            }
        }
    }

    /** Answers that could not be logged because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Writes everything queued so far before returning (feedback on a fresh answer, shutdown, tests). */
    void flush() {
        writing.lock();
        try {
            List<AnsweredEvent> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void drain() {
        List<AnsweredEvent> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                writing.lockInterruptibly();
            } catch (InterruptedException e) {
                return; // close() flushes what is left
            }
            try {
                AnsweredEvent first = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    gather(batch);
                    write(batch);
                }
            } catch (InterruptedException e) {
                write(batch); // taken from the queue: written now or never
                return;
            } finally {
                batch.clear();
                writing.unlock();
            }
        }
    }

    /** Adds what arrives until the batch is full or {@value #FLUSH_MILLIS} ms have passed. */
    private void gather(List<AnsweredEvent> batch) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(FLUSH_MILLIS).toNanos();
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0) {
                return;
            }
            AnsweredEvent next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<AnsweredEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            records.get().insert(batch);
        } catch (Exception e) {
            long count = failed.addAndGet(batch.size());
            LOG.warn("could not log {} answers ({} lost so far): {}", batch.size(), count, e.toString());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (enabled) {
            flush();
        }
    }
}
