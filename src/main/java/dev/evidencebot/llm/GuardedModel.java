package dev.evidencebot.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evidencebot.answer.ReaderGone;
import dev.evidencebot.limits.KeySpace;
import dev.evidencebot.limits.RateLimiter;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Every call to the model goes through here, and gets our policy and no other (LangChain4j's own
 * retries are off): a wall-clock deadline of {@code timeout} around the whole call, retries
 * included, so no reader waits much longer; one retry after a 429, when the provider's
 * Retry-After (else one second) fits before the deadline; a circuit breaker; the global budget of
 * model calls (rate-limit.model-calls-per-hour), which caps what a flood of questions can cost; and one warning per
 * failure naming the provider and the reason. Failures become {@link ModelFailure}s whose reason
 * is built from our own words only, never from an exception message or a response body, which
 * is how the key stays out of logs and answers.
 */
final class GuardedModel {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedModel.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Object DONE = new Object();
    /** Pieces a stream may get ahead of its reader before the reading thread stops taking more. */
    private static final int EVENTS_READ_AHEAD = 256;
    static final String BUDGET_SPENT = "model-call budget spent (rate-limit.model-calls-per-hour)";

    private final String provider;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final RateLimiter budget;
    private final ModelCalls calls;

    GuardedModel(String provider, ChatModel chat, StreamingChatModel streaming, Duration timeout,
                 CircuitBreaker breaker, RateLimiter budget, ModelCalls calls) {
        this.provider = provider;
        this.chat = chat;
        this.streaming = streaming;
        this.timeout = timeout;
        this.breaker = breaker;
        this.budget = budget;
        this.calls = calls;
    }

    /** The model's whole reply. @throws ModelFailure when there is no usable one in time */
    String chat(List<ChatMessage> messages) {
        return guarded(deadline -> {
            Future<ChatResponse> call = calls.submit(() -> chat.chat(ChatRequest.builder().messages(messages).build()));
            try {
                ChatResponse response = call.get(remaining(deadline), TimeUnit.NANOSECONDS);
                String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
                if (text == null || text.isBlank()) {
                    throw new ModelFailure("model returned an empty answer");
                }
                return text;
            } catch (TimeoutException e) {
                call.cancel(true);
                throw timedOut();
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            } catch (InterruptedException e) {
                call.cancel(true); // interrupts the send, which cancels the request
                Thread.currentThread().interrupt();
                throw new ReaderGone();
            }
        });
    }

