package dev.evidencebot.cli;

import dev.evidencebot.cli.SoakReport.Kind;
import dev.evidencebot.cli.SoakReport.Outcome;
import dev.evidencebot.cli.SoakReport.Sample;

import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * `bench --soak [--seconds N] [--connections N] [--jvm-args "..."] [--limits] [--corpus DIR]`:
 * starts the server as its own process (so the heap, RSS, threads and descriptors measured are
 * the server's, not the load's), then holds N connections on it (default 64) for N seconds
 * (default 60): askers, stream readers, slow readers, hang-ups, raters and bad requests. It reports
 * per kind the status classes and p50/p99, and the server's heap, RSS, threads and descriptors in
 * the first against the last 10 s. Exits 1 on any 5xx, any unexpected answer or a dead server.
 */
final class SoakBenchmark {

    /** The share of each kind in 64 connections; other counts are scaled from it. */
    private static final Map<Kind, Integer> MIX_OF_64 = new EnumMap<>(Map.of(Kind.ASK, 40, Kind.STREAM, 10,
            Kind.SLOW_STREAM, 4, Kind.HANG_UP, 4, Kind.FEEDBACK, 3, Kind.BAD_REQUEST, 3));
    private static final Duration READY_LIMIT = Duration.ofMinutes(5);
    private static final long WINDOW_NANOS = 10_000_000_000L;
    // In-flight requests finish within their read timeout (30 s); nothing waits longer than this after the deadline.
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(40);

    private SoakBenchmark() {
    }

