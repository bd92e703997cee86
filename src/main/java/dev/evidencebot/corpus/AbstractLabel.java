package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A structured abstract's section label ("OBJECTIVES", "Results:") and what the sentences under it do.
 * A label that joins two parts ("METHODS AND RESULTS", "BACKGROUND AND AIMS") fixes no role: the
 * sentences' own words decide, starting from the first part (see {@link SentenceRoles}).
 *
 * @param words the label as written, without its colon
 * @param role  the role of every sentence under it, or the role words start from when {@code mixed}
 */
record AbstractLabel(String words, Passage.Role role, boolean mixed) {

    /** A span of a paragraph under one label (null when the text before any label has none). */
    record Part(AbstractLabel label, String text) {
    }

    private static final Passage.Role B = Passage.Role.BACKGROUND;
    private static final Passage.Role A = Passage.Role.AIM;
    private static final Passage.Role M = Passage.Role.METHOD;
    private static final Passage.Role F = Passage.Role.FINDING;

    /** Labels of PubMed and SciFact abstracts, upper case; "AND" also matches "/" and "&". */
    private static final Map<String, Passage.Role> PURE = Map.ofEntries(
            Map.entry("BACKGROUND", B), Map.entry("INTRODUCTION", B), Map.entry("CONTEXT", B),
            Map.entry("IMPORTANCE", B), Map.entry("RATIONALE", B), Map.entry("MOTIVATION", B),
            Map.entry("SUMMARY OF BACKGROUND DATA", B),
            Map.entry("OBJECTIVE", A), Map.entry("OBJECTIVES", A), Map.entry("AIM", A), Map.entry("AIMS", A),
            Map.entry("PURPOSE", A), Map.entry("PURPOSES", A), Map.entry("STUDY OBJECTIVE", A),
            Map.entry("STUDY OBJECTIVES", A), Map.entry("GOAL", A), Map.entry("GOALS", A), Map.entry("HYPOTHESIS", A),
            Map.entry("PURPOSE OF REVIEW", A), Map.entry("RESEARCH QUESTION", A), Map.entry("AIM OF THE STUDY", A),
            Map.entry("METHODS", M), Map.entry("METHOD", M), Map.entry("METHODOLOGY", M),
            Map.entry("MATERIALS AND METHODS", M), Map.entry("MATERIAL AND METHODS", M),
            Map.entry("METHODS AND MATERIALS", M), Map.entry("PATIENTS AND METHODS", M),
            Map.entry("SUBJECTS AND METHODS", M), Map.entry("DESIGN", M), Map.entry("STUDY DESIGN", M),
            Map.entry("EXPERIMENTAL DESIGN", M), Map.entry("DESIGN AND METHODS", M), Map.entry("DESIGN AND SETTING", M),
            Map.entry("DESIGN, SETTING, AND PARTICIPANTS", M), Map.entry("DESIGN, SETTING AND PARTICIPANTS", M),
            Map.entry("RESEARCH DESIGN AND METHODS", M), Map.entry("SETTING", M), Map.entry("SETTINGS", M),
            Map.entry("PARTICIPANTS", M), Map.entry("PATIENTS", M), Map.entry("SUBJECTS", M), Map.entry("POPULATION", M),
            Map.entry("INTERVENTION", M), Map.entry("INTERVENTIONS", M), Map.entry("EXPOSURE", M),
            Map.entry("EXPOSURES", M), Map.entry("MAIN OUTCOME", M), Map.entry("MAIN OUTCOMES", M),
            Map.entry("MAIN OUTCOME MEASURE", M), Map.entry("MAIN OUTCOME MEASURES", M),
            Map.entry("MAIN OUTCOMES AND MEASURES", M), Map.entry("MAIN OUTCOME MEASUREMENTS", M),
            Map.entry("OUTCOME MEASURES", M), Map.entry("MEASUREMENTS", M), Map.entry("DATA SOURCES", M),
            Map.entry("STUDY SELECTION", M), Map.entry("DATA EXTRACTION", M), Map.entry("SEARCH STRATEGY", M),
            Map.entry("SELECTION CRITERIA", M), Map.entry("DATA COLLECTION AND ANALYSIS", M),
            Map.entry("TRIAL REGISTRATION", M), Map.entry("FUNDING", M), Map.entry("LIMITATIONS", M),
            Map.entry("AVAILABILITY", M), Map.entry("AVAILABILITY AND IMPLEMENTATION", M),
            Map.entry("RESULTS", F), Map.entry("RESULT", F), Map.entry("FINDINGS", F), Map.entry("PRINCIPAL FINDINGS", F),
            Map.entry("MAIN RESULTS", F), Map.entry("KEY RESULTS", F), Map.entry("RECENT FINDINGS", F),
            Map.entry("DATA SYNTHESIS", F), Map.entry("CONCLUSION", F), Map.entry("CONCLUSIONS", F),
            Map.entry("CONCLUSIONS AND RELEVANCE", F), Map.entry("AUTHORS' CONCLUSIONS", F),
            Map.entry("INTERPRETATION", F), Map.entry("DISCUSSION", F), Map.entry("SIGNIFICANCE", F),
            Map.entry("IMPLICATIONS", F), Map.entry("CLINICAL RELEVANCE", F));

