package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Citation;
import dev.evidencebot.answer.Question;
import dev.evidencebot.cli.BeirData.Query;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * `bench --answerability DIR`: does the bot answer when the corpus answers, and abstain when it
 * does not, on a data set nobody here wrote? The judged queries are split in two with a fixed
 * seed: for the "present" half the documents that answer them stay in the corpus, for the
 * "withheld" half every one of them is removed. The corpus is then read, graded, indexed and
 * asked through the product's own pipeline (the same AnswerService as every door).
 *
 * <p>The figures are also given for the questions `calibrate` never fitted on
 * ({@link CalibrateCommand#heldOut}), since the rest were part of the relevance model's training.
 */
final class AnswerabilityBenchmark {

    private static final String USAGE = "usage: bench --answerability DIR [--split NAME] [--json] [--with CORPUS_DIR] "
            + "[--data DIR] [--limit N] [--failures FILE]";
    /** Fixed, so the halves are the same on every run and every machine. */
    static final long SPLIT_SEED = 20261130L;

    private AnswerabilityBenchmark() {
    }

    /** One question's outcome. */
    private record Outcome(Query query, boolean present, boolean answered, boolean citedJudged, int cited,
                           int citedJudgedCount, long nanos, String answer) {

        boolean right() {
            return present ? citedJudged : !answered;
        }
    }

    /** The figures for a set of outcomes. */
    record Figures(int present, int withheld, double presentCited, double withheldAbstained, double accuracy,
                   double citationPrecision, double p50Ms) {
    }

    record Report(String dataset, String split, int documents, int skippedPresent, Figures all, Figures heldOut) {
    }

    static int run(List<String> args, PrintStream out) throws IOException {
        Path beir = null;
        String split = null;
        boolean asJson = false;
        Path with = null;
        Path data = Path.of("data");
        int limit = Integer.MAX_VALUE;
        Path failures = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--answerability" -> beir = Path.of(value(args, ++i, arg));
                case "--split" -> split = value(args, ++i, arg);
                case "--json" -> asJson = true;
                case "--with" -> with = Path.of(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--limit" -> limit = Integer.parseInt(value(args, ++i, arg));
                // every question the bot got wrong, with its answer, to read why
                case "--failures" -> failures = Path.of(value(args, ++i, arg));
                default -> throw new Cli.UsageException("unknown argument '" + arg + "'; " + USAGE);
            }
        }
        if (beir == null || !Files.isDirectory(beir)) {
            throw new Cli.UsageException("--answerability needs a BEIR directory (corpus.jsonl, queries.jsonl, qrels/); got " + beir);
        }
        String chosenSplit = split != null ? split : BeirData.defaultSplit(beir);
        Report report = measure(beir, chosenSplit, with, data, limit, asJson ? null : out, failures);
        if (asJson) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            print(report, out);
        }
        return 0;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new Cli.UsageException(flag + " needs a value; " + USAGE);
        }
        return args.get(i);
    }

    static Report measure(Path beir, String split, Path with, Path data, int limit, PrintStream progress, Path failures)
            throws IOException {
        List<Query> queries = new ArrayList<>(BeirData.queries(beir, split));
        Collections.shuffle(queries, new Random(SPLIT_SEED));
        if (queries.size() > limit) {
            queries = queries.subList(0, limit);
        }
        List<Query> present = new ArrayList<>();
        List<Query> withheld = new ArrayList<>();
        halves(queries, present, withheld);
        Set<String> removed = new HashSet<>();
        withheld.forEach(query -> removed.addAll(query.relevant()));
        // Halves are dealt by groups of questions that share a document, so none should be lost; count any that are.
        int before = present.size();
        present.removeIf(query -> removed.containsAll(query.relevant()));
        int skipped = before - present.size();

        Path work = Files.createTempDirectory("evidence-bot-answerability");
        try {
            Path corpus = Files.createDirectories(work.resolve("corpus"));
            int documents = BeirData.writeCorpus(beir, removed, corpus);
            if (with != null) {
                try (Stream<Path> files = Files.list(with)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(file, corpus.resolve(file.getFileName()));
                    }
                }
            }
            Map<String, Object> properties = Map.of(
                    "corpus.path", corpus.toString(),
                    "index.path", work.resolve("index").toString(),
                    "data.path", data.toString());
            try (ApplicationContext context = Contexts.start(properties)) {
                if (progress != null) {
                    progress.printf("reading, grading and indexing %d documents (embeddings cached under %s)...%n",
                            documents, data.resolve("embeddings"));
                }
                Contexts.loaded(context);
                AnswerService answers = context.getBean(AnswerService.class);
                List<Outcome> outcomes = new ArrayList<>();
                for (Query query : present) {
                    outcomes.add(ask(answers, query, true));
                }
                for (Query query : withheld) {
                    outcomes.add(ask(answers, query, false));
                }
                if (failures != null) {
                    List<String> lines = new ArrayList<>();
                    for (Outcome outcome : outcomes) {
                        if (!outcome.right()) {
                            lines.add("## " + (outcome.present() ? "present, not cited" : "withheld, answered") + ": "
                                    + outcome.query().id() + " " + outcome.query().text() + " (judged " + outcome.query().relevant() + ")");
                            lines.add(outcome.answer());
                            lines.add("");
                        }
                    }
                    Files.write(failures, lines);
                }
                List<Outcome> heldOut = outcomes.stream().filter(o -> CalibrateCommand.heldOut(o.query().id())).toList();
                return new Report(beir.getFileName().toString(), split, documents, skipped, figures(outcomes), figures(heldOut));
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (UncheckedIOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    /**
     * Deals the questions into two halves so that questions sharing a judged document land in the
     * same half (SciFact has several claims per abstract): withholding one question's documents
     * then never removes the answer of a question that should find it. Groups are dealt in their
     * shuffled order, each to the smaller half.
     */
    static void halves(List<Query> queries, List<Query> present, List<Query> withheld) {
        Map<String, Integer> groupOfDocument = new java.util.HashMap<>();
        List<List<Query>> groups = new ArrayList<>();
        List<Integer> parent = new ArrayList<>();
        for (Query query : queries) {
            int group = groups.size();
            groups.add(new ArrayList<>(List.of(query)));
            parent.add(group);
            for (String document : query.relevant()) {
                Integer other = groupOfDocument.putIfAbsent(document, group);
                if (other != null) {
                    union(parent, group, other);
                }
            }
        }
        Map<Integer, List<Query>> merged = new java.util.LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            merged.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).addAll(groups.get(i));
        }
        for (List<Query> group : merged.values()) {
            (present.size() <= withheld.size() ? present : withheld).addAll(group);
        }
    }

    private static int find(List<Integer> parent, int i) {
        while (parent.get(i) != i) {
            parent.set(i, parent.get(parent.get(i)));
            i = parent.get(i);
        }
        return i;
    }

    private static void union(List<Integer> parent, int a, int b) {
        parent.set(find(parent, a), find(parent, b));
    }

    private static Outcome ask(AnswerService answers, Query query, boolean present) {
        long start = System.nanoTime();
        Answer answer = answers.answer(Question.of(query.text()));
        long nanos = System.nanoTime() - start;
        int judged = 0;
        for (Citation citation : answer.citations()) {
            if (query.relevant().contains(citation.article().id())) {
                judged++;
            }
        }
        return new Outcome(query, present, !answer.abstained(), judged > 0, answer.citations().size(), judged, nanos,
                answer.answer());
    }

    private static Figures figures(List<Outcome> outcomes) {
        int present = 0;
        int cited = 0;
        int withheld = 0;
        int abstained = 0;
        int citations = 0;
        int judgedCitations = 0;
        List<Long> nanos = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            nanos.add(outcome.nanos());
            citations += outcome.cited();
            judgedCitations += outcome.citedJudgedCount();
            if (outcome.present()) {
                present++;
                cited += outcome.citedJudged() ? 1 : 0;
            } else {
                withheld++;
                abstained += outcome.answered() ? 0 : 1;
            }
        }
        Collections.sort(nanos);
        double p50 = nanos.isEmpty() ? 0 : nanos.get(nanos.size() / 2) / 1e6;
        return new Figures(present, withheld, share(cited, present), share(abstained, withheld),
                share(cited + abstained, present + withheld), citations == 0 ? 1 : (double) judgedCitations / citations, p50);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static void print(Report report, PrintStream out) {
        out.printf(Locale.ROOT, "%s, split %s: %d documents in the corpus%s%n", report.dataset(), report.split(),
                report.documents(), report.skippedPresent() == 0 ? ""
                        : "; " + report.skippedPresent() + " present questions skipped (their documents answer a withheld one too)");
        print("all questions", report.all(), out);
        print("never used by calibrate", report.heldOut(), out);
    }

    private static void print(String label, Figures figures, PrintStream out) {
        out.printf(Locale.ROOT, "%s (%d present, %d withheld):%n", label, figures.present(), figures.withheld());
        out.printf(Locale.ROOT, "  present questions answered citing a judged document  %5.1f%%%n", 100 * figures.presentCited());
        out.printf(Locale.ROOT, "  withheld questions abstained on                      %5.1f%%%n", 100 * figures.withheldAbstained());
        out.printf(Locale.ROOT, "  accuracy over both                                   %5.1f%%%n", 100 * figures.accuracy());
        out.printf(Locale.ROOT, "  citation precision (cited documents that are judged) %5.1f%%%n", 100 * figures.citationPrecision());
        out.printf(Locale.ROOT, "  p50 answer latency                                   %5.1f ms%n", figures.p50Ms());
    }
}
