package dev.evidencebot.answer;

import dev.evidencebot.corpus.PlantedInstructions;

/**
 * The answer-time screen: article text that addresses an assistant rather than a reader is no
 * finding, so no composer is offered it, not as a source and not as context. The corpus already
 * leaves such passages out when it reads a file; this screen is the second line for the context
 * sentences around a passage and anything that reached the index another way. The third is that
 * every sentence a composer writes must be supported by the passage it cites ({@link ClaimChecks}).
 */
final class InstructionScreen {

    private InstructionScreen() {
    }

    static boolean addressesAnAssistant(String text) {
        return PlantedInstructions.addressesAMachine(text);
    }
}
