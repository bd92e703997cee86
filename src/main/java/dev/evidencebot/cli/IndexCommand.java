package dev.evidencebot.cli;

import dev.evidencebot.index.IndexReport;
import dev.evidencebot.retrieval.KnowledgeBase;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.List;

/** `index`: builds the index, or reuses it when the corpus is unchanged, and reports what it did. */
final class IndexCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out) {
        long start = System.nanoTime();
        try (ApplicationContext context = Contexts.start()) {
            KnowledgeBase.Loaded loaded = Contexts.loaded(context);
            IndexReport report = loaded.report();
            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            out.printf("index %s: %d articles, %d passages, %d corpus problems%n",
                    report.rebuilt() ? "rebuilt" : "reused (corpus unchanged)", report.articles(), report.passages(),
                    loaded.corpus().problems().size());
            out.printf("index time %d ms (total including model load %d ms); content hash %s%n",
                    report.millis(), totalMillis, report.hash());
            loaded.corpus().problems().forEach(problem ->
                    out.printf("  problem %s:%d: %s%n", problem.file(), problem.line(), problem.message()));
            return 0;
        }
    }
}
