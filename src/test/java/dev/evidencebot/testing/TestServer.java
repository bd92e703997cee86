package dev.evidencebot.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The real application on a random port, started and awaited until its index is ready. */
public final class TestServer implements AutoCloseable {

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public final EmbeddedServer server;

    private TestServer(EmbeddedServer server) {
        this.server = server;
    }

    public static TestServer start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, all, "test");
        TestServer started = new TestServer(server);
        started.awaitReady();
        return started;
    }

    public String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    /** Same server, other host name: a page from here is cross-origin to {@link #url}. */
    public String otherOriginUrl(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(url("/health"))));
            if (health.statusCode() == 200) {
                return;
            }
            if (health.body().contains("\"DOWN\"")) {
                throw new IllegalStateException("the knowledge base failed to load: " + health.body());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the knowledge base was not ready within 3 minutes");
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