    /**
     * Streams the reply: {@code pieces} gets each piece on the calling thread as it arrives.
     * Returns when the reply is complete. However it ends otherwise (the deadline, a failure, the
     * reader leaving), the request to the provider is aborted on the way out, so that it does not
     * go on writing an answer nobody reads.
     *
     * @throws ModelFailure when the stream fails or the deadline passes; pieces handed over stay handed over
     * @throws ReaderGone   when {@code pieces} throws it, or this thread is interrupted (nobody waits any more)
     */
    void stream(List<ChatMessage> messages, Consumer<String> pieces) {
        guarded(deadline -> {
            // bounded: a reply too fast for its reader waits in the provider's connection, not here
            BlockingQueue<Object> events = new LinkedBlockingQueue<>(EVENTS_READ_AHEAD);
            Upstream upstream = new Upstream();
            boolean complete = false;
            try {
                upstream.during(() -> streaming.chat(ChatRequest.builder().messages(messages).build(), new Handler(events)));
                boolean any = false;
                while (true) {
                    Object event = events.poll(remaining(deadline), TimeUnit.NANOSECONDS);
                    if (event == null) {
                        throw any ? new ModelFailure("model stream stalled; " + timedOut().reason()) : timedOut();
                    }
                    if (event == DONE) {
                        complete = true;
                        if (!any) {
                            throw new ModelFailure("model returned an empty answer");
                        }
                        return null;
                    }
                    if (event instanceof Throwable error) {
                        RuntimeException failure = failure(error);
                        if (any && !(failure instanceof ReaderGone)) {
                            throw new ModelFailure("model stream broke off: "
                                    + (failure instanceof ModelFailure known ? known.reason() : "HTTP 429"));
                        }
                        throw failure;
                    }
                    any = true;
                    pieces.accept((String) event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReaderGone();
            } finally {
                if (!complete) {
                    upstream.abort();
                }
            }
        });
    }

    /** Hands the provider's events to the reading thread, in order. */
    private static final class Handler implements StreamingChatResponseHandler {
        private final BlockingQueue<Object> events;

        Handler(BlockingQueue<Object> events) {
            this.events = events;
        }

        @Override
        public void onPartialResponse(String piece) {
            hand(piece);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            hand(DONE);
        }

        @Override
        public void onError(Throwable error) {
            hand(error);
        }

        private void hand(Object event) {
            try {
                events.put(event);
            } catch (InterruptedException e) {
                // the exchange was aborted: nobody reads events any more
                Thread.currentThread().interrupt();
            }
        }
    }

    private interface Attempt<T> {
        T run(long deadline);
    }

    private <T> T guarded(Attempt<T> attempt) {
        if (!breaker.allow()) {
            LOG.info("{} model not called: circuit open after repeated failures", provider);
            throw new ModelFailure("model circuit open");
        }
        // after the breaker, so an open circuit spends none of the budget; a spent budget is no
        // failure of the model's, so it neither counts towards opening the circuit nor is a warning
        if (!budget.tryTake(KeySpace.MODEL_CALLS.key()).allowed()) {
            breaker.noVerdict();
            LOG.info("{} model not called: {}", provider, BUDGET_SPENT);
            throw new ModelFailure(BUDGET_SPENT);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            T result;
            try {
                result = attempt.run(deadline);
            } catch (RateLimited limited) {
                Duration wait = limited.retryAfter == null ? DEFAULT_RETRY_AFTER : limited.retryAfter;
                if (wait.toNanos() >= remaining(deadline)) {
                    throw new ModelFailure("model rate-limited the request (HTTP 429)");
                }
                LOG.info("{} model rate-limited the request; retrying once after {} ms", provider, wait.toMillis());
                sleep(wait);
                result = attempt.run(deadline);
            }
            breaker.succeeded();
            return result;
        } catch (RateLimited limited) {
            breaker.failed();
            LOG.warn("{} model call failed: model rate-limited the request twice (HTTP 429)", provider);
            throw new ModelFailure("model rate-limited the request (HTTP 429)");
        } catch (ReaderGone gone) {
            // the reader's leaving says nothing about the model; the request was aborted on the way here
            breaker.noVerdict();
            LOG.debug("{} model call abandoned: the reader left", provider);
            throw gone;
        } catch (ModelFailure failure) {
            if (!failure.modelsFault()) {
                breaker.noVerdict();
                LOG.info("{} model not called: {}", provider, failure.reason());
                throw failure;
            }
            breaker.failed();
            LOG.warn("{} model call failed: {}", provider, failure.reason());
            throw failure;
        }
    }

    /** A 429, the one failure worth one retry; not a ModelFailure so that nothing else catches it first. */
    private static final class RateLimited extends RuntimeException {
        private final Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("HTTP 429", null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    /** What went wrong, in our words: the exception's own message may carry a response body. */
    private RuntimeException failure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelFailure failure) {
                return failure;
            }
            if (cause instanceof ReaderGone gone) {
                return gone;
            }
            if (cause instanceof ModelHttpClient.Refused refused && refused.statusCode() == 429) {
                return new RateLimited(refused.retryAfter());
            }
            if (cause instanceof HttpException http) {
                return new ModelFailure("model returned HTTP " + http.statusCode());
            }
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                    || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return timedOut();
            }
            if (cause instanceof ConnectException) {
                return new ModelFailure("model unreachable (connection refused)");
            }
            if (cause instanceof UnknownHostException) {
                return new ModelFailure("model host not found");
            }
            if (cause instanceof JsonProcessingException) {
                return new ModelFailure("model returned a malformed response");
            }
            if (cause instanceof java.io.IOException) {
                return new ModelFailure("connection to the model dropped");
            }
        }
        return new ModelFailure("model returned an unusable response (" + error.getClass().getSimpleName() + ")");
    }

    private ModelFailure timedOut() {
        return new ModelFailure("model timed out after " + words(timeout));
    }

    static String words(Duration duration) {
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReaderGone();
        }
    }
}
