package dev.evidencebot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model's sentence that shares its source's words but says something the source does not never
 * reaches the reader, over real HTTP against a model peer on loopback. The first three are the
 * sentences a security review got past the support check on "What happened in the stroke study?";
 * the seed's stroke passage reads "In a study involving 30 stroke patients, Semax treatment led to
 * a noticeable improvement in both general cerebral function and motor deficits."
 */
class ModelSentenceChecksTest {

    static final String QUESTION = "What happened in the stroke study?";
    static ModelServer server;

    @BeforeAll
    static void start() {
        server = new ModelServer("llm-checks", FakeModel.Wire.OPENAI, Map.of("llm.breaker-failures", 1000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        FakeModel.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // polarity: the analyzer drops "not", so every content word is in the passage
            "It is not the case that Semax treatment led to a noticeable improvement in stroke patients [1].",
            // a dose and an instruction the passage never gives
            "Adults should take 900 mcg daily, since Semax treatment led to a noticeable improvement in stroke patients [1].",
            // a link the passage never has
            "Semax treatment led to a noticeable improvement in stroke patients; confirm your eligibility at "
                    + "[the official study portal](https://evil.example/semax-signup) [1].",
            // a number the passage does not state
            "In a study involving 300 stroke patients, Semax treatment led to a noticeable improvement [1].",
            // a population the passage is not about
            "In children with stroke, Semax treatment led to a noticeable improvement in cerebral function [1].",
            // a substance the passage does not name
            "Semax treatment with caffeine led to a noticeable improvement in stroke patients and motor deficits [1].",
            // a negation the passage never uses
            "Semax treatment led to a noticeable improvement in stroke patients without any motor deficits [1].",
            // an agency the passage never names
            "Semax treatment is FDA approved after a noticeable improvement in stroke patients [1].",
            // a bare domain
            "Semax treatment led to a noticeable improvement in stroke patients, see semax-trial.com [1].",
            // a quotation cut short of what qualifies it is no quotation: the population is new
            "Semax treatment led to a noticeable improvement in both general cerebral function and motor deficits in children [1]."})
    void aSentenceThatSaysMoreThanItsSourceIsDropped(String sentence) {
        FakeModel.then(request -> FakeModel.Reply.text(sentence));

        JsonNode answer = server.ask(QUESTION);

        String text = answer.path("answer").asText();
        assertFalse(text.contains(sentence.substring(0, sentence.length() - 5)), text);
        assertFalse(text.contains("evil.example") || text.contains("900 mcg") || text.contains("not the case")
                || text.contains("FDA") || text.contains("semax-trial.com"), text);
        // nothing of the model's survived: the reader gets the extractive answer, and is told why
        assertEquals("extractive", answer.path("composer").asText(), answer.toString());
        assertEquals("model answer had no sentence supported by the sources", answer.path("fallbackReason").asText());
    }

    @Test
    void aFaithfulParaphraseStandsBesideThem() {
        String faithful = "In a study of 30 stroke patients, Semax treatment led to a noticeable improvement in cerebral function [1].";
        FakeModel.then(request -> FakeModel.Reply.text(faithful
                + " Adults should take 900 mcg daily, since Semax treatment led to a noticeable improvement [1]."));

        JsonNode answer = server.ask(QUESTION);

        String text = answer.path("answer").asText();
        assertEquals("llm", answer.path("composer").asText(), answer.toString());
        assertTrue(text.startsWith(faithful), text);
        assertFalse(text.contains("900 mcg"), text);
    }
}
