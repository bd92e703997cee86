package dev.evidencebot.answer;

import java.util.function.Consumer;

/**
 * Writes the body of an answer from numbered sources. Each finished sentence goes to
 * {@code sentences} as soon as it is written ({@code "\n\n"} alone marks a paragraph break); the
 * system checks every sentence's markers before anyone sees it, and writes the sources list and
 * the evidence level itself. A composer never writes an "Evidence level:" line.
 */
public interface Composer {

    Composed compose(Composition composition, Consumer<String> sentences);
}
