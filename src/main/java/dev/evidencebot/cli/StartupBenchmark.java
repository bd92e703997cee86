package dev.evidencebot.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * `bench --startup [--runs N] [--jvm-args "..."]`: starts the server as a separate process, the way
 * the README runs it, and times from launch to the first 200 from /api/ask. The first launch
 * builds the index if needed and is not counted, so the figures are "with the index already built".
 */
final class StartupBenchmark {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final byte[] QUESTION = "{\"question\": \"Does Semax reduce anxiety?\"}".getBytes(StandardCharsets.UTF_8);

    private StartupBenchmark() {
    }

    static int run(List<String> args, java.io.PrintStream out) throws Exception {
        int runs = BenchCommand.intOption(args, "--runs", 3);
        List<String> command = serverCommand(args);
        out.println("launch: " + String.join(" ", command));
        firstAnswerMillis(command);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long elapsed = firstAnswerMillis(command);
            millis.add(elapsed);
            out.printf("run %d: first answer %d ms after launch%n", i + 1, elapsed);
        }
        Collections.sort(millis);
        out.printf("start to first answer (index already built), %d runs: median %d ms, best %d ms, worst %d ms%n",
                runs, millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1));
        return 0;
    }

    /**
     * The command that starts the server from the running jar, with this JVM's java and the
     * {@code --jvm-args "..."} given (default -Xmx256m, as the README runs it).
     */
    static List<String> serverCommand(List<String> args) throws java.net.URISyntaxException {
        int at = args.indexOf("--jvm-args");
        String jvmArgs = at >= 0 && at + 1 < args.size() ? args.get(at + 1) : "-Xmx256m";
        Path jar = Path.of(StartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        for (String arg : jvmArgs.trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", jar.toString(), "dev.evidencebot.Application"));
        return command;
    }

    private static long firstAnswerMillis(List<String> command) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        // the polls until the first answer would otherwise spend the loopback client's burst
        builder.environment().put("RATE_LIMIT_ENABLED", "false");
        URL url = URI.create("http://127.0.0.1:" + port + "/api/ask").toURL();
        long start = System.nanoTime();
        Process server = builder.start();
        try {
            long deadline = start + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server exited with status " + server.exitValue());
                }
                if (answers(url)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("no answer within " + LIMIT);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static boolean answers(URL url) {
        try {
            return JsonPost.send(url, QUESTION, 500) == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
