package dev.evidencebot.retrieval;

import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.index.Embedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads, reloads and restarts over a small corpus, counting what the model is asked to embed. */
class KnowledgeBaseTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COFFEE = "# Coffee and sleep\n\nCaffeine delayed sleep onset in adults [1].\n\n"
            + "## References\n\n1. Doe J. Caffeine and sleep: a randomized controlled trial. J Sleep. 2020;1:1-9.\n";
    private static final String TEA = "# Green tea\n\nGreen tea contains theanine. Theanine calmed students before exams [1].\n\n"
            + "## References\n\n1. Roe K. Theanine and exam stress in students. Nutr J. 2019;2:3-8.\n";
    private static final String COCOA = "# Cocoa\n\nCocoa flavanols raised blood flow in the brain [1].\n\n"
            + "## References\n\n1. Poe L. Cocoa flavanols and cerebral blood flow in older adults. Brain. 2018;3:4-9.\n";

    @TempDir
    Path work;

    @Test
    void aReloadEmbedsOnlyTheAddedArticleAndSwitchesToANewSnapshot() throws Exception {
        Path corpus = corpus(COFFEE, TEA);
        CountingEmbedder model = new CountingEmbedder();
        try (KnowledgeBase knowledgeBase = new KnowledgeBase(corpus, work.resolve("index"), model)) {
            KnowledgeBase.Loaded first = knowledgeBase.await(WAIT);
            int before = model.passages.get();
            Files.writeString(corpus.resolve("cocoa.md"), COCOA);

            KnowledgeBase.Loaded second = knowledgeBase.reload("test").get(60, TimeUnit.SECONDS);

            assertEquals(1, model.passages.get() - before, "only the cocoa sentence");
            assertNotSame(first, second);
            assertSame(second, knowledgeBase.await(Duration.ZERO));
            assertEquals(3, second.corpus().articles().size());
            assertEquals(2, first.corpus().articles().size(), "the old snapshot is left as it was");
            assertEquals("cocoa", second.retriever().retrieve("cocoa flavanols blood flow", 1).get(0).article().article().id());
            assertEquals(1, knowledgeBase.lastReload().changedArticles());
            assertTrue(knowledgeBase.lastReload().switched());
        }
    }

    @Test
    void aRestartOverAnUnchangedCorpusEmbedsNothingAndSeesFilesChangedWhileItWasDown() throws Exception {
        Path corpus = corpus(COFFEE, TEA);
        try (KnowledgeBase knowledgeBase = new KnowledgeBase(corpus, work.resolve("index"), new CountingEmbedder())) {
            knowledgeBase.await(WAIT);
        }

        CountingEmbedder restarted = new CountingEmbedder();
        try (KnowledgeBase knowledgeBase = new KnowledgeBase(corpus, work.resolve("index"), restarted)) {
            KnowledgeBase.Loaded loaded = knowledgeBase.await(WAIT);
            assertEquals(0, restarted.passages.get());
            assertFalse(loaded.report().rebuilt());
            assertEquals(2, loaded.corpus().articles().size());
        }

        Files.writeString(corpus.resolve("tea.md"), TEA.replace("before exams", "before their final exams"));
        Files.setLastModifiedTime(corpus.resolve("tea.md"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        CountingEmbedder again = new CountingEmbedder();
        try (KnowledgeBase knowledgeBase = new KnowledgeBase(corpus, work.resolve("index"), again)) {
            KnowledgeBase.Loaded loaded = knowledgeBase.await(WAIT);
            assertEquals(2, again.passages.get(), "the changed article's two sentences (a server's embedding cache spares the unchanged one)");
            assertTrue(passages(loaded).contains("Theanine calmed students before their final exams."),
                    passages(loaded).toString());
        }
    }

    @Test
    void aDamagedSnapshotIsIgnoredAndTheCorpusIsReadFromItsFiles() throws Exception {
        Path corpus = corpus(COFFEE, TEA);
        try (KnowledgeBase knowledgeBase = new KnowledgeBase(corpus, work.resolve("index"), new CountingEmbedder())) {
            knowledgeBase.await(WAIT);
        }
        Path snapshot = work.resolve("index.corpus");
        assertTrue(Files.isRegularFile(snapshot), "saved beside the index");
        Files.write(snapshot, new byte[]{1, 2, 3, 4});

        try (KnowledgeBase knowledgeBase = new KnowledgeBase(corpus, work.resolve("index"), new CountingEmbedder())) {
            assertEquals(2, knowledgeBase.await(WAIT).corpus().articles().size());
        }
    }

    @Test
    void aCuratorSidecarSavedLaterRegradesItsArticleOnReload() throws Exception {
        Path corpus = corpus(COFFEE, TEA);
        try (KnowledgeBase knowledgeBase = new KnowledgeBase(corpus, work.resolve("index"), new CountingEmbedder())) {
            assertEquals(EvidenceLevel.MODERATE, level(knowledgeBase.await(WAIT), "coffee"));

            Files.writeString(corpus.resolve("coffee.evidence.json"),
                    "{\"1\": {\"studyType\": \"ANIMAL\", \"note\": \"the full text is a mouse study\"}}");
            KnowledgeBase.Loaded reloaded = knowledgeBase.reload("test").get(60, TimeUnit.SECONDS);

            assertEquals(EvidenceLevel.PRECLINICAL, level(reloaded, "coffee"));
        }
    }

    private Path corpus(String... articles) throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        String[] names = {"coffee.md", "tea.md", "cocoa.md"};
        for (int i = 0; i < articles.length; i++) {
            Files.writeString(corpus.resolve(names[i]), articles[i]);
        }
        return corpus;
    }

    private static EvidenceLevel level(KnowledgeBase.Loaded loaded, String article) {
        for (GradedArticle graded : loaded.corpus().articles()) {
            if (graded.article().id().equals(article)) {
                return graded.references().get(1).level();
            }
        }
        throw new AssertionError("no article " + article);
    }

    private static List<String> passages(KnowledgeBase.Loaded loaded) {
        List<String> texts = new ArrayList<>();
        loaded.corpus().articles().forEach(a -> a.article().passages().forEach(p -> texts.add(p.text())));
        return texts;
    }

    /** Bag of words in 32 dimensions; counts the passages it embeds. */
    private static final class CountingEmbedder implements Embedder {
        final AtomicInteger passages = new AtomicInteger();

        @Override
        public int dimensions() {
            return 32;
        }

        @Override
        public String name() {
            return "counting-bag-of-words";
        }

        @Override
        public float[] embedQuery(String query) {
            return vector(query);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return texts.stream().map(CountingEmbedder::vector).toList();
        }

        private static float[] vector(String text) {
            float[] vector = new float[32];
            vector[0] = 0.01f;
            for (String word : text.toLowerCase().split("\\W+")) {
                if (!word.isEmpty()) {
                    vector[Math.floorMod(word.hashCode(), 32)] += 1;
                }
            }
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) Math.sqrt(norm);
            }
            return vector;
        }
    }
}
