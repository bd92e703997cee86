package dev.evidencebot.index;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Section;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageIndexTest {

    static Article article(String id, String title, String... sentences) {
        List<Passage> passages = new java.util.ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            passages.add(new Passage(id + "#" + i, id, i, "Findings", 0, i + 1, sentences[i], List.of()));
        }
        return new Article(id, id + ".md", Article.Format.MARKDOWN, title, null, null, null,
                List.of(new Section("Findings", List.of(String.join(" ", sentences)))), passages, List.of());
    }

    private final List<Article> articles = List.of(
            article("semax", "Semax research", "Semax raised BDNF in rats.", "It also lowered anxiety."),
            article("sleep", "Sleep and memory", "Sleep consolidates memory."));

    @Test
    void reopeningWithTheSameContentReusesTheIndexWithoutEmbedding(@TempDir Path dir) throws Exception {
        // given: an index built once
        FakeEmbedder embedder = new FakeEmbedder();
        IndexReport first;
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            first = index.build(articles);
        }
        int embeddedByFirstBuild = embedder.passagesEmbedded.get();

        // when: opened again over the same articles
        IndexReport second;
        List<IndexHit> hits;
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            second = index.build(articles);
            hits = index.search(new TermQuery(new Term(IndexFields.TEXT, "bdnf")), 10, null);
        }

        // then
        assertTrue(first.rebuilt());
        assertEquals(3, first.passages());
        assertEquals(2, first.articles());
        assertFalse(second.rebuilt());
        assertEquals(first.hash(), second.hash());
        assertEquals(3, embeddedByFirstBuild);
        assertEquals(3, embedder.passagesEmbedded.get(), "reuse must not embed again");
        assertEquals(List.of("semax#0"), hits.stream().map(IndexHit::passageId).toList());
    }

    @Test
    void changedPassageTextRebuildsAndTheOldTextIsGone(@TempDir Path dir) throws Exception {
        // given
        FakeEmbedder embedder = new FakeEmbedder();
        IndexReport first;
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            first = index.build(articles);
        }
        List<Article> edited = List.of(
                article("semax", "Semax research", "Semax raised NGF in rats.", "It also lowered anxiety."),
                articles.get(1));

        // when
        IndexReport second;
        List<IndexHit> oldWord;
        List<IndexHit> newWord;
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            second = index.build(edited);
            oldWord = index.search(new TermQuery(new Term(IndexFields.TEXT, "bdnf")), 10, null);
            newWord = index.search(new TermQuery(new Term(IndexFields.TEXT, "ngf")), 10, null);
        }

        // then: rebuilt, same counts, no stale document left behind
        assertTrue(second.rebuilt());
        assertNotEquals(first.hash(), second.hash());
        assertEquals(3, second.passages());
        assertEquals(List.of(), oldWord);
        assertEquals(List.of("semax#0"), newWord.stream().map(IndexHit::passageId).toList());
    }

    @Test
    void aDifferentEmbedderRebuilds(@TempDir Path dir) throws Exception {
        // given
        try (PassageIndex index = PassageIndex.open(dir, new FakeEmbedder())) {
            index.build(articles);
        }
        Embedder renamed = new FakeEmbedder("another-model");

        // when
        IndexReport report;
        try (PassageIndex index = PassageIndex.open(dir, renamed)) {
            report = index.build(articles);
        }

        // then
        assertTrue(report.rebuilt());
    }

    @Test
    void hitsCarryTheStoredUnitVector() throws Exception {
        // given
        FakeEmbedder embedder = new FakeEmbedder();
        try (PassageIndex index = PassageIndex.inMemory(embedder)) {
            index.build(articles);

            // when
            IndexHit hit = index.search(new TermQuery(new Term(IndexFields.TEXT, "sleep")), 10, null).get(0);

            // then: the vector is the passage's own, so its cosine with itself is 1
            float[] own = embedder.embedQuery("Sleep consolidates memory.");
            assertEquals("sleep#0", hit.passageId());
            assertEquals(1, hit.rank());
            assertEquals(1.0, hit.cosine(own), 1e-5);
        }
    }

    @Test
    void searchingBeforeBuildingSaysWhatToDo() throws Exception {
        try (PassageIndex index = PassageIndex.inMemory(new FakeEmbedder())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> index.search(new TermQuery(new Term(IndexFields.TEXT, "x")), 1, null));
            assertTrue(e.getMessage().contains("build"));
        }
    }

    @Test
    void aPassageOfAnUnknownArticleIsNamed() throws Exception {
        // given: a passage whose articleId matches no article
        Article stray = new Article("a", "a.md", Article.Format.MARKDOWN, "A", null, null, null, List.of(),
                List.of(new Passage("b#0", "b", 0, null, 0, 1, "Orphan sentence.", List.of())), List.of());

        // when / then
        try (PassageIndex index = PassageIndex.inMemory(new FakeEmbedder())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> index.build(List.of(stray)));
            assertTrue(e.getMessage().contains("b#0"), e.getMessage());
        }
    }

    @Test
    void addingAnArticleEmbedsOnlyItsPassagesAndKeepsTheOthers(@TempDir Path dir) throws Exception {
        // given: two articles indexed
        FakeEmbedder embedder = new FakeEmbedder();
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            index.build(articles);
            int before = embedder.passagesEmbedded.get();

            // when: a third article joins
            List<Article> more = new java.util.ArrayList<>(articles);
            more.add(article("coffee", "Coffee and alertness", "Caffeine delayed sleep onset.", "Alertness rose after coffee."));
            IndexReport report = index.build(more);

            // then: two passages embedded, the old ones still found
            assertEquals(2, embedder.passagesEmbedded.get() - before);
            assertEquals(1, report.changedArticles());
            assertEquals(0, report.removedArticles());
            assertEquals(5, report.passages());
            assertEquals(List.of("coffee#0"), ids(index, "caffeine"));
            assertEquals(List.of("semax#0"), ids(index, "bdnf"));
        }
    }

    @Test
    void changingAnArticleReEmbedsThatArticleOnly(@TempDir Path dir) throws Exception {
        // given
        FakeEmbedder embedder = new FakeEmbedder();
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            index.build(articles);
            int before = embedder.passagesEmbedded.get();

            // when: the sleep article's one sentence is rewritten
            IndexReport report = index.build(List.of(articles.get(0),
                    article("sleep", "Sleep and memory", "Deep sleep consolidates memory.")));

            // then: one passage embedded, the old wording gone, the other article untouched
            assertEquals(1, embedder.passagesEmbedded.get() - before);
            assertEquals(1, report.changedArticles());
            assertEquals(List.of("sleep#0"), ids(index, "deep"));
            assertEquals(List.of("semax#1"), ids(index, "anxiety"));
            assertEquals(3, index.vectors().size(), "no stale document of the old version");
        }
    }

    @Test
    void anArticleThatShrinksLeavesNoStalePassage(@TempDir Path dir) throws Exception {
        FakeEmbedder embedder = new FakeEmbedder();
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            index.build(articles);

            index.build(List.of(article("semax", "Semax research", "Semax raised BDNF in rats."), articles.get(1)));

            assertEquals(List.of(), ids(index, "anxiety"), "semax#1 was deleted with its article's old version");
            assertEquals(java.util.Set.of("semax#0", "sleep#0"), index.vectors().keySet());
        }
    }

    @Test
    void deletingAnArticleEmbedsNothingAndRemovesItsPassages(@TempDir Path dir) throws Exception {
        // given
        FakeEmbedder embedder = new FakeEmbedder();
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            index.build(articles);
            int before = embedder.passagesEmbedded.get();

            // when
            IndexReport report = index.build(List.of(articles.get(1)));

            // then
            assertEquals(0, embedder.passagesEmbedded.get() - before);
            assertEquals(1, report.removedArticles());
            assertEquals(0, report.changedArticles());
            assertEquals(List.of(), ids(index, "bdnf"));
            assertEquals(java.util.Set.of("sleep#0"), index.vectors().keySet());
        }
    }

    @Test
    void aRestartAfterAnIncrementalChangeEmbedsNothing(@TempDir Path dir) throws Exception {
        // given: built, then changed incrementally
        FakeEmbedder embedder = new FakeEmbedder();
        List<Article> edited = List.of(articles.get(0), article("sleep", "Sleep and memory", "Naps help memory."));
        String hash;
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            index.build(articles);
            hash = index.build(edited).hash();
        }
        int before = embedder.passagesEmbedded.get();

        // when: a new process opens the same index over the same corpus
        IndexReport report;
        try (PassageIndex index = PassageIndex.open(dir, embedder)) {
            report = index.build(edited);
            // then
            assertEquals(List.of("sleep#0"), ids(index, "naps"));
        }
        assertFalse(report.rebuilt());
        assertEquals(hash, report.hash(), "the corpus hash is the same whichever way the index got there");
        assertEquals(0, embedder.passagesEmbedded.get() - before);
    }

    @Test
    void aPinnedSearcherKeepsItsCommitWhileTheIndexChanges(@TempDir Path dir) throws Exception {
        try (PassageIndex index = PassageIndex.open(dir, new FakeEmbedder())) {
            index.build(articles);
            PassageIndex.Pinned pinned = index.pin();

            index.build(List.of(articles.get(1)));

            // the pinned view still finds the removed article; the index itself no longer does
            assertEquals(List.of("semax#0"), pinned.search(new TermQuery(new Term(IndexFields.TEXT, "bdnf")), 10, null)
                    .stream().map(IndexHit::passageId).toList());
            assertEquals(List.of(), ids(index, "bdnf"));
            pinned.release();
        }
    }

    @Test
    void progressCountsOnlyThePassagesToWrite(@TempDir Path dir) throws Exception {
        try (PassageIndex index = PassageIndex.open(dir, new FakeEmbedder())) {
            index.build(articles);
            List<long[]> calls = new java.util.ArrayList<>();
            List<Article> more = new java.util.ArrayList<>(articles);
            more.add(article("coffee", "Coffee", "Caffeine delayed sleep onset.", "Alertness rose."));

            index.build(more, (done, total) -> calls.add(new long[]{done, total}));

            assertEquals(1, calls.size());
            assertEquals(2, calls.get(0)[0]);
            assertEquals(2, calls.get(0)[1]);
        }
    }

    /** Passages whose text has this word, analyzed (stemmed) as the index analyzes text. */
    private static List<String> ids(PassageIndex index, String word) throws java.io.IOException {
        String term;
        try (org.apache.lucene.analysis.TokenStream tokens = IndexFields.analyzer().tokenStream(IndexFields.TEXT, word)) {
            var attribute = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            tokens.reset();
            tokens.incrementToken();
            term = attribute.toString();
            tokens.end();
        }
        return index.search(new TermQuery(new Term(IndexFields.TEXT, term)), 10, null)
                .stream().map(IndexHit::passageId).toList();
    }
}
