package dev.evidencebot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate every composed sentence passes before anyone sees it, whoever wrote it. A sentence
 * survives only if each of its markers names a source that was given, and it has a marker unless
 * it is one of the system's own sentences that state no finding. Surviving markers are renumbered
 * 1..n in order of first appearance, so the numbers a reader sees match the citations list even
 * when sentences are streamed one at a time.
 */
final class GroundedSentences implements Consumer<String> {

    /** "[3]", "[3, 5]", "[3][5]" all parse; the brackets' content must be numbers only. */
    static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");
    private static final Pattern EVIDENCE_LINE = Pattern.compile("(?im)^\\s*\\**\\s*evidence level\\s*:.*$");
    static final String PARAGRAPH = "\n\n";

    private final Map<Integer, Source> given;
    private final Set<String> sentencesWithoutFindings;
    private final Consumer<String> out;
    private final Map<Integer, Integer> displayNumbers = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final List<String> removed = new ArrayList<>();
    private boolean paragraphPending;

    GroundedSentences(List<Source> sources, Set<String> sentencesWithoutFindings, Consumer<String> out) {
        this.given = new LinkedHashMap<>();
        sources.forEach(source -> given.put(source.number(), source));
        this.sentencesWithoutFindings = sentencesWithoutFindings;
        this.out = out;
    }

    @Override
    public void accept(String sentence) {
        if (PARAGRAPH.equals(sentence)) {
            paragraphPending = !text.isEmpty();
            return;
        }
        // The evidence line is the system's to write; a composer's own version never survives.
        String candidate = EVIDENCE_LINE.matcher(sentence).replaceAll("").strip();
        if (candidate.isEmpty()) {
            return;
        }
        List<Integer> markers = markers(candidate);
        if (markers.isEmpty() && !sentencesWithoutFindings.contains(candidate)) {
            removed.add("no marker: " + candidate);
            return;
        }
        for (int marker : markers) {
            if (!given.containsKey(marker)) {
                removed.add("marker [" + marker + "] was not given: " + candidate);
                return;
            }
        }
        emit(renumber(candidate));
    }

    private void emit(String sentence) {
        String piece;
        if (text.isEmpty()) {
            piece = sentence;
        } else if (paragraphPending) {
            piece = PARAGRAPH + sentence;
        } else {
            piece = " " + sentence;
        }
        paragraphPending = false;
        text.append(piece);
        out.accept(piece);
    }

    private String renumber(String sentence) {
        Matcher matcher = MARKER.matcher(sentence);
        StringBuilder rewritten = new StringBuilder();
        while (matcher.find()) {
            StringBuilder markers = new StringBuilder();
            for (String number : matcher.group(1).split(",")) {
                int original = Integer.parseInt(number.strip());
                int display = displayNumbers.computeIfAbsent(original, n -> displayNumbers.size() + 1);
                String marker = "[" + display + "]";
                if (markers.indexOf(marker) < 0) {
                    markers.append(marker);
                }
            }
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(markers.toString()));
        }
        matcher.appendTail(rewritten);
        return rewritten.toString();
    }

    static List<Integer> markers(String sentence) {
        List<Integer> markers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(sentence);
        while (matcher.find()) {
            for (String number : matcher.group(1).split(",")) {
                markers.add(Integer.parseInt(number.strip()));
            }
        }
        return markers;
    }

    /** The text that survived, as streamed. */
    String text() {
        return text.toString();
    }

    /** The sources that survived, in display order: display number i is at index i - 1. */
    List<Source> cited() {
        List<Source> cited = new ArrayList<>();
        displayNumbers.keySet().forEach(original -> cited.add(given.get(original)));
        return cited;
    }

    /** What was removed and why, for logs and tests; never shown to a reader. */
    List<String> removed() {
        return List.copyOf(removed);
    }

    /** Whether any sentence citing a source survived. */
    boolean grounded() {
        return !displayNumbers.isEmpty();
    }
}
