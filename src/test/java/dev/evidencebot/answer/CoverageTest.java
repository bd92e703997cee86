package dev.evidencebot.answer;

import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.evidence.EvidenceGrader;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.retrieval.RetrievedPassage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an abstention says the articles cover: titles of articles that loaded cleanly, never a file name. */
class CoverageTest {

    static final String GOOD = """
            ---
            title: "Caffeine: Friend or Foe"
            ---
            ## Caffeine and sleep

            Caffeine taken six hours before bed shortened sleep in a randomized trial (1).

            ## References

            1. Drake C, et al. Caffeine effects on sleep taken 0, 3, or 6 hours before going to bed. J Clin Sleep Med. 2013.
            """;

    /** Front matter that does not parse: its metadata is ignored and the reader has no title for it. */
    static final String BROKEN = """
            ---
            title: Melatonin [draft
            author: {unclosed
            ---
            Melatonin shortened the time to fall asleep in a meta-analysis of trials (1).

            ## References

            1. Ferracioli-Oda E, et al. Meta-analysis: melatonin for the treatment of primary sleep disorders. PLoS One. 2013.
            """;

    @TempDir
    Path directory;

    @Test
    void aFileThatFailedToParseIsNeverNamed_theCleanArticlesAreNamedByTitle() throws IOException {
        // given a clean article and a broken one, both near the question
        Files.writeString(directory.resolve("caffeine.md"), GOOD);
        Files.writeString(directory.resolve("broken-front.md"), BROKEN);
        GradedCorpus corpus = graded();
        assertFalse(corpus.problems().isEmpty(), "the broken file is reported to its author");
        // when the broken article ranks first among the candidates
        List<RetrievedPassage> ranked = new ArrayList<>();
        for (GradedArticle article : corpus.articles()) {
            ranked.add(new RetrievedPassage(article.article().passages().get(0), article, 1, 1, 1, 1, 0.5, List.of()));
        }
        ranked.sort((a, b) -> a.article().article().id().equals("broken-front") ? -1 : 1);
        String sentence = Coverage.describe(corpus, ranked);
        // then
        assertEquals("The nearest topic the articles cover is “Caffeine: Friend or Foe”.", sentence);
        assertFalse(sentence.contains("broken-front"), sentence);
        assertFalse(sentence.contains("Melatonin"), sentence);
    }

    @Test
    void aCorpusOfOneBrokenFileIsNotNamedEither() throws IOException {
        Files.writeString(directory.resolve("broken-front.md"), BROKEN);

        String sentence = Coverage.describe(graded());

        assertEquals("They cover one article.", sentence);
    }

    private GradedCorpus graded() {
        return new EvidenceGrader().grade(new CorpusReader().read(directory), directory);
    }
}
