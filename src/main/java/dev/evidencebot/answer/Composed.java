package dev.evidencebot.answer;

/**
 * What a composer reports once it has handed over all its sentences.
 *
 * @param composer       "extractive" or "llm": who wrote the sentences
 * @param fallbackReason why a configured model did not write them, else null
 */
public record Composed(String composer, String fallbackReason) {
}
