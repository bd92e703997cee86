package dev.evidencebot.answer;

import dev.evidencebot.index.TextTerms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate every composed sentence passes before anyone sees it, whoever wrote it. A sentence
 * survives only if each of its markers names a source that was given, it has a marker unless it
 * is one of the system's own sentences that state no finding, and it is supported by what it
 * cites: at least {@link #SUPPORT} of its content terms occur in the cited passages (with their
 * context). The last rule is what makes a model's sentence trustworthy rather than merely
 * well-formed: a claim the model invented, or one an injected instruction asked for, does not
 * become true by carrying a valid "[2]". A quoted passage always passes it. Shared words are not
 * enough, though: {@link ClaimChecks} then refuses a sentence that adds a link, a number, an
 * instruction, a negation, a population or a substance its passages do not have. Lists of sources and
 * evidence lines are the system's to write, so a composer's own versions never pass.
 * A sentence may open by naming the article it reports ("According to “Title”: ..."); the name
 * must be the title of an article it cites, and is not counted as a claim about the sources.
 * Surviving markers are renumbered 1..n in order of first appearance, so the numbers a reader
 * sees match the citations list even when sentences are streamed one at a time.
 *
 * <p>The system's own sentences about the gradings ("No randomized controlled trials are cited
 * [1][2]") do not go through {@link #accept}: they report what the grader decided, not what a
 * passage says, so {@link #stated} checks only that their markers name sources that were given.
 */
final class GroundedSentences implements Consumer<String> {

    /** "[3]", "[3, 5]", "[3][5]" all parse; the brackets' content must be numbers only. */
    static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");
    private static final Pattern EVIDENCE_LINE = Pattern.compile("(?im)^\\s*\\**\\s*evidence level\\s*:.*$");
    /** "Sources:", "**References:**": a composer's own list of sources, which the system writes instead. */
    private static final Pattern SOURCES_HEADING = Pattern.compile("(?i)^\\W*(?:sources|references|citations)\\W*:");
    /** A line that starts with its marker is an entry of a sources list, not a finding. */
    private static final Pattern LIST_ENTRY = Pattern.compile("^\\W{0,3}\\[\\d");
    /** "According to “Title”: " or "According to “Title”, ": the article a sentence reports. */
    static final Pattern ATTRIBUTION = Pattern.compile("^According to “([^”]+)”[:,]\\s*");
    /** Share of a sentence's content terms that its cited passages must contain. */
    static final double SUPPORT = 0.5;
    static final String PARAGRAPH = "\n\n";

    private final Map<Integer, Source> given;
    private final Set<String> sentencesWithoutFindings;
    private final Consumer<String> out;
    private final Map<Integer, Integer> displayNumbers = new LinkedHashMap<>();
    private final Map<Integer, Set<String>> supportTerms = new HashMap<>();
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
        if (sentencesWithoutFindings.contains(candidate)) {
            emit(candidate);
            return;
        }
        if (SOURCES_HEADING.matcher(candidate).find() || LIST_ENTRY.matcher(candidate).find()) {
            removed.add("a list of sources: " + candidate);
            return;
        }
        List<Integer> markers = markers(candidate);
        if (markers.isEmpty()) {
            removed.add("no marker: " + candidate);
            return;
        }
        for (int marker : markers) {
            if (!given.containsKey(marker)) {
                removed.add("marker [" + marker + "] was not given: " + candidate);
                return;
            }
        }
        Matcher attribution = ATTRIBUTION.matcher(candidate);
        String claim = candidate;
        if (attribution.find()) {
            String named = attribution.group(1);
            boolean cites = markers.stream().anyMatch(marker -> ArticleTitles.of(given.get(marker).article()).equals(named));
            if (!cites) {
                removed.add("names an article it does not cite: " + candidate);
                return;
            }
            claim = candidate.substring(attribution.end());
        }
        double support = support(claim, markers);
        if (support < SUPPORT) {
            removed.add(String.format("only %.0f%% of its terms are in the sources it cites: %s", support * 100, candidate));
            return;
        }
        String cited = String.join(" ", new java.util.LinkedHashSet<>(markers).stream()
                .map(marker -> given.get(marker).supportText()).toList());
        java.util.Optional<String> says = ClaimChecks.refuse(MARKER.matcher(claim).replaceAll(" "), cited);
        if (says.isPresent()) {
            removed.add(says.get() + ": " + candidate);
            return;
        }
        emit(renumber(candidate));
    }

    /**
     * A sentence the system wrote from the gradings of the sources it numbered itself, such as an
     * answer to "Was it tested in humans?". It is not a paraphrase of any passage, so no support
     * check applies; its markers must still name given sources, and are renumbered like any other.
     *
     * @throws IllegalArgumentException when a marker names no given source: a bug, never a reader's problem
     */
    void stated(String sentence) {
        for (int marker : markers(sentence)) {
            if (!given.containsKey(marker)) {
                throw new IllegalArgumentException("marker [" + marker + "] was not given: " + sentence);
            }
        }
        emit(renumber(sentence));
    }

    /** The share of the sentence's content terms (markers aside) found in the cited passages; 1 when it has none. */
    private double support(String sentence, List<Integer> markers) {
        Set<String> terms = new HashSet<>(TextTerms.of(MARKER.matcher(sentence).replaceAll(" ")));
        if (terms.isEmpty()) {
            return 1;
        }
        Set<String> cited = new HashSet<>();
        for (int marker : new HashSet<>(markers)) {
            cited.addAll(supportTerms.computeIfAbsent(marker, number -> new HashSet<>(TextTerms.of(given.get(number).supportText()))));
        }
        long found = terms.stream().filter(cited::contains).count();
        return (double) found / terms.size();
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
