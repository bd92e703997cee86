package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbered citation markers in a sentence: "(3)", "(3, 5)", "(3,5)", "(3-5)" (a range,
 * expanded to 3, 4, 5) and "[3]". Only lists of small integers (1..999) count, so "(BDNF)",
 * "(n = 30)" and years like "(2014)" are left alone; a parenthesis glued to a word ("ACTH(4-10)")
 * is a name, not a marker. Callers use this only for articles that have a reference list.
 */
public final class CitationMarkers {

    /** One marker: where it stands in the text and the reference numbers it names, in order. */
    record Marker(int start, int end, List<Integer> numbers) {
    }

    private static final String LIST = "\\s*\\d{1,3}(?:\\s*[-–—,]\\s*\\d{1,3})*\\s*";
    private static final Pattern MARKER = Pattern.compile("\\((" + LIST + ")\\)|\\[(" + LIST + ")]");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*[-–—]\\s*(\\d+)");
    // a wider range is more likely a quantity ("(10-200)") than a citation
    private static final int LONGEST_RANGE = 30;
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([.,;:!?])");

    private CitationMarkers() {
    }

    static List<Marker> find(String text) {
        List<Marker> markers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            boolean round = matcher.group(1) != null;
            if (round && matcher.start() > 0 && Character.isLetterOrDigit(text.charAt(matcher.start() - 1))) {
                continue;
            }
            if (matcher.end() < text.length() && Character.isLetterOrDigit(text.charAt(matcher.end()))) {
                continue;
            }
            List<Integer> numbers = numbers(round ? matcher.group(1) : matcher.group(2));
            if (!numbers.isEmpty()) {
                markers.add(new Marker(matcher.start(), matcher.end(), numbers));
            }
        }
        return markers;
    }

    /** The numbers a marker's inside names, or empty when it is not a citation list after all. */
    static List<Integer> numbers(String inside) {
        Set<Integer> numbers = new LinkedHashSet<>();
        for (String part : inside.split(",")) {
            Matcher range = RANGE.matcher(part.trim());
            if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                if (from < 1 || to <= from || to - from > LONGEST_RANGE) {
                    return List.of();
                }
                for (int n = from; n <= to; n++) {
                    numbers.add(n);
                }
            } else {
                int n = Integer.parseInt(part.trim());
                if (n < 1) {
                    return List.of();
                }
                numbers.add(n);
            }
        }
        return List.copyOf(numbers);
    }

    /**
     * The text without any marker of its own. A reader removes the markers of an article with a
     * reference list; an article without one keeps its "(1)" and "[2]" as text, and shown beside
     * the system's own [n] they would read as a second, different citation.
     */
    public static String strip(String text) {
        List<Marker> markers = find(text);
        return markers.isEmpty() ? text : remove(text, markers);
    }

    /** The text without these markers, with the space a removed marker leaves before punctuation closed up. */
    static String remove(String text, List<Marker> markers) {
        StringBuilder kept = new StringBuilder();
        int from = 0;
        for (Marker marker : markers) {
            kept.append(text, from, marker.start());
            from = marker.end();
        }
        kept.append(text.substring(from));
        return SPACE_BEFORE_PUNCTUATION.matcher(Text.normalize(kept.toString())).replaceAll("$1");
    }
}
