package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Reference;

import java.util.regex.Pattern;

/** Which words of a reference entry the rules read: its title and journal, never its links. */
final class ReferenceEntry {

    /** Links and DOIs carry words ("journals/human-neuroscience") that say nothing about the study. */
    private static final Pattern LINKS = Pattern.compile("(?:https?://|doi:|\\b10\\.\\d{4,}/)\\S*", Pattern.CASE_INSENSITIVE);

    private ReferenceEntry() {
    }

    /** The title as parsed, or the entry's text without links when the parser found no title. */
    static String title(Reference reference) {
        if (reference.title() != null && !reference.title().isBlank()) {
            return reference.title();
        }
        return withoutLinks(reference.text());
    }

    /** What the design rules read: title and journal, or the text without links. */
    static String describing(Reference reference) {
        if (reference.title() != null && !reference.title().isBlank()) {
            return reference.source() == null ? reference.title() : reference.title() + ". " + reference.source();
        }
        return withoutLinks(reference.text());
    }

    private static String withoutLinks(String text) {
        return text == null ? "" : LINKS.matcher(text).replaceAll(" ");
    }
}
