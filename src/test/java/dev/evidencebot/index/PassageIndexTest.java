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
}
