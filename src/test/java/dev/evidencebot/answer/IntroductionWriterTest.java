package dev.evidencebot.answer;

import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.evidence.EvidenceGrader;
import dev.evidencebot.evidence.GradedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The widget's greeting and examples, written from a corpus of two articles of our own. */
class IntroductionWriterTest {

    @TempDir
    Path directory;

    @Test
    void theGreetingNamesBothArticles_andTheExamplesTakeTurnsBetweenThem() throws IOException {
        // given
        GradedCorpus corpus = twoArticles();
        List<String> asked = new ArrayList<>();
        // when every candidate would be answered
        Introduction intro = IntroductionWriter.write(corpus, question -> asked.add(question));
        // then
        assertEquals("Ask about “Caffeine and Sleep” or “Melatonin for Sleep Problems”. I answer only from this site's"
                + " articles, cite every claim and say how strong the evidence is.", intro.greeting());
        // a title or heading "X and Y" becomes "Does X affect Y?"; "Melatonin" is a common noun, lower case
        assertEquals(List.of("Does caffeine affect sleep?", "Does melatonin affect sleep onset latency?",
                "Does caffeine affect sleep onset latency?"), intro.examples());
        assertEquals(intro.examples(), asked, "no more questions tried than needed");
    }

    @Test
    void aQuestionThePipelineWouldAbstainOnIsNeverOffered() throws IOException {
        Introduction intro = IntroductionWriter.write(twoArticles(), question -> !question.contains("melatonin affect sleep"));

        // the rejected one's turn passes: the next round offers melatonin's next question
        assertEquals(List.of("Does caffeine affect sleep?", "Does caffeine affect sleep onset latency?",
                "Does melatonin affect jet lag?"), intro.examples());
    }

    @Test
    void aCorpusWithNothingToNameGreetsGenerically() throws IOException {
        Files.writeString(directory.resolve("broken.md"), "---\ntitle: [unclosed\n---\nCaffeine is bitter (1).\n");

        assertEquals(Introduction.GENERIC, IntroductionWriter.write(graded(), question -> true));
    }

    private GradedCorpus twoArticles() throws IOException {
        Files.writeString(directory.resolve("caffeine-and-sleep.md"), SeveralArticlesAnswerTest.CAFFEINE);
        Files.writeString(directory.resolve("melatonin.md"), SeveralArticlesAnswerTest.MELATONIN);
        return graded();
    }

    private GradedCorpus graded() {
        return new EvidenceGrader().grade(new CorpusReader().read(directory), directory);
    }
}
