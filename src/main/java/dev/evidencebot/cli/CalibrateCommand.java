package dev.evidencebot.cli;

import dev.evidencebot.answer.RelevanceCalibration;
import dev.evidencebot.answer.RelevanceCalibration.LabelledQuestion;
import dev.evidencebot.answer.RelevanceCalibration.QuestionPairs;
import dev.evidencebot.answer.RelevanceModels;
import dev.evidencebot.cli.BeirData.Query;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * `calibrate`: fits the relevance decision ("does this passage answer this question") on labelled
 * questions, prints precision and recall across cross-validation folds and the curve around the
 * chosen operating point, and writes the model for the product to ship.
 *
 * <p>Sources of labelled questions: BEIR-layout data sets ({@code --beir DIR[:SPLIT]}, a candidate
 * answers when its document is judged for the query) and our own lay questions in the `eval`
 * format over a corpus of articles ({@code --questions FILE --corpus DIR}, a candidate answers when
 * it cites an expected reference; a question marked "abstain" has no answering candidate).
 * One question in five of every BEIR set is never used here ({@link #heldOut}), so that
 * `bench --answerability` can report figures on questions the model has not seen.
 */
final class CalibrateCommand implements Command {

    private static final String USAGE = "usage: calibrate [--beir DIR[:SPLIT]]... [--questions FILE [--corpus DIR]]... "
            + "[--out FILE] [--folds N] [--seed N] [--wrong-cost X] [--l2 X] [--data DIR]";
    /** Where the shipped model lives in the source tree. */
    static final Path SHIPPED = Path.of("src/main/resources/dev/evidencebot/answer/relevance-model.json");

    /** Questions kept out of every fit, one in five by a hash of the query id, the same on every machine. */
    static boolean heldOut(String queryId) {
        return Math.floorMod(queryId.hashCode(), 5) == 0;
    }

    private record QuestionSet(Path file, Path corpus) {
    }

    @Override
    public int run(List<String> args, PrintStream out) throws IOException {
        List<String> beirSets = new ArrayList<>();
        List<QuestionSet> questionSets = new ArrayList<>();
        Path outFile = SHIPPED;
        Path data = Path.of("data");
        int folds = 5;
        long seed = 7;
        double wrongCost = 2;
        double l2 = 1;
        Path dump = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--beir" -> beirSets.add(value(args, ++i, arg));
                case "--questions" -> questionSets.add(new QuestionSet(Path.of(value(args, ++i, arg)), Contexts.corpusDirectory()));
                case "--corpus" -> {
                    if (questionSets.isEmpty()) {
                        throw new Cli.UsageException("--corpus follows the --questions it belongs to; " + USAGE);
                    }
                    QuestionSet last = questionSets.remove(questionSets.size() - 1);
                    questionSets.add(new QuestionSet(last.file(), Path.of(value(args, ++i, arg))));
                }
                case "--out" -> outFile = Path.of(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--folds" -> folds = Integer.parseInt(value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--wrong-cost" -> wrongCost = Double.parseDouble(value(args, ++i, arg));
                case "--l2" -> l2 = Double.parseDouble(value(args, ++i, arg));
                // every (question, candidate) pair as CSV, for looking at the data with other tools
                case "--dump" -> dump = Path.of(value(args, ++i, arg));
                default -> throw new Cli.UsageException("unknown argument '" + arg + "'; " + USAGE);
            }
        }
        if (beirSets.isEmpty() && questionSets.isEmpty()) {
            throw new Cli.UsageException("calibrate needs labelled questions: --beir DIR or --questions FILE; " + USAGE);
        }
        if (folds < 2) {
            throw new Cli.UsageException("--folds must be at least 2");
        }
        List<QuestionPairs> primaryPairs = new ArrayList<>();
        List<QuestionPairs> articlePairs = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        String embedder = null;
        for (String set : beirSets) {
            int colon = set.lastIndexOf(':');
            Path beir = Path.of(colon > 0 ? set.substring(0, colon) : set);
            String split = colon > 0 ? set.substring(colon + 1) : BeirData.defaultSplit(beir);
            List<Query> queries = BeirData.queries(beir, split).stream().filter(q -> !heldOut(q.id())).toList();
            Path work = Files.createTempDirectory("evidence-bot-calibrate");
            try {
                Path corpus = Files.createDirectories(work.resolve("corpus"));
                int documents = BeirData.writeCorpus(beir, Set.of(), corpus);
                out.printf(Locale.ROOT, "%s:%s: %d documents, %d questions (held-out questions excluded)%n",
                        beir.getFileName(), split, documents, queries.size());
                try (ApplicationContext context = Contexts.start(Map.of("corpus.path", corpus.toString(),
                        "index.path", work.resolve("index").toString(), "data.path", data.toString()))) {
                    KnowledgeBase.Loaded loaded = Contexts.loaded(context);
                    embedder = context.getBean(Embedder.class).name();
                    List<LabelledQuestion> labelled = new ArrayList<>();
                    for (Query query : queries) {
                        labelled.add(new LabelledQuestion(beir.getFileName().toString(), query.id(), query.text(),
                                candidate -> query.relevant().contains(candidate.passage().articleId()), true));
                    }
                    primaryPairs.addAll(RelevanceCalibration.collect(loaded.corpus(), loaded.retriever(), labelled));
                }
                sources.add(beir.getFileName() + " " + split + " (" + queries.size() + " questions)");
            } finally {
                delete(work);
            }
        }
        for (QuestionSet set : questionSets) {
            List<EvalCommand.EvalCase> cases = EvalCommand.read(set.file());
            Path work = Files.createTempDirectory("evidence-bot-calibrate");
            try (ApplicationContext context = Contexts.start(Map.of("corpus.path", set.corpus().toString(),
                    "index.path", work.resolve("index").toString(), "data.path", data.toString()))) {
                KnowledgeBase.Loaded loaded = Contexts.loaded(context);
                embedder = context.getBean(Embedder.class).name();
                List<LabelledQuestion> labelled = new ArrayList<>();
                Set<String> conversations = new java.util.HashSet<>();
                for (EvalCommand.EvalCase evalCase : cases) {
                    if (evalCase.conversation() != null && !conversations.add(evalCase.conversation())) {
                        continue;  // a follow-up is judged with its conversation, which a pair cannot carry
                    }
                    if (!evalCase.abstain() && (evalCase.expectedReferences() == null || evalCase.expectedReferences().isEmpty())) {
                        continue;  // answered by an uncited sentence: which one is not labelled, so it is neither kind
                    }
                    Set<Integer> expected = Set.copyOf(evalCase.expectedReferences() == null ? List.of() : evalCase.expectedReferences());
                    labelled.add(new LabelledQuestion(set.file().toString(), evalCase.id(), evalCase.question(),
                            candidate -> !evalCase.abstain() && cites(candidate.passage(), expected)
                                    && (evalCase.article() == null || evalCase.article().equals(candidate.passage().articleId())),
                            false));
                }
                articlePairs.addAll(RelevanceCalibration.collect(loaded.corpus(), loaded.retriever(), labelled));
                sources.add(set.file() + " over " + set.corpus() + " (" + labelled.size() + " questions)");
            } finally {
                delete(work);
            }
        }
        String fittedOn = String.join("; ", sources) + String.format(Locale.ROOT,
                "; %d-fold cross-validation by question, seed %d, L2 %.2f, a wrong answer costs %.1f abstentions",
                folds, seed, l2, wrongCost);
        if (dump != null) {
            dump(dump, primaryPairs, articlePairs);
        }
        if (primaryPairs.isEmpty() || articlePairs.isEmpty()) {
            throw new Cli.UsageException("calibrate fits two models and needs both kinds of questions: --beir for "
                    + "primary sources (abstracts) and --questions for articles; " + USAGE);
        }
        out.println("== primary sources (abstracts): " + primaryPairs.size() + " questions");
        RelevanceCalibration.Result primary = RelevanceCalibration.fit(primaryPairs,
                RelevanceCalibration.PRIMARY_SOURCE_FEATURES, folds, seed, l2, wrongCost);
        print(primary, out);
        // An article's sentence is judged by what it says alone, and only lay questions over articles
        // teach that: an abstract's sentences are labelled by their whole document, an article's are not.
        out.println("== articles: " + articlePairs.size() + " lay questions");
        RelevanceCalibration.Result articles = RelevanceCalibration.fit(articlePairs,
                RelevanceCalibration.ARTICLE_FEATURES, folds, seed, l2, wrongCost);
        print(articles, out);
        new RelevanceModels(embedder, primary.model(), articles.model(), fittedOn).write(outFile);
        out.println("models written to " + outFile);
        return 0;
    }

    private static void dump(Path file, List<QuestionPairs> primary, List<QuestionPairs> articles) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("source,question,withholdable,rank,label," + String.join(",", RelevanceCalibration.PRIMARY_SOURCE_FEATURES));
        for (List<QuestionPairs> set : List.of(primary, articles)) {
            for (QuestionPairs question : set) {
                for (int i = 0; i < question.labels().size(); i++) {
                    StringBuilder line = new StringBuilder(question.source().replace(',', ' ')).append(',')
                            .append(question.id().replace(',', ' ')).append(',').append(question.withholdable())
                            .append(',').append(i).append(',').append(question.labels().get(i) ? 1 : 0);
                    for (double value : question.features().get(i)) {
                        line.append(',').append(String.format(Locale.ROOT, "%.5f", value));
                    }
                    lines.add(line.toString());
                }
            }
        }
        Files.write(file, lines);
    }

    private static boolean cites(Passage passage, Set<Integer> expected) {
        return passage.markers().stream().anyMatch(expected::contains);
    }

    private static void print(RelevanceCalibration.Result result, PrintStream out) {
        out.printf(Locale.ROOT, "%d questions, %d (question, passage) pairs%n", result.questions(), result.pairs());
        out.println("out-of-fold curve around the chosen operating point (threshold = least probability a passage needs):");
        for (dev.evidencebot.answer.OperatingPoint point : result.curve()) {
            if (Math.abs(point.threshold() - result.chosen().threshold()) <= 0.1 + 1e-9) {
                out.println((point == result.chosen() ? "* " : "  ") + point.format());
            }
        }
        out.println("per fold at the chosen point:");
        for (int i = 0; i < result.folds().size(); i++) {
            out.println("  fold " + (i + 1) + ": " + result.folds().get(i).format());
        }
        out.println("per source at the chosen point:");
        result.bySource().forEach((source, point) -> out.println("  " + source + ": " + point.format()));
        out.println("per source, the curve:");
        result.curveBySource().forEach((source, points) -> points.forEach(point -> out.println("  " + source + " " + point.format())));
        out.println("weights (standardized features): ");
        List<String> names = result.model().features();
        double[] weights = result.model().weights();
        for (int i = 0; i < names.size(); i++) {
            out.printf(Locale.ROOT, "  %-20s %+.3f%n", names.get(i), weights[i]);
        }
        out.printf(Locale.ROOT, "  %-20s %+.3f%n", "intercept", weights[weights.length - 1]);
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new Cli.UsageException(flag + " needs a value; " + USAGE);
        }
        return args.get(i);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
