package dev.evidencebot.replicas;

import dev.evidencebot.redis.LocalRedis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One replica: the bot's own main class in a JVM of its own, on the test's class path, with its
 * own data directory (index, embedding cache) and whatever shared settings the test gives it.
 */
record Replica(String name, int port, Process process, Path log) {

    static Replica start(String name, Path data, Map<String, String> settings) throws IOException {
        Files.createDirectories(data);
        int port = LocalRedis.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.evidencebot.Application"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = data.resolve("replica.log");
        builder.redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.putAll(settings);
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        environment.put("MICRONAUT_ENV_DEDUCTION", "false"); // a replica, not a test: no application-test.yml
        environment.put("DATA_PATH", data.toString());
        environment.put("INDEX_PATH", data.resolve("index").toString());
        return new Replica(name, port, builder.start(), log);
    }

    void awaitHealthy(Duration limit) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("replica " + name + " exited: " + tail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        fail("replica " + name + " not healthy within " + limit + ": " + tail());
    }

    /** As a crash or an OOM kill would: no shutdown hooks, connections cut mid-request. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            kill();
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