    static int run(List<String> args, PrintStream out) throws Exception {
        int seconds = BenchCommand.intOption(args, "--seconds", 60);
        int connections = BenchCommand.intOption(args, "--connections", 64);
        if (seconds < 1 || seconds > 3600) {
            throw new Cli.UsageException("--seconds takes 1 to 3600, not " + seconds);
        }
        if (connections < MIX_OF_64.size() || connections > 1024) {
            throw new Cli.UsageException("--connections takes " + MIX_OF_64.size() + " to 1024, not " + connections);
        }
        boolean limits = args.contains("--limits");
        int corpusAt = args.indexOf("--corpus");
        Path corpus = corpusAt >= 0 && corpusAt + 1 < args.size() ? Path.of(args.get(corpusAt + 1)) : null;
        Map<Kind, Integer> mix = mix(connections);
        List<String> questions = BenchCommand.questions();

        Path work = Files.createTempDirectory("evidence-bot-soak");
        Path log = work.resolve("server.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = StartupBenchmark.serverCommand(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("RATE_LIMIT_ENABLED", Boolean.toString(limits));
        // a fresh question-log database: the soak's tens of thousands of rows stay out of the real one
        env.put("DATA_PATH", work.resolve("data").toString());
        if (corpus != null) {
            env.put("CORPUS_PATH", corpus.toString());
            env.put("INDEX_PATH", work.resolve("index").toString());
        }
        String questionLog = env.getOrDefault("QUESTIONS_LOG", "true");
        out.println("launch: " + String.join(" ", command));
        out.printf("server: port %d, rate limits %s, question log %s (QUESTIONS_LOG), data %s, log %s%n", port,
                limits ? "ON (429s counted apart)" : "off (the soak measures load, not limits; --limits keeps them)",
                "false".equalsIgnoreCase(questionLog) ? "off" : "on", work.resolve("data"), log);

        Process server = builder.start();
        try {
            long readyMillis = awaitReady(server, port);
            out.printf("server ready in %d ms (a first start builds the index; not counted)%n", readyMillis);
            try (ServerProbe probe = ServerProbe.attach(server.pid())) {
                return soak(out, server, probe, port, seconds, mix, questions, limits, log);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            deleteTree(work.resolve("data"));
            deleteTree(work.resolve("index"));
        }
    }

    private static int soak(PrintStream out, Process server, ServerProbe probe, int port, int seconds,
                            Map<Kind, Integer> mix, List<String> questions, boolean limits, Path log) throws Exception {
        long liveBefore = probe.liveHeap();
        Sample idle = probe.sample(0);
        ServerProbe.Collections gcBefore = probe.collections();
        out.printf("before the soak, idle: heap after full GC %s MB, RSS %s MB, %s threads, %s fds (server figures by /proc and %s)%n",
                SoakReport.megabytes(liveBefore), SoakReport.megabytes(idle.rss()), SoakReport.count(idle.threads()),
                SoakReport.count(idle.fds()), probe.how());
        StringBuilder kinds = new StringBuilder();
        mix.forEach((kind, count) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(count).append(' ').append(kind.label));
        out.printf("soak: %d s, %d connections: %s; %d distinct questions%n", seconds,
                mix.values().stream().mapToInt(Integer::intValue).sum(), kinds, questions.size());

        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        SoakClients clients = new SoakClients(new InetSocketAddress("127.0.0.1", port), questions, start, deadline);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.add(probe.sample(System.nanoTime() - start)), 0, 1, TimeUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(mix.values().stream().mapToInt(Integer::intValue).sum());
        List<Future<List<Outcome>>> running = new ArrayList<>();
        mix.forEach((kind, count) -> {
            for (int c = 0; c < count; c++) {
                int client = c;
                running.add(pool.submit(() -> clients.run(kind, client)));
            }
        });
        boolean died = false;
        while (System.nanoTime() < deadline && !died) {
            Thread.sleep(200);
            died = !server.isAlive();
        }
        List<Outcome> outcomes = new ArrayList<>();
        long drainUntil = System.nanoTime() + DRAIN_LIMIT.toNanos();
        int stuck = 0;
        for (Future<List<Outcome>> client : running) {
            try {
                outcomes.addAll(client.get(Math.max(1, drainUntil - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException | ExecutionException e) {
                stuck++;
            }
        }
        pool.shutdownNow();
        sampler.shutdownNow();
        long elapsed = System.nanoTime() - start;
        died |= !server.isAlive();

        Thread.sleep(2000); // let the server close what the clients left, before counting what is still open
        Sample after = probe.sample(elapsed);
        long liveAfter = probe.liveHeap();
        ServerProbe.Collections gcAfter = probe.collections();
        return report(out, new Run(outcomes, new ArrayList<>(samples), mix, limits, elapsed, died, stuck),
                new Ends(liveBefore, idle, gcBefore, liveAfter, after, gcAfter), log);
    }

    /** What the load saw. */
    record Run(List<Outcome> outcomes, List<Sample> samples, Map<Kind, Integer> mix, boolean limits, long elapsedNanos,
               boolean died, int stuckClients) {
    }

    /** The server idle before the soak and idle again after it. */
    record Ends(long liveBefore, Sample before, ServerProbe.Collections gcBefore, long liveAfter, Sample after,
                ServerProbe.Collections gcAfter) {
    }

    private static int report(PrintStream out, Run run, Ends ends, Path log) throws IOException {
        Map<Kind, SoakReport.Row> rows = SoakReport.rows(run.outcomes(), run.limits());
        out.println();
        SoakReport.printTable(out, rows, run.mix());
        long window = Math.min(WINDOW_NANOS, run.elapsedNanos() / 2);
        long lastFrom = run.elapsedNanos() - window;
        List<Outcome> outcomes = run.outcomes();
        for (Kind kind : List.of(Kind.ASK, Kind.STREAM)) {
            List<Long> first = SoakReport.latencies(outcomes, kind, 0, window);
            List<Long> last = SoakReport.latencies(outcomes, kind, lastFrom, Long.MAX_VALUE);
            out.printf("%s %s, first %d s: p50 %.1f ms, p99 %.1f ms (%d); last %d s: p50 %.1f ms, p99 %.1f ms (%d)%n",
                    kind.label, kind.timed, window / 1_000_000_000L, SoakReport.percentileMillis(first, 0.5),
                    SoakReport.percentileMillis(first, 0.99), first.size(), window / 1_000_000_000L,
                    SoakReport.percentileMillis(last, 0.5), SoakReport.percentileMillis(last, 0.99), last.size());
        }
        int serverErrors = rows.values().stream().mapToInt(SoakReport.Row::serverErrors).sum();
        int unexpected = rows.values().stream().mapToInt(SoakReport.Row::unexpected).sum();
        long errorEvents = outcomes.stream().filter(Outcome::errorEvent).count();
        out.printf("5xx: %d (of which error events inside a 200 stream: %d); unexpected answers: %d; %.0f requests/s%n",
                serverErrors, errorEvents, unexpected, outcomes.size() / (run.elapsedNanos() / 1e9));

        out.println();
        List<Sample> samples = run.samples();
        out.printf("server, %d samples         first %2d s    last %2d s%n", samples.size(), window / 1_000_000_000L,
                window / 1_000_000_000L);
        windowLine(out, "heap used, mean (MB)", samples, window, lastFrom, Sample::heapUsed, true, false);
        windowLine(out, "heap used, max (MB)", samples, window, lastFrom, Sample::heapUsed, true, true);
        windowLine(out, "heap after GC, mean (MB)", samples, window, lastFrom, Sample::heapAfterGc, true, false);
        windowLine(out, "RSS, mean (MB)", samples, window, lastFrom, Sample::rss, true, false);
        windowLine(out, "RSS, max (MB)", samples, window, lastFrom, Sample::rss, true, true);
        windowLine(out, "threads, max", samples, window, lastFrom, sample -> sample.threads(), false, true);
        windowLine(out, "open fds, max", samples, window, lastFrom, sample -> sample.fds(), false, true);
        out.printf("idle before -> idle 2 s after: heap after full GC %s -> %s MB, RSS %s -> %s MB, threads %s -> %s, fds %s -> %s%n",
                SoakReport.megabytes(ends.liveBefore()), SoakReport.megabytes(ends.liveAfter()),
                SoakReport.megabytes(ends.before().rss()), SoakReport.megabytes(ends.after().rss()),
                SoakReport.count(ends.before().threads()), SoakReport.count(ends.after().threads()),
                SoakReport.count(ends.before().fds()), SoakReport.count(ends.after().fds()));
        if (ends.gcBefore().count() >= 0 && ends.gcAfter().count() >= 0) {
            out.printf("garbage collections during the soak: %d, %d ms in all%n",
                    ends.gcAfter().count() - ends.gcBefore().count(), ends.gcAfter().millis() - ends.gcBefore().millis());
        }
        SoakReport.LogSummary logged = SoakReport.summarize(Files.readAllLines(log));
        out.printf("server log: %d WARN, %d ERROR lines (%s)%n", logged.warnings(), logged.errors(), log);
        logged.exceptions().forEach((exception, count) -> out.printf("  %dx %s%n", count, exception));

        List<String> failures = new ArrayList<>();
        if (run.died()) {
            failures.add("the server died");
        }
        if (serverErrors > 0) {
            failures.add(serverErrors + " answers were 5xx");
        }
        if (unexpected > serverErrors) {
            failures.add((unexpected - serverErrors) + " answers were not what the request called for (see 'unexpected')");
        }
        if (run.stuckClients() > 0) {
            failures.add(run.stuckClients() + " clients did not finish within " + DRAIN_LIMIT.toSeconds() + " s of the end");
        }
        out.println(failures.isEmpty() ? "soak: PASS" : "soak: FAIL: " + String.join("; ", failures));
        return failures.isEmpty() ? 0 : 1;
    }

    private static void windowLine(PrintStream out, String label, List<Sample> samples, long window, long lastFrom,
                                   ToLongFunction<Sample> field, boolean bytes, boolean max) {
        long first = max ? SoakReport.max(samples, 0, window, field) : SoakReport.mean(samples, 0, window, field);
        long last = max ? SoakReport.max(samples, lastFrom, Long.MAX_VALUE, field)
                : SoakReport.mean(samples, lastFrom, Long.MAX_VALUE, field);
        out.printf("  %-26s %10s %10s%n", label, bytes ? SoakReport.megabytes(first) : SoakReport.count(first),
                bytes ? SoakReport.megabytes(last) : SoakReport.count(last));
    }

    /** The connections of each kind: 64 split 40/10/4/4/3/3, other counts in the same proportion, at least one each. */
    static Map<Kind, Integer> mix(int connections) {
        Map<Kind, Integer> mix = new EnumMap<>(Kind.class);
        int others = 0;
        for (Map.Entry<Kind, Integer> share : MIX_OF_64.entrySet()) {
            if (share.getKey() != Kind.ASK) {
                int count = Math.max(1, Math.round(connections * share.getValue() / 64f));
                mix.put(share.getKey(), count);
                others += count;
            }
        }
        mix.put(Kind.ASK, Math.max(1, connections - others));
        return mix;
    }

    /** Waits for /health to say 200 (the index is ready); returns the milliseconds since launch. */
    private static long awaitReady(Process server, int port) throws Exception {
        long start = System.nanoTime();
        long limit = start + READY_LIMIT.toNanos();
        var health = URI.create("http://127.0.0.1:" + port + "/health").toURL();
        while (System.nanoTime() < limit) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with status " + server.exitValue() + " before it was ready");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) health.openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not ready within " + READY_LIMIT);
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