    /** Labels that join parts: words decide, starting from the first part's role. */
    private static final Map<String, Passage.Role> MIXED = Map.ofEntries(
            Map.entry("BACKGROUND AND AIMS", B), Map.entry("BACKGROUND AND AIM", B),
            Map.entry("BACKGROUND AND PURPOSE", B), Map.entry("BACKGROUND AND OBJECTIVES", B),
            Map.entry("BACKGROUND AND OBJECTIVE", B), Map.entry("CONTEXT AND OBJECTIVE", B),
            Map.entry("INTRODUCTION AND AIMS", B),
            Map.entry("METHODS AND RESULTS", M), Map.entry("METHODS AND FINDINGS", M),
            Map.entry("MEASUREMENTS AND MAIN RESULTS", M));

    /** Labels that say nothing of what follows: cut out of the text, the words decide as if there were none. */
    private static final Set<String> NO_ROLE = Set.of("UNLABELLED", "UNLABELED", "SUMMARY", "ABSTRACT");

    /**
     * A label opens the paragraph or follows a sentence end. Upper case it may stand alone before a
     * capital ("OBJECTIVES To examine"); in any case it may end with a colon ("Methods: ..."). Longest first,
     * so "METHODS AND RESULTS" is not read as "METHODS".
     */
    private static final Pattern LABEL = Pattern.compile(
            // case-insensitive only inside the label: what follows a bare label must really be a capital
            "(?:^|(?<=[.!?)\\]]\\s))((?i:" + alternatives() + "))(?:\\s*(:)\\s*|\\s+(?=[\\p{Lu}\\d(\\[])|\\s*$)");

    private static String alternatives() {
        List<String> labels = new ArrayList<>(PURE.keySet());
        labels.addAll(MIXED.keySet());
        labels.addAll(NO_ROLE);
        labels.sort(Comparator.comparingInt(String::length).reversed());
        List<String> patterns = new ArrayList<>();
        for (String label : labels) {
            patterns.add(Pattern.quote(label).replace(" AND ", "\\E(?:\\s+AND\\s+|\\s*[/&]\\s*)\\Q")
                    .replace(" ", "\\E\\s+\\Q"));
        }
        return String.join("|", patterns);
    }

    /**
     * Cuts a paragraph at its labels. Text before the first label (or the whole paragraph when it has
     * none) stays under {@code carried}, the label of the paragraph before: a label on a line of its own
     * heads the paragraphs after it.
     */
    static List<Part> split(String paragraph, AbstractLabel carried) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = LABEL.matcher(paragraph);
        AbstractLabel current = carried;
        int from = 0;
        while (matcher.find()) {
            String words = matcher.group(1);
            boolean upper = words.equals(words.toUpperCase(Locale.ROOT));
            if (!upper && matcher.group(2) == null) {
                continue; // "Background noise was..." is a sentence; a label in lower case needs its colon
            }
            addPart(parts, current, paragraph.substring(from, matcher.start()));
            current = of(words);
            from = matcher.end();
        }
        addPart(parts, current, paragraph.substring(from));
        if (parts.isEmpty() && current != carried) {
            parts.add(new Part(current, "")); // a label alone: it heads what follows
        }
        return parts;
    }

    private static void addPart(List<Part> parts, AbstractLabel label, String text) {
        String trimmed = text.trim();
        if (!trimmed.isEmpty()) {
            parts.add(new Part(label, trimmed));
        }
    }

    /** A label given apart from the text (PubMed XML's {@code Label} attribute), or null when it is not one we know. */
    static AbstractLabel named(String written) {
        if (written == null) {
            return null;
        }
        String key = key(written.trim());
        return PURE.containsKey(key) || MIXED.containsKey(key) || NO_ROLE.contains(key) ? of(written.trim()) : null;
    }

    private static String key(String written) {
        return written.toUpperCase(Locale.ROOT).replaceAll("\\s*[/&]\\s*", " AND ").replaceAll("\\s+", " ");
    }

    private static AbstractLabel of(String written) {
        String key = key(written);
        if (PURE.containsKey(key)) {
            return new AbstractLabel(written, PURE.get(key), false);
        }
        return new AbstractLabel(written, MIXED.get(key), true);
    }
}
