package dev.evidencebot.answer;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of several articles of our own (caffeine, melatonin, an untitled abstract): an answer
 * drawing on two of them says which article says what, and an abstention names the nearest
 * topics, never an id.
 */
class SeveralArticlesAnswerTest {

    @TempDir
    static Path corpus;
    @TempDir
    static Path indexDirectory;
    static ApplicationContext context;
    static AnswerService answers;

    static final String CAFFEINE = """
            ---
            title: Caffeine and Sleep
            date: 2023-01-10
            ---
            # Caffeine and Sleep

            ## Caffeine and sleep onset latency

            Caffeine lengthened sleep onset latency in a randomized controlled trial of 12 adults [1].

            ## Caffeine and alertness

            Caffeine improved alertness during night shifts in a study of 30 nurses [2]. Coffee is the most common source of caffeine. Energy drinks contain taurine as well.

            ## References

            1. Drake C, Roehrs T, Shambroom J, Roth T. Caffeine effects on sleep taken 0, 3, or 6 hours before going to bed. J Clin Sleep Med. 2013;9(11):1195-200. PMID: 24235903
            2. Smith A. Caffeine and alertness in night shift nurses. Occup Med. 2010.
            """;

    static final String MELATONIN = """
            ---
            title: Melatonin for Sleep Problems
            date: 2022-05-02
            ---
            # Melatonin for Sleep Problems

            ## Melatonin and sleep onset latency

            Melatonin shortened sleep onset latency in a meta-analysis of 19 randomized controlled trials in adults [1].

            ## Melatonin and jet lag

            Melatonin eased jet lag after flights across five or more time zones in a systematic review of ten trials [2]. Melatonin is made by the pineal gland. Its release follows the light and dark cycle.

            ## References

            1. Ferracioli-Oda E, Qawasmi A, Bloch MH. Meta-analysis: melatonin for the treatment of primary sleep disorders. PLoS One. 2013;8(5):e63773. PMID: 23691095
            2. Herxheimer A, Petrie KJ. Melatonin for the prevention and treatment of jet lag. Cochrane Database Syst Rev. 2002. PMID: 12076414
            """;

    static final String ABSTRACTS = """
            {"_id": "pmqa-12221908", "title": "", "text": "Vitamin D levels were measured in 200 elderly women living in nursing homes. Low vitamin D was associated with more falls."}
            """;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(corpus.resolve("caffeine-and-sleep.md"), CAFFEINE);
        Files.writeString(corpus.resolve("melatonin.md"), MELATONIN);
        Files.writeString(corpus.resolve("abstracts.jsonl"), ABSTRACTS);
        context = ApplicationContext.run(Map.of("index.path", indexDirectory.toString(), "corpus.path", corpus.toString()));
        answers = context.getBean(AnswerService.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void anAnswerFromTwoArticlesNamesWhichArticleSaysWhat() {
        // when
        Answer answer = answers.answer(Question.of("Do caffeine and melatonin change sleep onset latency?"));

        // then
        String text = answer.answer();
        assertFalse(answer.abstained(), text);
        assertTrue(text.contains("According to “Caffeine and Sleep”: Caffeine lengthened sleep onset latency"), text);
        assertTrue(text.contains("According to “Melatonin for Sleep Problems”: Melatonin shortened sleep onset latency"), text);
        assertTrue(text.contains("(cited in “Caffeine and Sleep”)"), text);
        assertTrue(text.contains("(cited in “Melatonin for Sleep Problems”)"), text);
        assertEquals(2, answer.citations().size(), text);
        assertTrue(text.endsWith(EvidenceSummarizer.line(answer.evidence())), text);
    }

    @Test
    void anAbstentionNamesTheNearestTopicsAndNeverAnId() {
        // when
        Answer answer = answers.answer(Question.of("What is the capital of France?"));

        // then
        String text = answer.answer();
        assertTrue(answer.abstained(), text);
        assertTrue(text.contains("The nearest topics the articles cover are “"), text);
        assertFalse(text.contains("pmqa"), text);
        assertFalse(text.contains("more articles"), text);
    }
}
