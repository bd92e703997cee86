package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a paragraph into sentences. A sentence ends at '.', '!', '?' or '…' (with any closing quote
 * or bracket after it) when whitespace and then a capital, a digit, an opening quote or bracket
 * follows, or when a citation bracket follows directly ("segment.(1)"). A full stop does not end a
 * sentence after an abbreviation ("et al.", "e.g.", "Dr."), an initial ("J. Smith"), or a dotted
 * short form ("Ph.D.", "U.S."); decimals ("2.5") never break since no space follows the point.
 */
final class SentenceSplitter {

    /** A sentence as [start, end) offsets into the paragraph. */
    record Span(int start, int end) {
        String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final String TERMINALS = ".!?…";
    private static final String CLOSERS = "\"”’')]»";
    private static final String OPENERS = "\"“‘'([«";

    private SentenceSplitter() {
    }

    static List<Span> split(String text) {
        List<Span> sentences = new ArrayList<>();
        int start = skipSpaces(text, 0);
        for (int i = start; i < text.length(); i++) {
            if (TERMINALS.indexOf(text.charAt(i)) < 0 || isAbbreviation(text, i)) {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            int next = skipSpaces(text, end);
            if (next == text.length()) {
                break;
            }
            boolean spaced = next > end;
            if (spaced ? startsSentence(text.charAt(next)) : startsCitation(text, end)) {
                sentences.add(new Span(start, end));
                start = next;
                i = next - 1;
            }
        }
        int end = text.stripTrailing().length();
        if (start < end) {
            sentences.add(new Span(start, end));
        }
        return sentences;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0;
    }

    private static boolean startsCitation(String text, int at) {
        return at + 1 < text.length()
                && (text.charAt(at) == '(' || text.charAt(at) == '[')
                && Character.isDigit(text.charAt(at + 1));
    }

    private static boolean isAbbreviation(String text, int dot) {
        return Abbreviations.endsAbbreviation(text, dot, OPENERS);
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
