package dev.evidencebot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The script of {@link FakeModelPeer}: what it was asked, and what it answers next. */
final class FakeModel {

    static final String SPEC = "FakeModel";

    enum Wire { OPENAI, ANTHROPIC }

    /** One request the peer received, with the prompt text it carried. */
    record Request(Wire wire, boolean streaming, String system, String lastUser, String credential, String body) {

        /** Source number -> passage text, as the prompt gave them. */
        Map<Integer, String> passages() {
            Map<Integer, String> passages = new java.util.LinkedHashMap<>();
            Matcher matcher = SOURCE.matcher(lastUser);
            while (matcher.find()) {
                passages.put(Integer.parseInt(matcher.group(1)), matcher.group(2));
            }
            return passages;
        }

        /** The first words of a source's passage, markers removed: a sentence that source supports. */
        String paraphrase(int number, int words) {
            String passage = passages().get(number).replaceAll("\\(\\d+(?:,\\s*\\d+)*\\)", "").strip();
            String[] split = passage.split("\\s+");
            return String.join(" ", java.util.Arrays.copyOf(split, Math.min(words, split.length)))
                    .replaceAll("[.,;:]$", "");
        }
    }

    /**
     * What to answer: the text (streamed in pieces when asked to stream), or a raw body, a status,
     * a Retry-After, a delay, and for streams the index of the last event sent before the cut (-1: no cut)
     * and the pause between events; a held reply waits for {@link #release()} before anything else.
     */
    record Reply(String text, List<String> pieces, String raw, int status, String retryAfter, Duration delay, int cutAfter,
                 Duration pace, boolean onHold) {

        static Reply text(String text) {
            return new Reply(text, split(text), null, 200, null, Duration.ZERO, -1, Duration.ZERO, false);
        }

        static Reply status(int status) {
            return new Reply(null, List.of(), null, status, null, Duration.ZERO, -1, Duration.ZERO, false);
        }

        Reply raw(String body) {
            return new Reply(text, pieces, body, status, retryAfter, delay, cutAfter, pace, onHold);
        }

        Reply retryAfter(String seconds) {
            return new Reply(text, pieces, raw, status, seconds, delay, cutAfter, pace, onHold);
        }

        Reply delayed(Duration by) {
            return new Reply(text, pieces, raw, status, retryAfter, by, cutAfter, pace, onHold);
        }

        Reply cutAfter(int event) {
            return new Reply(text, pieces, raw, status, retryAfter, delay, event, pace, onHold);
        }

        /** Streamed one event every {@code pause}, as a slow model writes. */
        Reply paced(Duration pause) {
            return new Reply(text, pieces, raw, status, retryAfter, delay, cutAfter, pause, onHold);
        }

        /** Nothing is sent until the test calls {@link FakeModel#release()}. */
        Reply held() {
            return new Reply(text, pieces, raw, status, retryAfter, delay, cutAfter, pace, true);
        }

        /** Pieces of a few characters, as models stream them: sentences and markers split across pieces. */
        private static List<String> split(String text) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < text.length(); i += 7) {
                pieces.add(text.substring(i, Math.min(text.length(), i + 7)));
            }
            return pieces;
        }
    }

    private static final Pattern SOURCE = Pattern.compile("<source number=\"(\\d+)\"[^>]*>\\s*<passage>(.*?)</passage>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Deque<Function<Request, Reply>> SCRIPT = new ArrayDeque<>();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    /** Replies whose reader (our model client) went away before the reply was over. */
    private static final AtomicInteger ABANDONED = new AtomicInteger();
    private static CompletableFuture<Void> gate = new CompletableFuture<>();

    private FakeModel() {
    }

    static synchronized void reset() {
        SCRIPT.clear();
        REQUESTS.clear();
        ABANDONED.set(0);
        gate.complete(null);
        gate = new CompletableFuture<>();
    }

    /** Lets held replies go. */
    static synchronized void release() {
        gate.complete(null);
    }

    static synchronized CompletableFuture<Void> gate() {
        return gate;
    }

    /** The peer saw its client cancel a reply before the reply was over: the connection was closed on it. */
    static void abandoned() {
        ABANDONED.incrementAndGet();
    }

    /** Waits (at most {@code atMost}) until {@code count} replies were abandoned by the client; false if they were not. */
    static boolean awaitAbandoned(int count, Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (ABANDONED.get() < count) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    static int abandonedCount() {
        return ABANDONED.get();
    }

    /** Queues the next reply; the last one queued keeps answering once the others are used. */
    static synchronized void then(Function<Request, Reply> reply) {
        SCRIPT.add(reply);
    }

    static List<Request> requests() {
        return List.copyOf(REQUESTS);
    }

    static Request record(Wire wire, String body, String credential) {
        try {
            JsonNode root = JSON.readTree(body);
            boolean streaming = root.path("stream").asBoolean(false);
            String system = wire == Wire.ANTHROPIC ? text(root.path("system")) : "";
            String lastUser = "";
            for (JsonNode message : root.path("messages")) {
                String role = message.path("role").asText();
                if (role.equals("system")) {
                    system = text(message.path("content"));
                } else if (role.equals("user")) {
                    lastUser = text(message.path("content"));
                }
            }
            Request request = new Request(wire, streaming, system, lastUser, credential, body);
            REQUESTS.add(request);
            return request;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }

    static synchronized Reply next(Request request) {
        Function<Request, Reply> reply = SCRIPT.size() > 1 ? SCRIPT.poll() : SCRIPT.peek();
        if (reply == null) {
            throw new IllegalStateException("the test scripted no reply");
        }
        return reply.apply(request);
    }

    static String completion(Wire wire, String text) {
        Map<String, Object> body = wire == Wire.OPENAI
                ? Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "fake",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                        "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20))
                : Map.of("id", "msg_1", "type", "message", "role", "assistant", "model", "fake",
                "content", List.of(Map.of("type", "text", "text", text)), "stop_reason", "end_turn",
                "usage", Map.of("input_tokens", 10, "output_tokens", 10));
        return json(body);
    }

    /** The SSE events of a streamed reply, each a complete "event:/data:" block. */
    static List<String> events(Wire wire, List<String> pieces) {
        List<String> events = new ArrayList<>();
        if (wire == Wire.OPENAI) {
            for (String piece : pieces) {
                events.add(data(json(Map.of("id", "chatcmpl-1", "object", "chat.completion.chunk", "created", 1, "model", "fake",
                        "choices", List.of(Map.of("index", 0, "delta", Map.of("content", piece)))))));
            }
            events.add(data(json(Map.of("id", "chatcmpl-1", "object", "chat.completion.chunk", "created", 1, "model", "fake",
                    "choices", List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "stop"))))));
            events.add(data("[DONE]"));
            return events;
        }
        events.add(event("message_start", json(Map.of("type", "message_start", "message", Map.of("id", "msg_1", "type", "message",
                "role", "assistant", "model", "fake", "content", List.of(), "usage", Map.of("input_tokens", 10, "output_tokens", 1))))));
        events.add(event("content_block_start", json(Map.of("type", "content_block_start", "index", 0,
                "content_block", Map.of("type", "text", "text", "")))));
        for (String piece : pieces) {
            events.add(event("content_block_delta", json(Map.of("type", "content_block_delta", "index", 0,
                    "delta", Map.of("type", "text_delta", "text", piece)))));
        }
        events.add(event("content_block_stop", json(Map.of("type", "content_block_stop", "index", 0))));
        events.add(event("message_delta", json(Map.of("type", "message_delta", "delta", Map.of("stop_reason", "end_turn"),
                "usage", Map.of("output_tokens", 10)))));
        events.add(event("message_stop", json(Map.of("type", "message_stop"))));
        return events;
    }

    private static String data(String data) {
        return "data: " + data + "\n\n";
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
