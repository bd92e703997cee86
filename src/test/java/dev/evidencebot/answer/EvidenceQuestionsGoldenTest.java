package dev.evidencebot.answer;

import dev.evidencebot.evidence.EvidenceLevel;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions about the evidence itself, over the seed article: answered from the gradings, the
 * verdict first, every kind of cited study named with its marker.
 */
class EvidenceQuestionsGoldenTest {

    @TempDir
    static Path indexDirectory;
    static ApplicationContext context;
    static AnswerService answers;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("index.path", indexDirectory.toString(), "corpus.path", "corpus"));
        answers = context.getBean(AnswerService.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void randomizedTrialsAreSaidMissingAndTheHumanAndRatStudiesAreListed() {
        // given the seed article, which cites no randomized trial
        // when
        Answer answer = answers.answer(Question.of("Has semax been proven in randomized controlled trials?"));

        // then
        String text = answer.answer();
        assertTrue(text.startsWith("No. No randomized controlled trials are cited on Semax."), text);
        assertTrue(text.contains("30 stroke patients [1]") && text.contains("fMRI study in humans [2]"), text);
        assertTrue(text.contains("rat studies"), text);
        assertEquals(5, answer.citations().get(0).reference().number(), text);
        assertEquals(7, answer.citations().get(1).reference().number(), text);
        assertTrue(references(answer).containsAll(Set.of(2, 3, 4, 9)), text);
        assertEquals(EvidenceLevel.VERY_LOW, answer.evidence().level());
        assertFalse(answer.abstained());
        assertTrue(text.endsWith(EvidenceSummarizer.line(answer.evidence())), text);
    }

    @Test
    void anxietyInHumansIsANoBecauseTheAnxietyFindingsAreRatStudies() {
        Answer answer = answers.answer(Question.of("Does Semax reduce anxiety in humans?"));

        String text = answer.answer();
        assertTrue(text.startsWith("No. The findings on anxiety come from rat studies [1][2]; no human study on anxiety is cited."), text);
        assertEquals(Set.of(3, 4), references(answer), text);
        answer.citations().forEach(citation -> assertEquals(EvidenceLevel.PRECLINICAL, citation.evidence().level()));
    }

    @Test
    void aFollowUpAskingWhetherThatWasInHumansStartsWithNo() {
        // given an answer on anxiety, all rat studies
        Answer anxiety = answers.answer(Question.of("Does Semax reduce anxiety?"));

        // when
        Answer followUp = answers.answer(new Question("Was that in humans?", anxiety.conversationId()));

        // then
        String text = followUp.answer();
        assertTrue(text.startsWith("No. "), text);
        assertTrue(text.contains("rat studies [1][2]"), text);
        assertEquals(Set.of(3, 4), references(followUp), text);
        assertEquals(EvidenceLevel.PRECLINICAL, followUp.evidence().level());
    }

    @Test
    void askingWhetherItWasTestedInHumansIsAYesWithTheHumanStudies() {
        Answer answer = answers.answer(Question.of("Was it tested in humans?"));

        String text = answer.answer();
        assertTrue(text.startsWith("Yes. The human evidence is an uncontrolled study of 30 stroke patients [1]"
                + " and an uncontrolled fMRI study in humans [2]"), text);
        assertEquals(5, answer.citations().get(0).reference().number());
        assertEquals(EvidenceLevel.VERY_LOW, answer.citations().get(0).evidence().level());
        assertEquals(7, answer.citations().get(1).reference().number());
        assertEquals(EvidenceLevel.VERY_LOW, answer.citations().get(1).evidence().level());
        assertEquals(EvidenceLevel.VERY_LOW, answer.evidence().level());
    }

    @Test
    void strengthAndKindsAreAnsweredFromTheGradingsToo() {
        Answer strength = answers.answer(Question.of("How strong is the evidence that Semax reduces anxiety?"));
        assertTrue(strength.answer().startsWith("The evidence on anxiety is preclinical."), strength.answer());

        Answer kinds = answers.answer(new Question("What kind of studies back this?", strength.conversationId()));
        assertTrue(kinds.answer().startsWith("The findings on anxiety come from rat studies [1][2]"), kinds.answer());
    }

    private static Set<Integer> references(Answer answer) {
        Set<Integer> numbers = new TreeSet<>();
        answer.citations().forEach(citation -> numbers.add(citation.reference().number()));
        return numbers;
    }
}
