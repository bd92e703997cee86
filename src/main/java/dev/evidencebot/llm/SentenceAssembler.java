package dev.evidencebot.llm;

import dev.evidencebot.corpus.Abbreviations;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a model's text, as it streams in, into whole sentences, so that each can be checked the
 * moment it is complete. A sentence ends at '.', '!' or '?' (with any closing quote or bracket)
 * once what follows shows it ended: whitespace and a capital, digit, opening bracket or markdown
 * bullet, or a line break. Markers written after the full stop ("... study. [2]" or
 * "study.[2][3]") belong to the sentence before them. No break after an abbreviation ("et al.",
 * "e.g.", "vs."), an initial, or inside a decimal ("2.5" has no space after its point). A blank
 * line is a paragraph break, handed over as "\n\n"; a markdown bullet or heading sign is dropped.
 */
final class SentenceAssembler {

    static final String PARAGRAPH = "\n\n";

    private static final Pattern MARKERS_AFTER = Pattern.compile("[ \\t]*\\[\\d{1,3}(?:\\s*,\\s*\\d{1,3})*]");
    /** What a marker looks like while it is still arriving: "[", "[1", "[1, 2". */
    private static final Pattern MARKER_SO_FAR = Pattern.compile("\\[\\d{0,3}(?:\\s*,\\s*\\d{0,3})*");
    private static final Pattern LINE_PREFIX = Pattern.compile("^(?:#{1,6}\\s+|[-*+•]\\s+|\\d{1,3}[.)]\\s+)");
    private static final String TERMINALS = ".!?";
    private static final String CLOSERS = "\"”’')»*";
    private static final String OPENERS = "\"“‘'([«*-•";

    private final Consumer<String> sentences;
    private final StringBuilder pending = new StringBuilder();
    private boolean paragraphPending;

    SentenceAssembler(Consumer<String> sentences) {
        this.sentences = sentences;
    }

    /** Takes the next piece of text; hands over every sentence it completes. */
    void add(String piece) {
        pending.append(piece);
        drain(false);
    }

    /** The text has ended: hands over what remains as the last sentence. */
    void finish() {
        drain(true);
        String last = pending.toString();
        pending.setLength(0);
        hand(last);
    }

    private void drain(boolean ended) {
        while (true) {
            int blank = 0;
            int newlines = 0;
            while (blank < pending.length() && Character.isWhitespace(pending.charAt(blank))) {
                if (pending.charAt(blank) == '\n') {
                    newlines++;
                }
                blank++;
            }
            if (blank == pending.length() && !ended) {
                return; // the whitespace may still grow into a paragraph break
            }
            if (newlines >= 2) {
                paragraphPending = true;
            }
            pending.delete(0, blank);
            int end = boundary(ended);
            if (end <= 0) {
                return;
            }
            String sentence = pending.substring(0, end);
            pending.delete(0, end);
            hand(sentence);
        }
    }

    /** Where the first complete sentence of the pending text ends, or 0 when none is complete yet. */
    private int boundary(boolean ended) {
        for (int i = 0; i < pending.length(); i++) {
            char c = pending.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (TERMINALS.indexOf(c) < 0 || isAbbreviation(i)) {
                continue;
            }
            int end = i + 1;
            while (end < pending.length() && CLOSERS.indexOf(pending.charAt(end)) >= 0) {
                end++;
            }
            Matcher markers = MARKERS_AFTER.matcher(pending);
            while (end < pending.length() && markers.region(end, pending.length()).lookingAt()) {
                end = markers.end();
            }
            int next = end;
            while (next < pending.length() && (pending.charAt(next) == ' ' || pending.charAt(next) == '\t')) {
                next++;
            }
            if (next == pending.length()) {
                return ended ? end : 0; // cannot tell yet whether more markers or the sentence's end follows
            }
            char following = pending.charAt(next);
            if (following == '[' && !ended && MARKER_SO_FAR.matcher(pending.substring(next)).matches()) {
                return 0; // a marker still arriving may belong to this sentence
            }
            if (following == '\n' || (next > end && startsSentence(following))) {
                return end;
            }
        }
        return 0;
    }

    private void hand(String raw) {
        String sentence = LINE_PREFIX.matcher(raw.strip()).replaceFirst("").strip();
        if (sentence.isEmpty()) {
            return;
        }
        if (paragraphPending) {
            sentences.accept(PARAGRAPH);
            paragraphPending = false;
        }
        sentences.accept(sentence);
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0;
    }

    private boolean isAbbreviation(int at) {
        if (pending.charAt(at) != '.') {
            return false;
        }
        int from = at;
        while (from > 0 && !Character.isWhitespace(pending.charAt(from - 1))) {
            from--;
        }
        if (from == 0 && from < at && pending.substring(from, at).chars().allMatch(Character::isDigit)) {
            return true; // "2. " opening a line numbers a list item
        }
        return Abbreviations.endsAbbreviation(pending, at, OPENERS);
    }
}
