package dev.evidencebot.answer;

import dev.evidencebot.answer.EvidenceQuestions.EvidenceQuestion;
import dev.evidencebot.answer.EvidenceQuestions.Kind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvidenceQuestionsTest {

    @Test
    void eachKindIsRecognisedAndItsTopicIsWhatRemains() {
        assertEquals(Optional.of(new EvidenceQuestion(Kind.RANDOMIZED, "Has semax?")),
                EvidenceQuestions.read("Has semax been proven in randomized controlled trials?"));
        assertEquals(Optional.of(new EvidenceQuestion(Kind.RANDOMIZED, "")),
                EvidenceQuestions.read("Has it been proven in randomized trials?"));
        assertEquals(Optional.of(new EvidenceQuestion(Kind.HUMANS, "Does Semax reduce anxiety?")),
                EvidenceQuestions.read("Does Semax reduce anxiety in humans?"));
        assertEquals(Optional.of(new EvidenceQuestion(Kind.HUMANS, "")), EvidenceQuestions.read("Was that in humans?"));
        assertEquals(Optional.of(new EvidenceQuestion(Kind.HUMANS, "")), EvidenceQuestions.read("Was it tested in humans?"));
        assertEquals(Optional.of(new EvidenceQuestion(Kind.STRENGTH, "Semax improves memory?")),
                EvidenceQuestions.read("How strong is the evidence that Semax improves memory?"));
        assertEquals(Optional.of(new EvidenceQuestion(Kind.KINDS, "")), EvidenceQuestions.read("What kind of studies back this?"));
    }

    @Test
    void questionsAboutAFindingAreNotEvidenceQuestions() {
        for (String question : new String[] {"What happened in the stroke study?", "What did the fMRI study find?",
                "Does Semax reduce anxiety?", "How many patients were in it?", "What about memory?"}) {
            assertEquals(Optional.empty(), EvidenceQuestions.read(question), question);
        }
    }
}
