package dev.evidencebot.answer;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuestionSubjectTest {

    @Test
    void aYesNoQuestionNamesTheThingItAsksAbout() {
        assertEquals(Set.of("aspirin"), QuestionSubject.of("Does aspirin help stroke patients?"));
        assertEquals(Set.of("ginseng"), QuestionSubject.of("Does ginseng reduce anxiety in rats?"));
        assertEquals(Set.of("green", "tea", "extract"), QuestionSubject.of("Can green tea extract lower blood pressure?"));
        assertEquals(Set.of("melatonin"), QuestionSubject.of("Does taking melatonin improve sleep?"));
        assertEquals(Set.of("coffe"), QuestionSubject.of("Is coffee associated with a longer life?"));
    }

    @Test
    void whatTheQuestionAsksOfItsSubjectIsItsObject() {
        assertEquals(Set.of("stroke", "patient"), QuestionSubject.object("Does aspirin help stroke patients?"));
        assertEquals(Set.of("memori"), QuestionSubject.object("Does caffeine improve memory?"));
        assertEquals(Set.of(), QuestionSubject.object("What did the fMRI study find?"));
    }

    @Test
    void otherShapesHaveNoSubjectAndLeaveTheDecisionToTheModel() {
        assertEquals(Set.of(), QuestionSubject.of("What did brain scans show when people took Semax?"));
        assertEquals(Set.of(), QuestionSubject.of("Was that in humans?"));
        assertEquals(Set.of(), QuestionSubject.of("Does it help?"));
        assertEquals(Set.of(), QuestionSubject.of("0-dimensional biomaterials show inductive properties."));
        // a long clause is not a named thing: no rule is safer than a wrong one
        assertEquals(Set.of(), QuestionSubject.of(
                "Do patients who were admitted to the hospital on weekends and holidays reduce their length of stay?"));
    }
}
