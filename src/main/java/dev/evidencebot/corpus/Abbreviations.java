package dev.evidencebot.corpus;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a full stop ends a sentence or an abbreviation ("et al.", "e.g.", "Ph.D.", initials).
 * Shared by the corpus's sentence splitter and the splitter of a model's streamed answer, so an
 * article and an answer are cut into sentences by the same rule.
 */
public final class Abbreviations {

    private static final Set<String> WORDS = Set.of(
            "al", "e.g", "i.e", "vs", "cf", "ca", "approx", "dr", "mr", "mrs", "ms", "prof", "st",
            "jr", "sr", "fig", "figs", "no", "nos", "vol", "vols", "pp", "p", "ed", "eds", "inc", "ltd",
            "co", "corp", "dept", "univ", "min", "max", "mg", "ml", "resp", "incl", "viz", "ref", "refs");
    // "Ph.D", "U.S", "M.Sc": letters and dots, each piece at most three letters
    private static final Pattern DOTTED = Pattern.compile("(?:\\p{L}{1,3}\\.)+\\p{L}{1,3}");

    private Abbreviations() {
    }

    /**
     * @param dot     index of a '.' in text
     * @param openers characters that may open the word before the dot (quotes, brackets) and are not part of it
     */
    public static boolean endsAbbreviation(CharSequence text, int dot, String openers) {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int from = dot;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        while (from < dot && openers.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        if (from == dot) {
            return false;
        }
        String word = text.subSequence(from, dot).toString();
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        return initial || WORDS.contains(word.toLowerCase()) || DOTTED.matcher(word).matches();
    }
}
