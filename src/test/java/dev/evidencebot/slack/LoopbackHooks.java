package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for Slack's response_url endpoints: a loopback HTTP server that records what is posted, by path. */
final class LoopbackHooks implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final HttpServer server;
    private final ConcurrentHashMap<String, List<JsonNode>> received = new ConcurrentHashMap<>();

    LoopbackHooks() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String text;
            try (InputStream body = exchange.getRequestBody()) {
                text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            // answer first, as Slack does, so a test that stops the server after seeing the post cuts no reply short
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
            received.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new CopyOnWriteArrayList<>())
                    .add(JSON.readTree(text));
        });
        server.start();
    }

    /** An http://127.0.0.1 URL whose posts are recorded under {@code name}. */
    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** The same endpoint reached by the name "localhost": a host the tests do not allow. */
    String localhostUrl(String name) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + name;
    }

    List<JsonNode> received(String name) {
        return List.copyOf(received.getOrDefault("/" + name, List.of()));
    }

    /** Waits (bounded) until at least one message was posted under {@code name}, and returns the first. */
    JsonNode awaitFirst(String name) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (received(name).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing was posted to " + url(name) + " within " + PATIENCE);
            }
            Thread.sleep(20);
        }
        return received(name).get(0);
    }

    /** Waits (bounded) until at least {@code count} messages were posted under {@code name}, and returns them all. */
    List<JsonNode> awaitCount(String name, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (received(name).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(received(name).size() + " of " + count + " messages were posted to "
                        + url(name) + " within " + PATIENCE);
            }
            Thread.sleep(20);
        }
        return received(name);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
