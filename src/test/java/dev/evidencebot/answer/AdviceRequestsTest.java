package dev.evidencebot.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdviceRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"How much Semax should I take?", "What is the right dosage?", "How many mg a day?",
            "My son has ADHD, should I give him Semax?", "Can I take Semax with my medication?", "Is it safe for me?"})
    void dosingAndPersonalAdviceAreRecognised(String question) {
        assertTrue(AdviceRequests.asksForAdvice(question));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Does Semax reduce anxiety?", "What happened in the stroke study?", "What is Semax derived from?"})
    void researchQuestionsAreNotAdviceRequests(String question) {
        assertFalse(AdviceRequests.asksForAdvice(question));
    }
}
