package dev.evidencebot.answer;

import dev.evidencebot.evidence.StudyType;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed article beside sixteen abstracts on other topics (stroke, cancer, anxiety in rats,
 * sleep, caffeine...), with the real embedding model and the shipped relevance model: a shared
 * word must not let a question through to an article that does not answer it, and the seed's
 * questions must still be answered from the seed.
 */
class MixedCorpusGoldenTest {

    private static final String SEED = "semax-effects-breakdown";

    @TempDir
    static Path work;
    static ApplicationContext context;
    static AnswerService answers;

    @BeforeAll
    static void start() throws IOException {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.copy(Path.of("corpus", SEED + ".txt"), corpus.resolve(SEED + ".txt"));
        Files.copy(Path.of("src/test/resources/mixed-corpus/abstracts.jsonl"), corpus.resolve("abstracts.jsonl"));
        context = ApplicationContext.run(Map.of("corpus.path", corpus.toString(),
                "index.path", work.resolve("index").toString(), "data.path", work.resolve("data").toString()));
        answers = context.getBean(AnswerService.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static Set<Integer> seedReferences(Answer answer) {
        Set<Integer> cited = new TreeSet<>();
        for (Citation citation : answer.citations()) {
            assertEquals(SEED, citation.article().id(), "a Semax question is answered from the Semax article\n" + answer.answer());
            cited.add(citation.reference().number());
        }
        return cited;
    }

    @Test
    void theSeedQuestionsAreAnsweredFromTheSeed() {
        assertEquals(Set.of(3, 4), seedReferences(answers.answer(Question.of("Does Semax reduce anxiety?"))));
        assertEquals(Set.of(7), seedReferences(answers.answer(Question.of("What did the fMRI study find?"))));
        // "the stroke study" names no substance: beside the seed's study of 30 stroke patients, the
        // stroke abstracts answer it too, and the answer names which article says what
        Answer stroke = answers.answer(Question.of("What happened in the stroke study?"));
        assertTrue(stroke.citations().stream().anyMatch(c -> c.article().id().equals(SEED) && c.reference().number() == 5),
                stroke.answer());
        if (stroke.citations().stream().anyMatch(c -> !c.article().id().equals(SEED))) {
            assertTrue(stroke.answer().contains("According to “"), stroke.answer());
        }
    }

    @Test
    void theSubjectItselfAndItsEvidenceAreAnswered() {
        assertTrue(seedReferences(answers.answer(Question.of("What is Semax?"))).contains(1));
        Answer trials = answers.answer(Question.of("Has semax been proven in randomized controlled trials?"));
        assertTrue(trials.answer().startsWith("No."), trials.answer());
        assertTrue(seedReferences(trials).containsAll(Set.of(5, 7)), trials.answer());
    }

    @Test
    void aSharedWordDoesNotLendRelevance() {
        Answer cancer = answers.answer(Question.of("Does Semax cure cancer?"));
        assertTrue(cancer.abstained(), cancer.answer());
        Answer aspirin = answers.answer(Question.of("Does aspirin help stroke patients?"));
        assertTrue(aspirin.abstained(), aspirin.answer());
        Answer ginseng = answers.answer(Question.of("Does ginseng reduce anxiety in rats?"));
        assertTrue(ginseng.abstained(), ginseng.answer());
        // the diazepam study is about anxiety; memory is named elsewhere in the corpus, never by it
        Answer diazepamMemory = answers.answer(Question.of("Does diazepam improve memory?"));
        assertTrue(diazepamMemory.abstained(), diazepamMemory.answer());
        Answer diazepamAnxiety = answers.answer(Question.of("Does diazepam reduce anxiety-like behaviour in rats?"));
        assertFalse(diazepamAnxiety.abstained(), diazepamAnxiety.answer());
        assertEquals("99000005", diazepamAnxiety.citations().get(0).article().id());
        assertEquals(StudyType.ANIMAL, diazepamAnxiety.citations().get(0).evidence().studyType());
    }

    @Test
    void theConversationNeverLendsRelevanceToAnotherTopic() {
        Answer stroke = answers.answer(Question.of("Does Semax help stroke recovery?"));
        assertFalse(stroke.abstained(), stroke.answer());
        Answer france = answers.answer(new Question("What is the capital of France?", stroke.conversationId()));
        assertTrue(france.abstained(), france.answer());
        assertTrue(france.citations().isEmpty());
    }

    @Test
    void anAbstractIsCitedAsTheStudyItIs() {
        Answer answer = answers.answer(Question.of(
                "Does constraint-induced movement therapy improve arm function after stroke?"));
        assertFalse(answer.abstained(), answer.answer());
        Citation first = answer.citations().get(0);
        assertEquals("99000001", first.article().id());
        assertEquals(StudyType.RCT, first.evidence().studyType(), "graded by its own design, not uncited");
        assertEquals("99000001", first.reference().pmid());
        assertFalse(first.passage().startsWith("OBJECTIVE"), "only findings are cited: " + first.passage());
        assertFalse(answer.answer().contains("RESULTS:"), "structured-abstract labels stay out of sentences");
    }
}
