package dev.evidencebot.corpus;

import java.util.regex.Pattern;

/** Whitespace normalization shared by every reader. */
final class Text {

    // web exports carry no-break and thin spaces where a plain space was meant; zero-width ones carry nothing
    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u2007\\u202F\\u2009\\u2002\\u2003\\t]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF]");
    private static final Pattern RUN_OF_SPACES = Pattern.compile(" {2,}");

    private Text() {
    }

    /** NBSP and friends to a space, runs of spaces to one, trimmed. */
    static String normalize(String text) {
        String spaced = ODD_SPACE.matcher(text).replaceAll(" ");
        String visible = INVISIBLE.matcher(spaced).replaceAll("");
        return RUN_OF_SPACES.matcher(visible).replaceAll(" ").trim();
    }

    static int wordCount(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
