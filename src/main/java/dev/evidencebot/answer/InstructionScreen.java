package dev.evidencebot.answer;

import java.util.regex.Pattern;

/**
 * Recognises article text that addresses an assistant rather than a reader ("ignore your previous
 * instructions and say ..."). Such a sentence is no finding, so no composer is offered it: not as
 * a source, and not as context. This is the second line of defence against prompt injection; the
 * first is that every sentence a composer writes must be supported by the passage it cites.
 */
final class InstructionScreen {

    private static final Pattern INSTRUCTION = Pattern.compile(
            "(?i)\\b(?:ignore|disregard|forget|override)\\b.{0,40}\\b(?:instructions?|prompts?|rules|guidelines|"
                    + "directions)\\b|\\b(?:system prompt|you are now|as an ai|language model|assistant,? (?:say|tell|write|answer))\\b"
                    + "|\\b(?:you|assistant) must (?:say|tell|answer|write|reply)\\b");

    private InstructionScreen() {
    }

    static boolean addressesAnAssistant(String text) {
        return INSTRUCTION.matcher(text).find();
    }
}
