package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Section;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.index.CachingEmbedder;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.index.IndexReport;
import dev.evidencebot.index.PassageIndex;
import dev.evidencebot.llm.Embedders;
import dev.evidencebot.retrieval.HybridRetriever;
import dev.evidencebot.retrieval.RetrievedPassage;
import dev.evidencebot.cli.BeirData.Query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Measures the product's retrieval on a BEIR data set (corpus.jsonl, queries.jsonl, qrels/*.tsv):
 * nDCG@10 and Recall@100 of BM25 alone, vectors alone and the RRF hybrid, and indexing speed.
 * It indexes through the same {@link PassageIndex} and ranks through the same {@link HybridRetriever}
 * as the product; a BEIR document is one article.
 *
 * <p>Unit: by default a document is ONE passage whose text is title + abstract (embedded up to the
 * model's 512-token window), because SciFact judges whole abstracts. {@code --unit sentence}
 * indexes the title and each sentence as passages and ranks a document by its best one (how the
 * product ranks claims); it was not measured on the full set for lack of time (about ten times more
 * texts to embed), so the document unit stays the default.
 */
public final class BeirBenchmark {

    private static final String USAGE = "usage: bench --beir DIR [--split test|train] [--json] [--model "
            + String.join("|", Embedders.NAMES) + "] [--unit document|sentence] [--sweep] [--index-dir DIR]";
    private static final int NDCG_CUTOFF = 10;
    private static final int RECALL_CUTOFF = 100;

    private final ObjectMapper json = new ObjectMapper();

    /** Scores of one retrieval mode over all judged queries. */
    record Scores(double ndcg10, double recall100) {
    }

    /** The three modes side by side. */
    record Result(Scores bm25, Scores vector, Scores hybrid) {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** Runs the benchmark; returns the process exit code (0 ok, 2 bad arguments or data). */
    public static int run(List<String> args, PrintStream out) {
        Path beir = null;
        String split = null;
        String model = Embedders.DEFAULT;
        String unit = "document";
        boolean asJson = false;
        boolean sweep = false;
        Path indexDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--beir" -> beir = Path.of(value(args, ++i, arg));
                case "--split" -> split = value(args, ++i, arg);
                case "--model" -> model = value(args, ++i, arg);
                case "--unit" -> unit = value(args, ++i, arg);
                case "--json" -> asJson = true;
                case "--sweep" -> sweep = true;
                // keeps the index on disk (outside the repo) so tuning runs reuse the embeddings
                case "--index-dir" -> indexDir = Path.of(value(args, ++i, arg));
                default -> {
                    out.println("unknown argument '" + arg + "'; " + USAGE);
                    return 2;
                }
            }
        }
        if (beir == null) {
            out.println("--beir DIR is required; " + USAGE);
            return 2;
        }
        if (!unit.equals("document") && !unit.equals("sentence")) {
            out.println("--unit must be document or sentence, got '" + unit + "'");
            return 2;
        }
        if (split == null) {
            split = Files.exists(beir.resolve("qrels/test.tsv")) ? "test" : "train";
        }
        try {
            return new BeirBenchmark().benchmark(beir, split, model, unit.equals("sentence"), asJson, sweep, indexDir, out);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
        }
        return args.get(i);
    }

    private int benchmark(Path beir, String split, String model, boolean sentences, boolean asJson,
                          boolean sweep, Path indexDir, PrintStream out) {
        List<Article> articles = readCorpus(beir.resolve("corpus.jsonl"), sentences);
        List<Query> queries = BeirData.queries(beir, split);
        List<GradedArticle> graded = new ArrayList<>(articles.size());
        for (Article article : articles) {
            graded.add(new GradedArticle(article, Map.of(), Map.of()));
        }
        GradedCorpus corpus = new GradedCorpus(graded, List.of());
        // the same on-disk cache as the server and the other benchmarks: a re-run embeds nothing
        Embedder embedder = CachingEmbedder.passagesAndQueries(Embedders.named(model), Path.of("data", "embeddings"));
        try (PassageIndex index = indexDir == null
                ? PassageIndex.inMemory(embedder)
                : PassageIndex.open(indexDir, embedder)) {
            IndexReport report = index.build(articles);
            if (!report.rebuilt() && !asJson) {
                out.println("(index reused from " + indexDir + "; documents/s below is not an indexing speed)");
            }
            double docsPerSecond = articles.size() * 1000.0 / Math.max(1, report.millis());
            if (sweep) {
                sweep(index, corpus, queries, out);
                return 0;
            }
            HybridRetriever.Settings settings = HybridRetriever.Settings.DEFAULTS;
            Result result = evaluate(index, corpus, queries, settings);
            if (asJson) {
                out.printf(Locale.ROOT, "{\"ndcg10\": {\"bm25\": %.4f, \"vector\": %.4f, \"hybrid\": %.4f}, "
                                + "\"recall100\": {\"bm25\": %.4f, \"vector\": %.4f, \"hybrid\": %.4f}, "
                                + "\"docsPerSecond\": %.1f}%n",
                        result.bm25().ndcg10(), result.vector().ndcg10(), result.hybrid().ndcg10(),
                        result.bm25().recall100(), result.vector().recall100(), result.hybrid().recall100(),
                        docsPerSecond);
            } else {
                out.printf(Locale.ROOT, "BEIR %s, split %s, %d documents (%d passages), %d judged queries, model %s%n",
                        beir.getFileName(), split, articles.size(), report.passages(), queries.size(), embedder.name());
                out.printf(Locale.ROOT, "%-8s %8s %11s%n", "", "nDCG@10", "Recall@100");
                out.printf(Locale.ROOT, "%-8s %8.4f %11.4f%n", "bm25", result.bm25().ndcg10(), result.bm25().recall100());
                out.printf(Locale.ROOT, "%-8s %8.4f %11.4f%n", "vector", result.vector().ndcg10(), result.vector().recall100());
                out.printf(Locale.ROOT, "%-8s %8.4f %11.4f%n", "hybrid", result.hybrid().ndcg10(), result.hybrid().recall100());
                out.printf(Locale.ROOT, "indexing: %.1f documents/s (%d ms end to end)%n", docsPerSecond, report.millis());
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the in-memory index", e);
        }
    }

    /**
     * Evaluates the three modes from one hybrid retrieval per query: BM25 alone and vectors alone are
     * the hybrid's candidates re-sorted by their own rank, so all three share one code path.
     */
    static Result evaluate(PassageIndex index, GradedCorpus corpus, List<Query> queries,
                           HybridRetriever.Settings settings) {
        // each side must reach 100 candidates for Recall@100 of the single retrievers
        HybridRetriever retriever = new HybridRetriever(index, corpus,
                settings.withDepth(Math.max(settings.depth(), RECALL_CUTOFF)));
        double[] sums = new double[6];
        for (Query query : queries) {
            List<RetrievedPassage> results = retriever.retrieve(query.text(), Integer.MAX_VALUE);
            List<String> hybrid = documents(results);
            List<String> bm25 = documents(byOwnRank(results, RetrievedPassage::lexicalRank));
            List<String> vector = documents(byOwnRank(results, RetrievedPassage::vectorRank));
            sums[0] += ndcg(bm25, query.relevant());
            sums[1] += ndcg(vector, query.relevant());
            sums[2] += ndcg(hybrid, query.relevant());
            sums[3] += recall(bm25, query.relevant());
            sums[4] += recall(vector, query.relevant());
            sums[5] += recall(hybrid, query.relevant());
        }
        int n = Math.max(1, queries.size());
        return new Result(new Scores(sums[0] / n, sums[3] / n), new Scores(sums[1] / n, sums[4] / n),
                new Scores(sums[2] / n, sums[5] / n));
    }

    private void sweep(PassageIndex index, GradedCorpus corpus, List<Query> queries, PrintStream out) {
        HybridRetriever.Settings base = HybridRetriever.Settings.DEFAULTS;
        out.println("k1 b title section rrfK wLex wVec | ndcg bm25 vector hybrid | recall bm25 vector hybrid");
        // a coarse grid: each point retrieves every query once (seconds, the embeddings are reused)
        for (float k1 : new float[] {0.9f, 1.2f}) {
            for (float b : new float[] {0.75f}) {
                for (float title : new float[] {0f, 0.3f}) {
                    for (int rrfK : new int[] {20, 60}) {
                        for (double wVec : new double[] {1.0, 1.3}) {
                            HybridRetriever.Settings settings = new HybridRetriever.Settings(base.depth(), rrfK,
                                    1.0, wVec, k1, b, HybridRetriever.Settings.orderedBoosts(1f, title, 0.3f));
                            Result r = evaluate(index, corpus, queries, settings);
                            out.printf(Locale.ROOT, "%.2f %.2f %.1f %.1f %d %.1f %.1f | %.4f %.4f %.4f | %.4f %.4f %.4f%n",
                                    k1, b, title, 0.3f, rrfK, 1.0, wVec,
                                    r.bm25().ndcg10(), r.vector().ndcg10(), r.hybrid().ndcg10(),
                                    r.bm25().recall100(), r.vector().recall100(), r.hybrid().recall100());
                        }
                    }
                }
            }
        }
    }

    private static List<RetrievedPassage> byOwnRank(List<RetrievedPassage> results,
                                                    ToIntFunction<RetrievedPassage> rank) {
        List<RetrievedPassage> found = new ArrayList<>();
        for (RetrievedPassage result : results) {
            if (rank.applyAsInt(result) > 0) {
                found.add(result);
            }
        }
        found.sort(Comparator.comparingInt(rank));
        return found;
    }

    /** Passages to documents, best first: a document ranks where its best passage ranks. */
    private static List<String> documents(List<RetrievedPassage> results) {
        Set<String> documents = new LinkedHashSet<>();
        for (RetrievedPassage result : results) {
            documents.add(result.passage().articleId());
        }
        return new ArrayList<>(documents);
    }

    /** Binary-relevance nDCG@10, as BEIR's pytrec_eval computes it for 0/1 judgments. */
    static double ndcg(List<String> ranking, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(NDCG_CUTOFF, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(NDCG_CUTOFF, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    static double recall(List<String> ranking, Set<String> relevant) {
        int found = 0;
        for (int i = 0; i < Math.min(RECALL_CUTOFF, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) {
                found++;
            }
        }
        return relevant.isEmpty() ? 0 : (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private List<Article> readCorpus(Path file, boolean sentences) {
        List<Article> articles = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode doc = json.readTree(line);
                String id = BeirData.required(doc, "_id", file, lineNumber);
                String title = doc.path("title").asText("");
                String text = doc.path("text").asText("");
                articles.add(article(id, title, text, sentences, file.getFileName().toString(), lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BEIR corpus " + file, e);
        }
        return articles;
    }

    private static Article article(String id, String title, String text, boolean sentences, String source, int line) {
        List<String> texts = new ArrayList<>();
        if (sentences) {
            BreakIterator splitter = BreakIterator.getSentenceInstance(Locale.ROOT);
            splitter.setText(text);
            for (int start = splitter.first(), end = splitter.next(); end != BreakIterator.DONE;
                 start = end, end = splitter.next()) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    texts.add(sentence);
                }
            }
            texts.add(0, title);  // the title is a claim of its own and often the best match
        } else {
            texts.add(title.isEmpty() ? text : title + ". " + text);
        }
        List<Passage> passages = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            passages.add(new Passage(id + "#" + i, id, i, null, 0, line, texts.get(i), List.of()));
        }
        return new Article(id, source, Article.Format.JSON_LINES, title, null, null, null,
                List.of(new Section(title, List.of(text))), passages, List.of());
    }

}
