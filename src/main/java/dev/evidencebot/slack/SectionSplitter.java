package dev.evidencebot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts mrkdwn text into pieces that fit a Slack section (3,000 characters). The pieces are
 * consecutive substrings, so joined they give back the text exactly. Cuts fall, by preference, at
 * a paragraph, a line, a sentence, a word; never inside a citation marker "[3]", a link
 * "&lt;url|title&gt;" or an entity "&amp;amp;", and never between a sentence and the marker after it.
 */
final class SectionSplitter {

    /** Slack's limit for a section block's text. */
    static final int SECTION_TEXT_LIMIT = 3000;

    // spans a cut may not fall inside: markers like [1] or [1, 2] or [1-3], links, entities
    private static final Pattern UNBREAKABLE = Pattern.compile(
            "\\[\\d+(?:\\s*[,\\u2013-]\\s*\\d+)*]|<[^<>\\n]{1,3000}>|&[a-zA-Z]{2,6};");

    private enum Boundary { PARAGRAPH, LINE, SENTENCE, WORD, ANYWHERE }

    private SectionSplitter() {
    }

    static List<String> split(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<String> pieces = new ArrayList<>();
        if (text.isEmpty()) {
            return pieces;
        }
        boolean[] insideUnbreakable = unbreakablePositions(text);
        int start = 0;
        while (text.length() - start > limit) {
            int cut = bestCut(text, start, limit, insideUnbreakable);
            pieces.add(text.substring(start, cut));
            start = cut;
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static int bestCut(String text, int start, int limit, boolean[] insideUnbreakable) {
        int end = start + limit;
        // a cut in the first third would make many small sections; take a weaker boundary further on
        for (int minimum : new int[] {start + limit / 3, start + 1}) {
            for (Boundary boundary : Boundary.values()) {
                for (int cut = end; cut >= minimum; cut--) {
                    if (!insideUnbreakable[cut] && is(boundary, text, cut)) {
                        return cut;
                    }
                }
            }
        }
        // one unbreakable span longer than the limit: cut it rather than exceed Slack's limit
        return Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end;
    }

    /** Whether cutting before index {@code cut} (text[cut] starts the next piece) is this kind of boundary. */
    private static boolean is(Boundary boundary, String text, int cut) {
        char before = text.charAt(cut - 1);
        char next = text.charAt(cut);
        if (boundary == Boundary.ANYWHERE) {
            return !Character.isLowSurrogate(next);
        }
        if (Character.isWhitespace(next) || !Character.isWhitespace(before) || next == '[') {
            return false;
        }
        return switch (boundary) {
            case PARAGRAPH -> cut >= 2 && text.charAt(cut - 1) == '\n' && text.charAt(cut - 2) == '\n';
            case LINE -> before == '\n';
            case SENTENCE -> endsSentence(text, cut - 1);
            default -> true;
        };
    }

    /** The text before the whitespace run ending at {@code index} closes a sentence (".", "!", "?", or a marker after one). */
    private static boolean endsSentence(String text, int index) {
        int i = index;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char last = text.charAt(i);
        return last == '.' || last == '!' || last == '?' || last == ']';
    }

    private static boolean[] unbreakablePositions(String text) {
        boolean[] inside = new boolean[text.length() + 1];
        Matcher matcher = UNBREAKABLE.matcher(text);
        while (matcher.find()) {
            for (int i = matcher.start() + 1; i < matcher.end(); i++) {
                inside[i] = true;
            }
        }
        return inside;
    }
}
