package dev.evidencebot.cli;

import dev.evidencebot.cli.SoakReport.Kind;
import dev.evidencebot.cli.SoakReport.Outcome;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's clients, one connection each, each looping until the deadline: askers and stream
 * readers on keep-alive connections, slow readers (one byte a second) and hang-ups (gone after
 * the first byte) on a fresh connection per question, raters and bad requests.
 */
final class SoakClients {

    private static final int CONNECT_MILLIS = 5_000;
    private static final int READ_MILLIS = 30_000;
    // A slow reader holds each stream this long (or to the deadline), then gives up, as a stalled tab would.
    private static final long SLOW_READ_NANOS = 15_000_000_000L;
    // Smallest receive window Linux allows (it doubles this): the server's writes back up sooner.
    private static final int SLOW_RECEIVE_BUFFER = 1024;
    // Ratings and bad requests are a small part of real traffic; without a pause three clients would out-post forty askers.
    private static final long THINK_MILLIS = 10;
    // After a failed connection: keeps a dead server from turning the loops into busy spins.
    private static final long BACKOFF_MILLIS = 100;
    private static final Pattern ANSWER_ID = Pattern.compile("^\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final InetSocketAddress server;
    private final List<byte[]> questions;
    private final long start;
    private final long deadline;
    private final AnswerIds answerIds = new AnswerIds(1024);
    private final List<BadRequests.Case> badRequests = BadRequests.all();

    SoakClients(InetSocketAddress server, List<String> questions, long start, long deadline) {
        this.server = server;
        this.questions = questions.stream().map(SoakClients::askBody).toList();
        this.start = start;
        this.deadline = deadline;
    }

    /** Runs one client of the given kind until the deadline; what it saw, request by request. */
    List<Outcome> run(Kind kind, int client) {
        List<Outcome> outcomes = new ArrayList<>();
        Connection connection = new Connection();
        try {
            for (int i = client; System.nanoTime() < deadline; i++) {
                switch (kind) {
                    case ASK -> outcomes.add(keepAlive(connection, Kind.ASK, "/api/ask", "application/json", question(i)));
                    case STREAM -> outcomes.add(keepAlive(connection, Kind.STREAM, "/api/ask/stream", "application/json", question(i)));
                    case SLOW_STREAM -> outcomes.add(slowStream(question(i)));
                    case HANG_UP -> outcomes.add(hangUp(question(i), i % 2 == 0));
                    case FEEDBACK -> outcomes.add(keepAlive(connection, Kind.FEEDBACK, "/api/feedback", "application/json", rating(i)));
                    case BAD_REQUEST -> {
                        BadRequests.Case bad = badRequests.get(i % badRequests.size());
                        outcomes.add(keepAlive(connection, Kind.BAD_REQUEST, bad.path(), bad.contentType(), bad.body()));
                    }
                }
                if (kind == Kind.FEEDBACK || kind == Kind.BAD_REQUEST) {
                    pause(THINK_MILLIS);
                }
                if (outcomes.get(outcomes.size() - 1).status() == 0) {
                    pause(BACKOFF_MILLIS);
                }
            }
        } finally {
            connection.drop();
        }
        return outcomes;
    }

    /** One request on the client's own keep-alive connection, reconnecting when the server closed it. */
    private Outcome keepAlive(Connection connection, Kind kind, String path, String contentType, byte[] body) {
        long sent = System.nanoTime();
        try {
            RawHttp http = connection.get();
            http.post(path, contentType, body);
            RawHttp.Head head = http.readHead();
            http.awaitByte(head);
            long firstByte = System.nanoTime();
            byte[] response = http.readBody(head);
            long done = System.nanoTime();
            if (head.closes()) {
                connection.drop();
            }
            String text = new String(response, StandardCharsets.UTF_8);
            if (kind == Kind.ASK && head.status() == 200) {
                Matcher id = ANSWER_ID.matcher(text);
                if (id.find()) {
                    answerIds.add(id.group(1));
                }
            }
            boolean stream = kind == Kind.STREAM;
            return new Outcome(kind, sent - start, head.status(), (stream ? firstByte : done) - sent,
                    stream && serverErrorEvent(text));
        } catch (IOException | RuntimeException e) {
            connection.drop();
            return new Outcome(kind, sent - start, 0, -1, false);
        }
    }

    /** A fresh connection with a tiny window, read one byte a second until the end, a time limit, or the deadline. */
    private Outcome slowStream(byte[] body) {
        long sent = System.nanoTime();
        try (RawHttp http = RawHttp.connect(server, READ_MILLIS, SLOW_RECEIVE_BUFFER)) {
            http.post("/api/ask/stream", "application/json", body);
            RawHttp.Head head = http.readHead();
            http.awaitByte(head);
            long firstByte = System.nanoTime();
            long giveUp = Math.min(deadline, firstByte + SLOW_READ_NANOS);
            while (System.nanoTime() < giveUp && http.readByte() >= 0) {
                pause(1000);
            }
            return new Outcome(Kind.SLOW_STREAM, sent - start, head.status(), firstByte - sent, false);
        } catch (IOException | RuntimeException e) {
            return new Outcome(Kind.SLOW_STREAM, sent - start, 0, -1, false);
        }
    }

    /** A fresh connection dropped after the first byte of the stream: reset half the time, closed the other half. */
    private Outcome hangUp(byte[] body, boolean reset) {
        long sent = System.nanoTime();
        RawHttp http = null;
        try {
            http = RawHttp.connect(server, READ_MILLIS, 0);
            http.post("/api/ask/stream", "application/json", body);
            RawHttp.Head head = http.readHead();
            http.awaitByte(head);
            return new Outcome(Kind.HANG_UP, sent - start, head.status(), System.nanoTime() - sent, false);
        } catch (IOException | RuntimeException e) {
            return new Outcome(Kind.HANG_UP, sent - start, 0, -1, false);
        } finally {
            if (http != null) {
                if (reset) {
                    http.abort();
                } else {
                    http.close();
                }
            }
        }
    }

    /** Three ratings in four name an answer the askers got; the fourth a made-up id (404 is the right answer). */
    private byte[] rating(int i) {
        String id = i % 4 == 3 ? null : answerIds.pick();
        String answerId = id != null ? id : "soak-unknown-" + UUID.randomUUID();
        String comment = i % 2 == 0 ? ", \"comment\": \"soak test rating\"" : "";
        return ("{\"answerId\": \"" + answerId + "\", \"rating\": \"" + (i % 3 == 0 ? "down" : "up") + "\"" + comment + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] question(int i) {
        return questions.get(Math.floorMod(i, questions.size()));
    }

    /** An `error` event whose status is a 5xx: the stream's way of saying 500 after its 200. */
    static boolean serverErrorEvent(String stream) {
        for (String event : stream.split("\n\n")) {
            if (event.contains("event: error") || event.contains("event:error")) {
                return event.matches("(?s).*\"status\"\\s*:\\s*5\\d\\d.*");
            }
        }
        return false;
    }

    private static byte[] askBody(String question) {
        String escaped = question.replace("\\", "\\\\").replace("\"", "\\\"");
        return ("{\"question\": \"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("soak client interrupted", e);
        }
    }

    /** A client's keep-alive connection, opened on first use and after every failure. */
    private final class Connection {
        private RawHttp http;

        RawHttp get() throws IOException {
            if (http == null) {
                http = RawHttp.connect(server, READ_MILLIS, 0);
            }
            return http;
        }

        void drop() {
            if (http != null) {
                http.close();
                http = null;
            }
        }
    }

    /** The last answer ids the askers got, for the raters: a fixed ring, so it never grows. */
    private static final class AnswerIds {
        private final AtomicReferenceArray<String> ring;
        private final AtomicLong written = new AtomicLong();

        AnswerIds(int size) {
            ring = new AtomicReferenceArray<>(size);
        }

        void add(String id) {
            ring.set((int) (written.getAndIncrement() % ring.length()), id);
        }

        String pick() {
            long filled = Math.min(written.get(), ring.length());
            return filled == 0 ? null : ring.get(ThreadLocalRandom.current().nextInt((int) filled));
        }
    }
}
