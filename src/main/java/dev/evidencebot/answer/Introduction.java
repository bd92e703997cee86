package dev.evidencebot.answer;

import java.util.List;

/**
 * What the widget says on an empty conversation: a greeting naming what the articles are about,
 * and example questions they answer.
 */
public record Introduction(String greeting, List<String> examples) {

    /** Said when nothing is known of the corpus yet (still loading, or no article has a title). */
    public static final Introduction GENERIC = new Introduction(
            "Ask about the articles on this site. Every answer cites its sources and grades the evidence.", List.of());

    public Introduction {
        examples = List.copyOf(examples);
    }
}
