package dev.evidencebot.cli;

import dev.evidencebot.answer.Source;
import dev.evidencebot.answer.Verification;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.retrieval.KnowledgeBase;
import dev.evidencebot.retrieval.RetrievedPassage;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * `bench --verify`: the latency the sentence gate adds to a model's answer. Model-like answers
 * are built over the sources retrieval finds for each question (a paraphrase of each source with
 * its marker, an invented marker, an unsupported claim, an evidence line and a sources list, as
 * models write them), then each is verified {@link #RUNS} times in total.
 */
final class VerifyBenchmark {

    static final int RUNS = 10_000;
    private static final int SOURCES = 4;

    private VerifyBenchmark() {
    }

    static int run(List<String> questions, PrintStream out) {
        try (ApplicationContext context = Contexts.start()) {
            KnowledgeBase.Loaded loaded = Contexts.loaded(context);
            List<List<Source>> sourceSets = new ArrayList<>();
            List<List<String>> answers = new ArrayList<>();
            for (String question : questions) {
                List<Source> sources = sources(loaded.retriever().retrieve(question, SOURCES));
                if (!sources.isEmpty()) {
                    sourceSets.add(sources);
                    answers.add(modelLikeAnswer(sources));
                }
            }
            if (answers.isEmpty()) {
                throw new IllegalStateException("retrieval found no sources for any benchmark question");
            }
            for (int i = 0; i < RUNS / 10; i++) { // warm-up
                Verification.verify(sourceSets.get(i % answers.size()), answers.get(i % answers.size()));
            }
            List<Long> latencies = new ArrayList<>();
            int sentences = 0;
            for (int i = 0; i < RUNS; i++) {
                List<String> answer = answers.get(i % answers.size());
                long start = System.nanoTime();
                Verification.verify(sourceSets.get(i % answers.size()), answer);
                latencies.add(System.nanoTime() - start);
                sentences += answer.size();
            }
            Collections.sort(latencies);
            out.printf("verification (sentence gate) over %d model-like answers, %d runs, %.1f sentences per answer: "
                            + "p50 %.3f ms, p99 %.3f ms per answer%n", answers.size(), RUNS, (double) sentences / RUNS,
                    latencies.get(RUNS / 2) / 1e6, latencies.get((int) Math.ceil(RUNS * 0.99) - 1) / 1e6);
            return 0;
        }
    }

    private static List<Source> sources(List<RetrievedPassage> retrieved) {
        List<Source> sources = new ArrayList<>();
        for (RetrievedPassage passage : retrieved) {
            Passage claim = passage.passage();
            int marker = claim.cited() ? claim.markers().get(0) : 0;
            var reference = claim.cited() ? passage.article().article().reference(marker) : null;
            Grading grading = reference == null ? Grading.uncited() : passage.article().citation(claim, marker);
            sources.add(new Source(sources.size() + 1, passage, reference, grading));
        }
        return sources;
    }

    private static List<String> modelLikeAnswer(List<Source> sources) {
        List<String> sentences = new ArrayList<>();
        for (Source source : sources) {
            String[] words = source.passageText().replaceAll("\\(\\d+\\)", "").split("\\s+");
            sentences.add(String.join(" ", Arrays.copyOf(words, Math.min(15, words.length))) + " [" + source.number() + "].");
        }
        sentences.add("It also cures baldness in most adults [7].");
        sentences.add("Semax is approved for treating cancer in every country [1].");
        sentences.add("\n\n");
        sentences.add("Evidence level: high");
        sentences.add("Sources: [1] A trial (2020)");
        return sentences;
    }
}
