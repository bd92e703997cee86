package dev.evidencebot.llm;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads model calls run on: at most {@code threads} requests to the provider at once (a
 * streamed reply holds its thread until the last piece), at most {@code waiting} more queued, and
 * a call beyond that is refused at once with a {@link ModelFailure} that is nobody's fault, so the
 * reader gets the extractive answer. Time spent queued counts against the call's deadline.
 */
final class ModelCalls implements AutoCloseable {

    private final int threads;
    private final int waiting;
    private final ThreadPoolExecutor pool;

    ModelCalls(int threads, int waiting) {
        if (threads < 1 || waiting < 0) {
            throw new IllegalArgumentException("llm.max-calls must be at least 1 and llm.waiting-calls at least 0, got "
                    + threads + " and " + waiting);
        }
        this.threads = threads;
        this.waiting = waiting;
        AtomicInteger count = new AtomicInteger();
        // SynchronousQueue when no call may wait: ArrayBlockingQueue refuses a capacity of 0
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                waiting == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(waiting),
                runnable -> {
                    Thread thread = new Thread(runnable, "llm-call-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** @throws ModelFailure (not the model's fault) when every thread is busy and the queue is full */
    <T> Future<T> submit(Callable<T> call) {
        try {
            return pool.submit(call);
        } catch (RejectedExecutionException full) {
            throw full();
        }
    }

    /** @throws ModelFailure (not the model's fault) when every thread is busy and the queue is full */
    Future<?> submit(Runnable call) {
        try {
            return pool.submit(call);
        } catch (RejectedExecutionException full) {
            throw full();
        }
    }

    private ModelFailure full() {
        return ModelFailure.notTheModels("model calls full (" + threads + " running, " + waiting + " waiting)");
    }

    int running() {
        return pool.getActiveCount();
    }

    int waiting() {
        return pool.getQueue().size();
    }

    /** The most threads this pool has ever had at once. */
    int largestThreadCount() {
        return pool.getLargestPoolSize();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
