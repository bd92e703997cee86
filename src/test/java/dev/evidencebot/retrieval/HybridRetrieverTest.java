package dev.evidencebot.retrieval;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Section;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.index.Embedder;
import dev.evidencebot.index.PassageIndex;
import dev.evidencebot.llm.Embedders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Over a real embedding model: the point is what vectors find that words do not, and the reverse. */
class HybridRetrieverTest {

    private static Embedder embedder;
    private static PassageIndex index;
    private static GradedCorpus corpus;

    /** Paragraphs of sentences; passage ids are "{id}#{ordinal}" counted across paragraphs. */
    private static GradedArticle article(String id, String title, String section, List<List<String>> paragraphs) {
        List<Passage> passages = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int ordinal = 0;
        for (int p = 0; p < paragraphs.size(); p++) {
            for (String sentence : paragraphs.get(p)) {
                passages.add(new Passage(id + "#" + ordinal, id, ordinal, section, p, ordinal + 1, sentence, List.of()));
                ordinal++;
            }
            texts.add(String.join(" ", paragraphs.get(p)));
        }
        Article article = new Article(id, id + ".md", Article.Format.MARKDOWN, title, null, null, null,
                List.of(new Section(section, texts)), passages, List.of());
        return new GradedArticle(article, Map.of(), Map.of());
    }

    @BeforeAll
    static void buildIndex() {
        corpus = new GradedCorpus(List.of(
                article("sleep", "Sleep research roundup", "Insomnia", List.of(
                        List.of("Melatonin shortened sleep onset latency in insomniac adults.",
                                "The effect was largest in older participants.",
                                "Side effects were mild and transient."),
                        List.of("Blue light in the evening delays circadian rhythms."))),
                article("semax", "Semax studies", "Memory", List.of(
                        List.of("The HIPPO-7 trial enrolled forty healthy volunteers.",
                                "Participants received an intranasal peptide for ten days."),
                        List.of("Rats given the peptide learned the water maze more quickly.",
                                "Anxiety-like behaviour decreased in the elevated plus maze."))),
                article("heart", "Cardiology notes", "Exercise", List.of(
                        List.of("Regular aerobic exercise lowers resting blood pressure.",
                                "Statins reduce LDL cholesterol by about a third.")))),
                List.of());
        embedder = Embedders.named(Embedders.DEFAULT);
        index = PassageIndex.inMemory(embedder);
        index.build(corpus);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static RetrievedPassage find(List<RetrievedPassage> results, String passageId) {
        return results.stream().filter(r -> r.passage().id().equals(passageId)).findFirst()
                .orElseThrow(() -> new AssertionError(passageId + " not retrieved: " + results));
    }

    @Test
    void aParaphraseSharingNoWordIsFoundByVectorsAlone() {
        // given: no indexed word of the melatonin sentence survives analysis of this question
        HybridRetriever retriever = new HybridRetriever(index, corpus);

        // when
        List<RetrievedPassage> results = retriever.retrieve("How can I fall asleep faster?", 3);

        // then
        RetrievedPassage top = results.get(0);
        assertEquals("sleep#0", top.passage().id());
        assertEquals(0, top.lexicalRank());
        assertEquals(1, top.vectorRank());
        assertFalse(top.foundLexically());
    }

    @Test
    void anExactRareTermIsFoundByBm25() {
        // given
        HybridRetriever retriever = new HybridRetriever(index, corpus);

        // when
        List<RetrievedPassage> results = retriever.retrieve("What did HIPPO-7 show?", 5);

        // then
        RetrievedPassage trial = find(results, "semax#0");
        assertEquals(1, trial.lexicalRank());
        assertTrue(trial.lexicalScore() > 0);
        assertEquals("semax#0", results.get(0).passage().id());
    }

    @Test
    void contextIsTheNeighbouringSentencesOfTheSameParagraphOnly() {
        // given
        HybridRetriever retriever = new HybridRetriever(index, corpus);

        // when
        List<RetrievedPassage> results = retriever.retrieve("older participants", 10);

        // then: a middle sentence gets both neighbours; a paragraph's last sentence only its predecessor
        RetrievedPassage middle = find(results, "sleep#1");
        assertEquals(List.of("sleep#0", "sleep#2"), middle.context().stream().map(Passage::id).toList());
        assertEquals("Melatonin shortened sleep onset latency in insomniac adults. "
                        + "The effect was largest in older participants. Side effects were mild and transient.",
                middle.contextText());
        RetrievedPassage last = find(results, "sleep#2");
        assertEquals(List.of("sleep#1"), last.context().stream().map(Passage::id).toList());
        RetrievedPassage alone = find(results, "sleep#3");
        assertEquals(List.of(), alone.context());
        assertEquals("sleep", middle.article().article().id());
    }

    @Test
    void queryParserSyntaxIsJustText() {
        // given
        HybridRetriever retriever = new HybridRetriever(index, corpus);

        // when / then: neither parser syntax nor a question of stop words only throws
        List<RetrievedPassage> hostile = assertDoesNotThrow(
                () -> retriever.retrieve("what about \"AND OR ) ( * ? ~ ^ : [ \\", 5));
        List<RetrievedPassage> stopWords = assertDoesNotThrow(() -> retriever.retrieve("the and of", 5));
        assertEquals(5, hostile.size());
        assertTrue(stopWords.stream().noneMatch(RetrievedPassage::foundLexically));
        assertEquals(5, stopWords.size(), "the vector side still answers");
    }

    @Test
    void similarityIsTheCosineEvenForAPassageOnlyBm25Found() {
        // given: one candidate per side, so BM25's pick and the vector side's pick can differ
        HybridRetriever retriever = new HybridRetriever(index, corpus, HybridRetriever.Settings.DEFAULTS.withDepth(1));
        List<String> questions = List.of("statins cholesterol", "transient side effects", "forty volunteers",
                "elevated anxiety", "evening blue light", "ten days intranasal");

        // when
        List<RetrievedPassage> bm25Only = new ArrayList<>();
        for (String question : questions) {
            float[] query = embedder.embedQuery(question);
            for (RetrievedPassage result : retriever.retrieve(question, 10)) {
                // then: every similarity equals the cosine computed directly from the model
                float[] passage = embedder.embedPassages(List.of(result.passage().text())).get(0);
                double cosine = 0;
                for (int i = 0; i < query.length; i++) {
                    cosine += query[i] * passage[i];
                }
                assertEquals(cosine, result.similarity(), 1e-4, question + " -> " + result.passage().id());
                if (result.foundLexically() && !result.foundByVector()) {
                    bm25Only.add(result);
                }
            }
        }
        assertFalse(bm25Only.isEmpty(), "no question produced a BM25-only result, so the check above missed that case");
    }

    @Test
    void limitCapsTheResultsAndScoresDescend() {
        // given
        HybridRetriever retriever = new HybridRetriever(index, corpus);

        // when
        List<RetrievedPassage> results = retriever.retrieve("peptide maze learning in rats", 4);

        // then
        assertEquals(4, results.size());
        for (int i = 1; i < results.size(); i++) {
            assertTrue(results.get(i - 1).fusedScore() >= results.get(i).fusedScore());
        }
        assertEquals("semax#2", results.get(0).passage().id());
    }
}
