package dev.evidencebot.cli;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.index.IndexReport;
import dev.evidencebot.index.PassageIndex;
import dev.evidencebot.index.ProgressLog;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * `bench --embed [--corpus DIR] [--limit N] [--batch N] [--build]`: the embedding model's raw
 * throughput on this machine, passages a second with nothing else running, on an even sample of
 * N of the corpus' passages: the ceiling for indexing. With --build it then builds a fresh index of the whole corpus (no embedding cache, a
 * temporary directory) and reports its throughput beside the ceiling.
 */
final class EmbedBenchmark {

    private EmbedBenchmark() {
    }

    static int run(List<String> args, PrintStream out) throws Exception {
        int at = args.indexOf("--corpus");
        Path directory = at >= 0 && at + 1 < args.size() ? Path.of(args.get(at + 1)) : Contexts.corpusDirectory();
        int limit = BenchCommand.intOption(args, "--limit", 4096);
        int batch = BenchCommand.intOption(args, "--batch", 256);
        long readStart = System.nanoTime();
        Corpus corpus = new CorpusReader().read(directory);
        List<Article> articles = corpus.articles();
        List<String> all = new ArrayList<>();
        for (Article article : articles) {
            for (Passage passage : article.passages()) {
                all.add(passage.text());
            }
        }
        int passages = all.size();
        // an even sample of the whole corpus, so its mix of short and long sentences is the build's
        List<String> texts = new ArrayList<>();
        double step = Math.max(1.0, (double) all.size() / limit);
        for (double i = 0; i < all.size() && texts.size() < limit; i += step) {
            texts.add(all.get((int) i));
        }
        out.printf("corpus %s: %d articles, %d passages, read in %d ms%n", directory, articles.size(), passages,
                (System.nanoTime() - readStart) / 1_000_000);
        if (texts.isEmpty()) {
            out.println("no passages to embed");
            return 1;
        }
        try (ApplicationContext context = Contexts.start()) {
            // the model itself, not the caching embedder the knowledge base wraps it in
            Embedder model = context.getBean(Embedder.class);
            model.embedPassages(texts.subList(0, Math.min(texts.size(), batch))); // load and warm the model
            long start = System.nanoTime();
            for (int from = 0; from < texts.size(); from += batch) {
                model.embedPassages(texts.subList(from, Math.min(texts.size(), from + batch)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double raw = texts.size() / seconds;
            out.printf("raw model (%s, batches of %d, %d cores): %d passages in %.1f s = %.0f passages/s%n",
                    model.name(), batch, Runtime.getRuntime().availableProcessors(), texts.size(), seconds, raw);
            if (args.contains("--build")) {
                build(articles, model, raw, out);
            }
        }
        return 0;
    }

    private static void build(List<Article> articles, Embedder model, double raw, PrintStream out) throws Exception {
        Path directory = Files.createTempDirectory("evidence-bot-embed-bench");
        try (PassageIndex index = PassageIndex.open(directory, model)) {
            ProgressLog progress = new ProgressLog("indexing", "passages", out::println, Duration.ofSeconds(10));
            long start = System.nanoTime();
            IndexReport report = index.build(articles, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = report.embeddedPassages() / seconds;
            out.printf("full index build (fresh index, no cache): %d passages in %.1f s = %.0f passages/s, %.0f%% of the raw model%n",
                    report.embeddedPassages(), seconds, rate, 100 * rate / raw);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
