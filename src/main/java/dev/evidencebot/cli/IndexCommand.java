package dev.evidencebot.cli;

import dev.evidencebot.index.IndexReport;
import dev.evidencebot.index.ProgressLog;
import dev.evidencebot.retrieval.BuildProgress;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.context.ApplicationContext;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * `index`: brings the index in step with the corpus (only added and changed articles are
 * embedded) and reports what it did. In a terminal it shows a progress bar per phase; in a pipe
 * or a log a plain line every few seconds.
 */
final class IndexCommand implements Command {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);
    /** The phases worth a bar, and what each counts. */
    private static final Map<String, String> COUNTED = Map.of(BuildProgress.INDEXING, "passages", BuildProgress.ABSTRACT_VECTORS, "abstracts");

    @Override
    public int run(List<String> args, PrintStream out) {
        long start = System.nanoTime();
        try (ApplicationContext context = Contexts.start()) {
            KnowledgeBase knowledgeBase = context.getBean(KnowledgeBase.class);
            KnowledgeBase.Loaded loaded = awaitShowingProgress(knowledgeBase, out, System.console() != null);
            IndexReport report = loaded.report();
            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            out.printf("index %s: %d articles, %d passages, %d corpus problems%n",
                    report.rebuilt() ? "updated" : "reused (corpus unchanged)", report.articles(), report.passages(),
                    loaded.corpus().problems().size());
            out.printf("%d articles written, %d removed, %d passages embedded%n",
                    report.changedArticles(), report.removedArticles(), report.embeddedPassages());
            out.printf("index time %d ms (total including model load %d ms); content hash %s%n",
                    report.millis(), totalMillis, report.hash());
            loaded.corpus().problems().forEach(problem ->
                    out.printf("  problem %s:%d: %s%n", problem.file(), problem.line(), problem.message()));
            return 0;
        }
    }

    /** Waits for the knowledge base, showing its progress as it goes. */
    static KnowledgeBase.Loaded awaitShowingProgress(KnowledgeBase knowledgeBase, PrintStream out, boolean terminal) {
        String phase = null;
        ProgressLog lines = null;
        ProgressBar bar = null;
        try {
            while (true) {
                try {
                    return knowledgeBase.await(POLL);
                } catch (KnowledgeBase.NotReadyException e) {
                    if (knowledgeBase.failure() != null) {
                        throw e;
                    }
                }
                BuildProgress progress = knowledgeBase.progress();
                if (progress == null || !COUNTED.containsKey(progress.phase())) {
                    continue;
                }
                String unit = COUNTED.get(progress.phase());
                if (!progress.phase().equals(phase)) {
                    phase = progress.phase();
                    lines = new ProgressLog(phase, unit, out::println, LINE_EVERY);
                    if (bar != null) {
                        bar.close();
                        bar = null;
                    }
                }
                if (!terminal) {
                    lines.advanced(progress.done(), progress.total());
                    continue;
                }
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(progress.total())
                            .setUnit(" " + unit, 1).showSpeed().setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis((int) POLL.toMillis()).build();
                }
                bar.maxHint(progress.total());
                bar.stepTo(progress.done());
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
