package dev.evidencebot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * LangChain4j's HTTP port on the JDK client, for two reasons. A refusal keeps its status and its
 * Retry-After header ({@link Refused}), which LangChain4j's own client drops, so that a 429 can be
 * retried when the provider says. And a streamed reply is read on our bounded {@link ModelCalls}
 * threads, not the JDK client's unbounded ones, and can be aborted ({@link Upstream}) when its
 * reader leaves. The response body of a refusal is dropped on purpose: providers
 * echo request details in it, and the message of this exception ends up in logs.
 */
final class ModelHttpClient implements HttpClient {

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final ModelCalls calls;

    private ModelHttpClient(Duration connectTimeout, Duration readTimeout, ModelCalls calls) {
        this.client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
        this.calls = calls;
    }

    /** A non-2xx answer: its status, and how long the provider asked us to wait (null when it did not say). */
    static final class Refused extends HttpException {
        private final Duration retryAfter;

        Refused(int status, Duration retryAfter) {
            super(status, "HTTP " + status);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(jdk(request), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw refused(response);
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model", e);
        }
    }

    /**
     * Streams on one of the bounded {@link ModelCalls} threads, which reads the body until the last
     * event; refused at once (a {@link ModelFailure}) when they are all busy. The call's
     * {@link Upstream} can abort it: before the response, by interrupting the send (the JDK client
     * then cancels the exchange); after, by closing the body, which closes the connection.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Upstream upstream = Upstream.current();
        java.net.http.HttpRequest jdk = jdk(request);
        Future<?> exchange = calls.submit(() -> stream(jdk, parser, listener, upstream));
        upstream.onAbort(() -> exchange.cancel(true));
    }

    private void stream(java.net.http.HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener,
                        Upstream upstream) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                upstream.onAbort(() -> closeQuietly(body));
                if (response.statusCode() / 100 != 2) {
                    listener.onError(refused(response));
                    return;
                }
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(response.headers().map()).build());
                parser.parse(body, listener);
            }
            listener.onClose();
        } catch (InterruptedException e) {
            // aborted before the response came: the send has cancelled the exchange, nobody is listening
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!upstream.aborted()) {
                listener.onError(e);
            }
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // closing is all that was wanted; the connection is gone either way
        }
    }

    private java.net.http.HttpRequest jdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(request.url()))
                .timeout(readTimeout);
        request.headers().forEach((name, values) -> {
            // The JDK sets these itself and refuses them from callers.
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")
                    && !name.equalsIgnoreCase("connection")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        String body = request.body();
        java.net.http.HttpRequest.BodyPublisher publisher = body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return builder.method(request.method().name(), publisher).build();
    }

    private static Refused refused(HttpResponse<?> response) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        return new Refused(response.statusCode(), retryAfter.map(ModelHttpClient::seconds).orElse(null));
    }

    /** Retry-After in seconds (the form model providers use); an HTTP date or junk counts as unsaid. */
    private static Duration seconds(String value) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static final class Builder implements HttpClientBuilder {
        private final ModelCalls calls;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        /** @param calls the threads streamed replies are read on */
        Builder(ModelCalls calls) {
            this.calls = calls;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new ModelHttpClient(connectTimeout, readTimeout, calls);
        }
    }
}
