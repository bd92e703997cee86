package dev.evidencebot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells whether a question asks for dosing or personal medical advice, which the articles never
 * give and the bot must never invent. Deliberately broad: a false positive only adds the
 * no-advice sentence to an otherwise normal answer.
 */
final class AdviceRequests {

    private static final Pattern DOSING = Pattern.compile(
            "\\b(dose|doses|dosage|dosing|how much|how many (?:mg|drops|sprays|times)|mg|mcg|milligrams?|micrograms?"
                    + "|drops?|sprays?|per day|a day|daily|how often|cycle|stack|regimen|inject|injection|nasal spray)\\b");
    private static final Pattern PERSONAL = Pattern.compile(
            "\\b(should i|can i|could i|may i|is it safe (?:for me|to take)|safe for me|my (?:doctor|son|daughter|child|mother|father|wife|husband|kid|adhd|anxiety|depression|stroke|memory|condition|medication|meds)"
                    + "|i have|i am taking|i'm taking|i take|prescribe|prescription|instead of my|stop taking|for me\\b|recommend)");

    private AdviceRequests() {
    }

    static boolean asksForAdvice(String question) {
        String text = question.toLowerCase(Locale.ROOT);
        return DOSING.matcher(text).find() || PERSONAL.matcher(text).find();
    }
}
