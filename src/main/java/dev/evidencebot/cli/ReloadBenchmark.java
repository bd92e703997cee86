package dev.evidencebot.cli;

import dev.evidencebot.answer.Answer;
import dev.evidencebot.answer.AnswerService;
import dev.evidencebot.answer.Citation;
import dev.evidencebot.answer.Question;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * `bench --reload --article FILE --question TEXT [--runs N]`: how long after an article file lands
 * in the configured corpus directory its answer is served, and how long after it is deleted the
 * answer is gone, through the same watcher and reload the server uses. The file is moved in whole
 * (as `ingest` and most deploy tools do), and questions are asked every 20 ms meanwhile.
 */
final class ReloadBenchmark {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private ReloadBenchmark() {
    }

    static int run(List<String> args, PrintStream out) throws Exception {
        Path article = Path.of(option(args, "--article"));
        String question = option(args, "--question");
        int runs = BenchCommand.intOption(args, "--runs", 3);
        String name = article.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        Path corpus = Contexts.corpusDirectory();
        Path landed = corpus.resolve(name);
        if (Files.exists(landed)) {
            out.println("the corpus already has " + landed + "; choose an article it does not have");
            return 2;
        }
        try (ApplicationContext context = Contexts.start(Map.of("corpus.watch", "true"))) {
            KnowledgeBase knowledgeBase = context.getBean(KnowledgeBase.class);
            KnowledgeBase.Loaded loaded = IndexCommand.awaitShowingProgress(knowledgeBase, out, false);
            AnswerService answers = context.getBean(AnswerService.class);
            out.printf("corpus %s: %d articles, %d passages%n", corpus, loaded.corpus().articles().size(),
                    loaded.report().passages());
            if (cites(answers.answer(Question.of(question)), id)) {
                out.println("the question is already answered from " + id + " before it was added");
                return 2;
            }
            List<Long> added = new ArrayList<>();
            List<Long> removed = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path staging = Files.createTempFile(corpus, ".bench-", ".tmp"); // hidden: the corpus ignores it
                Files.copy(article, staging, StandardCopyOption.REPLACE_EXISTING);
                long start = System.nanoTime();
                Files.move(staging, landed, StandardCopyOption.ATOMIC_MOVE);
                added.add(until(answers, question, id, true, start));
                start = System.nanoTime();
                Files.delete(landed);
                removed.add(until(answers, question, id, false, start));
                out.printf("run %d: answerable %d ms after landing, gone %d ms after deletion%n",
                        run, added.get(run - 1), removed.get(run - 1));
            }
            Collections.sort(added);
            Collections.sort(removed);
            out.printf("added article answerable: median %d ms, worst %d ms; deleted article gone: median %d ms, worst %d ms (%d runs)%n",
                    added.get(runs / 2), added.get(runs - 1), removed.get(runs / 2), removed.get(runs - 1), runs);
            return 0;
        } finally {
            Files.deleteIfExists(landed);
        }
    }

    private static long until(AnswerService answers, String question, String id, boolean cited, long start)
            throws InterruptedException {
        while (System.nanoTime() - start < LIMIT.toNanos()) {
            if (cites(answers.answer(Question.of(question)), id) == cited) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the answer did not change within " + LIMIT);
    }

    private static boolean cites(Answer answer, String id) {
        for (Citation citation : answer.citations()) {
            if (citation.article() != null && id.equals(citation.article().id())) {
                return true;
            }
        }
        return false;
    }

    private static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            throw new IllegalArgumentException("bench --reload needs " + name);
        }
        return args.get(at + 1);
    }
}
