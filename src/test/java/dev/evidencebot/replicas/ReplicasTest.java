package dev.evidencebot.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.redis.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two replicas of the bot, each its own JVM with its own index, behind HAProxy (round robin), sharing
 * Redis (conversations, rate-limit buckets) and PostgreSQL (question log, feedback): real parts,
 * started here on free ports. What a site that outgrows one machine relies on: a follow-up may land
 * on either replica, a limit is one limit, feedback lands in one table, and losing a replica under
 * load costs only the requests it had in flight.
 *
 * <p>Needs haproxy and redis-server (Debian packages) and a PostgreSQL server (TEST_POSTGRES_URL);
 * .ci/run provides all three. Without them it is skipped, saying what to install; with CI=true it
 * fails instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    private static final String PG_URL = System.getenv("TEST_POSTGRES_URL");
    private static final String PG_USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final int BURST = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path work;
    private static LocalRedis redis;
    private static String schema;
    private static final List<Replica> replicas = new ArrayList<>();
    private static Process haproxy;
    private static URI balancer;

    @BeforeAll
    static void start() throws Exception {
        require(Files.isExecutable(HAPROXY), "haproxy is not installed (apt-get install haproxy)");
        require(PG_URL != null && !PG_URL.isBlank(), "TEST_POSTGRES_URL is not set (install postgresql and point it at a "
                + "database, or run .ci/run, which starts a throwaway server)");
        work = Files.createTempDirectory("evidence-bot-replicas");
        redis = LocalRedis.start();
        schema = "replicas_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        for (String name : List.of("r1", "r2")) {
            replicas.add(Replica.start(name, work.resolve(name), Map.ofEntries(
                    Map.entry("REDIS_URL", redis.url()),
                    Map.entry("DATASOURCE_URL", PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema),
                    Map.entry("DATASOURCE_USERNAME", PG_USER),
                    Map.entry("DATASOURCE_PASSWORD", PG_PASSWORD),
                    // HAProxy adds X-Forwarded-For from loopback; the test poses as visitors behind it
                    Map.entry("TRUSTED_PROXIES", "127.0.0.1"),
                    Map.entry("RATE_LIMIT_PER_MINUTE", "20"),
                    Map.entry("RATE_LIMIT_BURST", Integer.toString(BURST)),
                    // both replicas hash a visitor's address the same way
                    Map.entry("QUESTIONS_SALT", "replicas-test"),
                    Map.entry("CORPUS_PATH", Path.of("corpus").toAbsolutePath().toString()),
                    Map.entry("CORPUS_WATCH", "false"))));
        }
        for (Replica replica : replicas) {
            replica.awaitHealthy(Duration.ofSeconds(180));
        }
        int port = LocalRedis.freePort();
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, haproxyConfig(port, replicas));
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        balancer = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (get("/health").statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // haproxy still starting
            }
            if (!haproxy.isAlive() || System.nanoTime() > deadline) {
                fail("haproxy did not start: " + Files.readString(work.resolve("haproxy.log")));
            }
            Thread.sleep(100);
        }
    }

    /** Round robin over both, health-checked often so a dead replica leaves the rotation within a second. */
    static String haproxyConfig(int port, List<Replica> replicas) {
        StringBuilder servers = new StringBuilder();
        for (Replica replica : replicas) {
            servers.append("    server ").append(replica.name()).append(" 127.0.0.1:").append(replica.port())
                    .append(" check inter 250ms fall 1 rise 2\n");
        }
        return """
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    retries 2
                    option redispatch
                    retry-on conn-failure empty-response
                frontend bot
                    bind 127.0.0.1:%d
                    option forwardfor
                    default_backend replicas
                    http-response set-header X-Replica %%[srv_name]
                backend replicas
                    balance roundrobin
                    option httpchk GET /health
                    http-check expect status 200
                %s""".formatted(port, servers);
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (Replica replica : replicas) {
            replica.stop();
        }
        if (redis != null) {
            redis.close();
        }
        if (schema != null) {
            try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement sql = admin.createStatement()) {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void aFollowUpAnsweredByTheOtherReplicaContinuesTheConversation() throws Exception {
        HttpResponse<String> first = ask("What did the fMRI study find?", null, "198.51.100.1");
        String conversationId = JSON.readTree(first.body()).get("conversationId").asText();

        HttpResponse<String> followUp = ask("Was that in humans?", conversationId, "198.51.100.1");
        if (replica(followUp).equals(replica(first))) { // round robin; another visitor's request may have come between
            followUp = ask("Was that in humans?", conversationId, "198.51.100.1");
        }

        assertNotEquals(replica(first), replica(followUp), "the follow-up went to the other replica");
        JsonNode answer = JSON.readTree(followUp.body());
        assertFalse(answer.get("abstained").asBoolean(), answer.toString());
        List<Integer> references = new ArrayList<>();
        answer.get("citations").forEach(citation -> references.add(citation.at("/reference/number").asInt()));
        assertEquals(List.of(7), references, "on the fMRI study the first replica answered from");
        JsonNode alone = JSON.readTree(ask("Was that in humans?", null, "198.51.100.2").body());
        assertTrue(alone.get("abstained").asBoolean(), "without the conversation there is nothing to lean on");
    }

    @Test
    @Order(2)
    void theRateLimitHoldsAcrossBothReplicas() throws Exception {
        String visitor = "203.0.113.50";
        int allowed = 0;
        int refused = 0;
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < BURST * 2; i++) {
            HttpResponse<String> response = ask("Does Semax reduce anxiety?", null, visitor);
            servedBy.add(replica(response));
            if (response.statusCode() == 200) {
                allowed++;
            } else {
                assertEquals(429, response.statusCode(), response.body());
                assertTrue(response.headers().firstValue("Retry-After").isPresent());
                refused++;
            }
        }

        assertTrue(servedBy.contains("r1") && servedBy.contains("r2"), "both replicas answered: " + servedBy);
        // one limit, not two: at most one request more than the burst gets through (a take racing the other replica's)
        assertTrue(allowed >= BURST && allowed <= BURST + 1, allowed + " allowed of " + (BURST * 2));
        assertEquals(BURST * 2 - allowed, refused);
    }

    @Test
    @Order(3)
    void feedbackPostedToBothReplicasLandsInOneTable() throws Exception {
        List<String> answerIds = new ArrayList<>();
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> asked = ask("Does Semax improve memory?", null, "198.51.100." + (10 + i));
            assertEquals(200, asked.statusCode(), asked.body());
            answerIds.add(JSON.readTree(asked.body()).get("id").asText());
        }
        for (int i = 0; i < 2; i++) {
            // rated at once, maybe on the replica that did not answer: its log row may not be written yet
            HttpResponse<String> rated = post("/api/feedback", "{\"answerId\":\"" + answerIds.get(i) + "\",\"rating\":\""
                    + (i == 0 ? "up" : "down") + "\"}", "198.51.100.20");
            assertEquals(201, rated.statusCode(), rated.body());
            servedBy.add(replica(rated));
        }

        assertEquals(2, servedBy.stream().distinct().count(), "posted to both replicas: " + servedBy);
        try (Connection connection = DriverManager.getConnection(PG_URL + (PG_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, PG_USER, PG_PASSWORD); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT f.answer_id, f.rating, a.question FROM feedback f JOIN answers a "
                     + "ON a.id = f.answer_id ORDER BY f.rating DESC")) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
            assertEquals(List.of(answerIds.get(0) + " up Does Semax improve memory?",
                    answerIds.get(1) + " down Does Semax improve memory?"), found);
        }
    }

    @Test
    @Order(4)
    void killingOneReplicaUnderLoadLeavesTheOtherAnswering() throws Exception {
        int callers = 6;
        AtomicLong sent = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger afterKill = new AtomicInteger();
        AtomicInteger failedAfterSettling = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                running.add(pool.submit(() -> {
                    int i = 0;
                    while (System.nanoTime() < deadline) {
                        // a different visitor each time: this test is about availability, not limits
                        String visitor = "10." + caller + "." + (i / 250) + "." + (i++ % 250);
                        long started = System.nanoTime();
                        boolean ok;
                        try {
                            ok = ask("Does Semax reduce anxiety?", null, visitor).statusCode() == 200;
                        } catch (IOException e) {
                            ok = false;
                        }
                        sent.incrementAndGet();
                        if (!ok) {
                            failed.incrementAndGet();
                            if (started > killedAt.get() + Duration.ofSeconds(2).toNanos()) {
                                failedAfterSettling.incrementAndGet();
                            }
                        } else if (started > killedAt.get()) {
                            afterKill.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(2000);
            killedAt.set(System.nanoTime());
            replicas.get(1).kill();
            for (Future<?> caller : running) {
                caller.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.printf("replica killed under load: %d requests, %d failed, %d answered after the kill%n",
                sent.get(), failed.get(), afterKill.get());
        assertTrue(afterKill.get() > 20, "the other replica kept answering: " + afterKill.get());
        assertTrue(failed.get() <= callers, failed.get() + " failed of " + sent.get()
                + ": no more than the " + callers + " requests that can have been in flight");
        assertEquals(0, failedAfterSettling.get(), "once the balancer saw the replica gone, nothing failed");
    }

    private static String replica(HttpResponse<String> response) {
        return response.headers().firstValue("X-Replica").orElse("?");
    }

    private static HttpResponse<String> ask(String question, String conversationId, String visitor)
            throws IOException, InterruptedException {
        String body = conversationId == null ? JSON.writeValueAsString(Map.of("question", question))
                : JSON.writeValueAsString(Map.of("question", question, "conversationId", conversationId));
        return post("/api/ask", body, visitor);
    }

    private static HttpResponse<String> post(String path, String body, String visitor) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(balancer.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-For", visitor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(balancer.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void require(boolean present, String why) {
        if (!present) {
            String message = "the multi-replica test needs haproxy, redis-server and PostgreSQL: " + why;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
