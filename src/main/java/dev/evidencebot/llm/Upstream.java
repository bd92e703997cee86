package dev.evidencebot.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The model request a guarded call has in flight, which the call can abort from its own thread
 * when the reader leaves or the deadline passes: without that, the provider would go on writing
 * (and billing) an answer nobody reads. {@link ModelHttpClient} registers how to abort its request
 * as it goes (the task before the response, the body once it streams); {@link #abort} runs them,
 * at once or as soon as they are registered.
 *
 * <p>LangChain4j gives its HTTP client no per-call context, but it sends a request on the thread
 * that asked for it, so the call is made {@link #during} which this upstream is the thread's own.
 */
final class Upstream {

    private static final ThreadLocal<Upstream> CURRENT = new ThreadLocal<>();
    /** Calls made outside {@link #during} (none today): nothing can abort them. */
    private static final Upstream UNBOUND = new Upstream();

    private final List<Runnable> aborts = new ArrayList<>();
    private boolean aborted;

    /** Runs {@code call}, during which {@link #current()} on this thread is this upstream. */
    void during(Runnable call) {
        Upstream previous = CURRENT.get();
        CURRENT.set(this);
        try {
            call.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** The upstream of the call this thread is making. */
    static Upstream current() {
        Upstream upstream = CURRENT.get();
        return upstream == null ? UNBOUND : upstream;
    }

    /** How to abort the request from here on; runs at once when it has already been aborted. */
    void onAbort(Runnable abort) {
        if (this == UNBOUND) {
            return;
        }
        synchronized (this) {
            if (!aborted) {
                aborts.add(abort);
                return;
            }
        }
        abort.run();
    }

    /** Aborts the request, wherever it is; later registrations abort too. Idempotent. */
    void abort() {
        if (this == UNBOUND) {
            return;
        }
        List<Runnable> pending;
        synchronized (this) {
            if (aborted) {
                return;
            }
            aborted = true;
            pending = List.copyOf(aborts);
            aborts.clear();
        }
        // the latest first: the body, once there is one, before the task that reads it
        for (int i = pending.size() - 1; i >= 0; i--) {
            pending.get(i).run();
        }
    }

    synchronized boolean aborted() {
        return aborted;
    }
}
