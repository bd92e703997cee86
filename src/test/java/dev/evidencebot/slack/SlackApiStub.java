package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Stands in for Slack's Web API on loopback (slack.api-url points here): records every call in
 * arrival order and answers as Slack does. A channel can be set to get one 429 with a Retry-After.
 */
final class SlackApiStub implements AutoCloseable {

    static final String BOT_USER = "U0BOT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** One Web API call: its place in the arrival order, the method, and its parameters. */
    record Call(int order, String method, Map<String, String> params) {
        String channel() {
            return params.get("channel");
        }

        JsonNode blocks() {
            try {
                return params.get("blocks") == null ? JSON.createArrayNode() : JSON.readTree(params.get("blocks"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger order = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final Set<String> rateLimitOnce = ConcurrentHashMap.newKeySet();

    SlackApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.start();
    }

    /** The slack.api-url for this stub. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** The next chat.postMessage in {@code channel} gets a 429 with Retry-After: 1; the one after that succeeds. */
    void rateLimitNextPostIn(String channel) {
        rateLimitOnce.add(channel);
    }

    List<Call> calls(String method, String channel) {
        return calls.stream().filter(call -> call.method().equals(method) && channel.equals(call.channel())).toList();
    }

    List<Call> calls(String channel) {
        return calls.stream().filter(call -> channel.equals(call.channel())).toList();
    }

    /** Waits (bounded) until {@code count} calls of {@code method} reached {@code channel}, and returns them. */
    List<Call> await(String method, String channel, int count) throws InterruptedException {
        return await(method, channel, found -> found.size() >= count);
    }

    List<Call> await(String method, String channel, Predicate<List<Call>> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.test(calls(method, channel))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such " + method + " calls in " + channel + " within " + PATIENCE + "; calls: " + calls);
            }
            Thread.sleep(20);
        }
        return calls(method, channel);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> params = contentType.startsWith("application/json") ? json(body) : form(body);
        calls.add(new Call(order.incrementAndGet(), method, params));

        String channel = params.get("channel");
        if (method.equals("chat.postMessage") && channel != null && rateLimitOnce.remove(channel)) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        String response = switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Example\",\"user\":\"evidencebot\","
                    + "\"team_id\":\"T0001\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BOT\"}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000100."
                    + String.format("%06d", messages.incrementAndGet()) + "\"}";
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000200.000001\"}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        reply(exchange, 200, response);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static Map<String, String> json(String body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        JSON.readTree(body).fields().forEachRemaining(field ->
                params.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
