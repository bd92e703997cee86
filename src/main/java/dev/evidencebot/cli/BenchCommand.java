package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Question;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.index.IndexReport;
import dev.evidencebot.index.PassageIndex;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * `bench`: answer latency in process and over HTTP on loopback with 8 concurrent clients (or
 * {@code --clients N}: 1 measures the answer path alone, 8 saturates two cores), answers
 * per second, index build time, heap and RSS, for the configured corpus. `bench --beir DIR`
 * measures retrieval quality on a BEIR data set instead. Every loop is bounded in time and count.
 */
final class BenchCommand implements Command {

    private static final int DEFAULT_CLIENTS = 8;
    private static final int IN_PROCESS_ANSWERS = 2000;
    private static final int MAX_HTTP_REQUESTS = 200_000;
    private static final List<String> FALLBACK_QUESTIONS = List.of(
            "Does Semax reduce anxiety?", "What happened in the stroke study?", "Does Semax cure cancer?",
            "What did the fMRI study find?", "How fast does NGF expression rise after Semax?",
            "What is Semax derived from?", "Does Semax improve memory?", "How much Semax should I take?");

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        if (args.contains("--answerability")) {
            return AnswerabilityBenchmark.run(args, out);
        }
        if (args.contains("--beir")) {
            return BeirBenchmark.run(args, out);
        }
        if (args.contains("--reload")) {
            return ReloadBenchmark.run(args, out);
        }
        if (args.contains("--embed")) {
            return EmbedBenchmark.run(args, out);
        }
        if (args.contains("--soak")) {
            return SoakBenchmark.run(args, out);
        }
        if (args.contains("--startup")) {
            return StartupBenchmark.run(args, out);
        }
        if (args.contains("--verify")) {
            return VerifyBenchmark.run(questions(), out);
        }
        int seconds = intOption(args, "--seconds", 10);
        int clients = intOption(args, "--clients", DEFAULT_CLIENTS);
        if (clients < 1 || clients > 256) {
            throw new IllegalArgumentException("--clients takes 1 to 256, not " + clients);
        }
        List<String> questions = questions();
        long start = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("micronaut.server.port", -1,
                        // 8 clients on one loopback address measure the server, not the rate limits
                        "rate-limit.enabled", false)).start()) {
            KnowledgeBase.Loaded loaded = Contexts.loaded(context);
            AnswerService answers = context.getBean(AnswerService.class);
            answers.answer(Question.of(questions.get(0)));
            out.printf("corpus: %d articles, %d passages; %d distinct questions; ready to answer in %d ms%n",
                    loaded.corpus().articles().size(), loaded.report().passages(), questions.size(),
                    (System.nanoTime() - start) / 1_000_000);

            IndexReport rebuild = rebuildIndex(loaded, context.getBean(Embedder.class));
            out.printf("index build (from scratch, embeddings included): %d ms for %d passages%n",
                    rebuild.millis(), rebuild.passages());

            List<Long> inProcess = new ArrayList<>();
            for (int i = 0; i < IN_PROCESS_ANSWERS; i++) {
                long t = System.nanoTime();
                answers.answer(Question.of(questions.get(i % questions.size())));
                inProcess.add(System.nanoTime() - t);
            }
            report(out, "in process, 1 caller", inProcess.subList(inProcess.size() / 4, inProcess.size()), 0);

            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            try {
                URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/ask");
                loadOverHttp(uri, questions, clients, Math.max(1, seconds / 5));
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                long logCpuBefore = loggingCpuNanos();
                long elapsed = loadOverHttp(uri, questions, clients, seconds, latencies);
                report(out, "HTTP loopback, " + clients + (clients == 1 ? " client" : " clients"), latencies, elapsed);
                long logCpu = loggingCpuNanos() - logCpuBefore;
                out.printf("question log: %.0f ms of CPU on its own threads (writer, vectors, database), %.0f us per answer%n",
                        logCpu / 1e6, logCpu / 1e3 / Math.max(1, latencies.size()));
            } finally {
                server.stop();
            }
            memory(out);
            return 0;
        }
    }

    private static IndexReport rebuildIndex(KnowledgeBase.Loaded loaded, Embedder embedder) throws IOException {
        Path directory = Files.createTempDirectory("evidence-bot-bench-index");
        try (PassageIndex index = PassageIndex.open(directory, embedder)) {
            return index.build(loaded.corpus());
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void loadOverHttp(URI uri, List<String> questions, int clients, int seconds) throws Exception {
        loadOverHttp(uri, questions, clients, seconds, Collections.synchronizedList(new ArrayList<>()));
    }

    /**
     * Runs the given number of callers for the given time; returns the elapsed nanoseconds. The callers use
     * {@link JsonPost} (keep-alive, one blocking request at a time): they share two cores with the
     * server they measure, so the lightest client the JDK has.
     */
    private static long loadOverHttp(URI uri, List<String> questions, int clients, int seconds, List<Long> latencies)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        URL url = uri.toURL();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                callers.add(pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < deadline && sent.incrementAndGet() <= MAX_HTTP_REQUESTS) {
                        byte[] body = json.writeValueAsBytes(Map.of("question", questions.get(i++ % questions.size())));
                        long t = System.nanoTime();
                        int status = JsonPost.send(url, body, 5000);
                        latencies.add(System.nanoTime() - t);
                        if (status != 200) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " HTTP answers were not 200");
        }
        return System.nanoTime() - start;
    }

    /**
     * CPU time so far of the threads that keep the question log (they work off the answer path, but
     * on a saturated machine their CPU is the answers' latency), where the JVM can measure it.
     */
    private static long loggingCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long total = 0;
        for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("question-") || thread.getThreadName().startsWith("H2 ")
                    || thread.getThreadName().startsWith("H2-") || thread.getThreadName().startsWith("MVStore"))) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    private static void report(PrintStream out, String label, List<Long> latencies, long elapsedNanos) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        String rate = elapsedNanos > 0 ? String.format(", %.0f answers/s", sorted.size() / (elapsedNanos / 1e9)) : "";
        out.printf("%s: %d answers, p50 %.2f ms, p99 %.2f ms%s%n", label, sorted.size(), p50, p99, rate);
    }

    private static void memory(PrintStream out) throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = "unknown";
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = line.substring("VmRSS:".length()).strip();
                }
            }
        }
        out.printf("heap used after GC: %d MB; RSS of this process (server and load clients together): %s%n",
                heap / (1024 * 1024), rss);
    }

    static List<String> questions() throws IOException {
        if (!Files.isRegularFile(EvalCommand.DEFAULT_FILE)) {
            return FALLBACK_QUESTIONS;
        }
        List<String> questions = new ArrayList<>();
        EvalCommand.read(EvalCommand.DEFAULT_FILE).forEach(evalCase -> questions.add(evalCase.question()));
        return questions.isEmpty() ? FALLBACK_QUESTIONS : questions;
    }

    static int intOption(List<String> args, String name, int fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new Cli.UsageException(name + " needs a number");
        }
        try {
            return Integer.parseInt(args.get(at + 1));
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(name + " needs a number, got " + args.get(at + 1));
        }
    }
}
