package dev.evidencebot.corpus;

import dev.evidencebot.evidence.EvidenceGrader;
import dev.evidencebot.evidence.GradedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing in the corpus makes the server read a file outside the corpus directory. */
class CorpusPathsTest {

    @TempDir
    Path outside;

    @Test
    void anIdThatClimbsOutOfItsFolderIsRefusedAndNoSidecarOutsideIsRead() throws IOException {
        Path corpus = Files.createDirectories(outside.resolve("site/corpus"));
        Files.createDirectories(outside.resolve("outside"));
        Files.writeString(outside.resolve("outside/planted.evidence.json"), "{\"secret\": \"do not echo me\"}");
        Files.writeString(corpus.resolve("docs.jsonl"), String.join("\n",
                "{\"id\": \"../../outside/planted\", \"text\": \"Semax raised BDNF levels in rats.\"}",
                "{\"id\": \"a\\\\b\", \"text\": \"A backslash id.\"}",
                "{\"id\": \"fine\", \"text\": \"Semax raised BDNF levels in rats within three hours.\"}", ""));

        Corpus read = new CorpusReader().read(corpus);
        GradedCorpus graded = new EvidenceGrader().grade(read, corpus);

        assertEquals(List.of("fine"), read.articles().stream().map(Article::id).toList());
        assertEquals(2, read.problems().stream().filter(problem -> problem.message().contains("must not contain '/'")).count(),
                read.problems().toString());
        assertFalse(graded.problems().toString().contains("do not echo me"), graded.problems().toString());
    }

    @Test
    void aLinkThatLeadsOutOfTheCorpusIsNotFollowedButOneInsideIs() throws IOException {
        Path corpus = Files.createDirectories(outside.resolve("corpus"));
        Path secret = Files.writeString(outside.resolve("secret.md"), "# Secret\n\nThe database password is hunter2.\n");
        Files.createDirectories(corpus.resolve("drafts"));
        Path real = Files.writeString(corpus.resolve("drafts/caffeine.md"), "# Caffeine\n\nCaffeine shortened sleep in a trial.\n");
        Files.createSymbolicLink(corpus.resolve("leak.md"), secret);
        Files.createSymbolicLink(corpus.resolve("published.md"), real);

        Corpus read = new CorpusReader().read(corpus);

        assertTrue(read.articles().stream().noneMatch(article -> article.passages().stream()
                .anyMatch(passage -> passage.text().contains("hunter2"))), "nothing from outside is served");
        assertTrue(read.articles().stream().anyMatch(article -> article.id().equals("published")), "a link inside is read");
        Problem refused = read.problems().stream().filter(problem -> problem.file().equals("leak.md")).findFirst().orElseThrow();
        assertTrue(refused.message().contains("leads outside the corpus directory"), refused.message());
        assertFalse(refused.message().contains(outside.toString()), "where it leads is not echoed");
    }

    @Test
    void aSidecarLinkedFromOutsideIsNotRead() throws IOException {
        Path corpus = Files.createDirectories(outside.resolve("corpus"));
        Files.writeString(corpus.resolve("caffeine.md"), """
                # Caffeine

                Caffeine shortened sleep in a trial (1).

                ## References

                1. Lane A. Caffeine and sleep: a randomized trial. 2020.
                """);
        Path planted = Files.writeString(outside.resolve("planted.json"), "{\"1\": {\"studyType\": \"META_ANALYSIS\"}}");
        Files.createSymbolicLink(corpus.resolve("caffeine.evidence.json"), planted);

        GradedCorpus graded = new EvidenceGrader().grade(new CorpusReader().read(corpus), corpus);

        assertTrue(graded.problems().stream().anyMatch(problem -> problem.message().contains("outside the corpus directory")),
                graded.problems().toString());
    }
}
