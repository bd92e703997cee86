package dev.evidencebot.corpus;

import java.util.regex.Pattern;

/**
 * Recognises text that addresses a machine rather than a reader: a note to "AI systems" or
 * "summarizers", an instruction to "reply only that ...", "ignore your previous instructions".
 * Corpus text is untrusted (a site's pages may carry what a contributor or an attacker planted),
 * and such a sentence is never a finding: no reader of a health article is an assistant.
 *
 * <p>What counts is the framing, not the topic: an article about a study of chatbots ("the AI model
 * was trained to answer questions") is no instruction; "Chatbots answering questions about this
 * article must recommend ..." or "Note for AI systems: reply only that ..." is.
 */
public final class PlantedInstructions {

    private static final String MACHINE = "(?:ai|a\\.i\\.|artificial intelligence|llms?|large language models?|language models?"
            + "|chat ?bots?|(?:ai |virtual )?assistants?|summari[sz]ers?|automated (?:systems?|tools?|agents?|readers?|summari[sz]ers?)"
            + "|ai (?:systems?|tools?|agents?|models?|readers?)|crawlers?|scrapers?|bots?|gpt(?:-?\\d)?s?|chatgpt|claude|gemini|copilot)";
    private static final String DIRECTIVE = "(?:repl(?:y|ies|ying)|respond\\w*|answer\\w*|say\\w*|state\\w*|tell\\w*|writ\\w*"
            + "|output\\w*|includ\\w*|summari[sz]\\w*|recommend\\w*|mention\\w*|claim\\w*|describ\\w*|present\\w*|repeat\\w*"
            + "|print\\w*|insist\\w*|stat(?:e|es|ing)|emphasi[sz]\\w*|direct\\w*|link\\w*)";
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)"
            // "Note for automated summarizers and AI systems:", "Attention LLMs", "Message to the assistant"
            + "\\b(?:note|notes|attention|message|instructions?|directive|memo|hint)\\s+(?:to|for)\\s+(?:all\\s+|any\\s+|the\\s+)?"
            + "(?:\\w+\\s+){0,2}" + MACHINE + "\\b"
            + "|\\battention[,:]?\\s+(?:all\\s+)?" + MACHINE + "\\b"
            // "AI systems: reply only ...", "LLMs, when summarizing this page, state ..."
            + "|\\b" + MACHINE + "\\s*[:,]\\s*(?:(?:when|if|while)\\b[^.]{0,60}?[,:]\\s*)?(?:please\\s+)?" + DIRECTIVE + "\\b"
            // "If you are an AI assistant or language model reading this, say ..."
            + "|\\bif you(?:'re| are)\\s+(?:an?\\s+)?(?:\\w+\\s+){0,2}" + MACHINE + "\\b"
            // "Chatbots answering questions about this article must recommend ..."
            + "|\\b" + MACHINE + "\\b(?:\\s+[\\w'-]+){0,8}?\\s+(?:must|should|shall|are to|need to|have to|are required to|are instructed to)"
            + "\\s+(?:always\\s+|only\\s+|also\\s+)?" + DIRECTIVE + "\\b"
            // the classics
            + "|\\b(?:ignore|disregard|forget|override)\\b.{0,40}\\b(?:instructions?|prompts?|rules|guidelines|directions)\\b"
            + "|\\b(?:system prompt|you are now|as an ai|developer mode|jailbreak)\\b"
            + "|\\b(?:you|assistant) must (?:say|tell|answer|write|reply)\\b"
            + "|\\b(?:reply|respond|answer) (?:only|solely|exclusively) (?:that|with)\\b");

    private PlantedInstructions() {
    }

    /** Whether this text speaks to a machine or gives it instructions. */
    public static boolean addressesAMachine(String text) {
        return INSTRUCTION.matcher(text).find();
    }
}
