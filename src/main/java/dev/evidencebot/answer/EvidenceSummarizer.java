package dev.evidencebot.answer;

import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An answer's overall evidence, from the sources it actually cites: the strongest level among them
 * (the scale's rule) and a summary of which kinds of studies stand behind it and what is missing.
 * Written by the system, never by a composer.
 */
final class EvidenceSummarizer {

    /** The summary of an answer that cites nothing: what a visitor needs to know, in plain words. */
    static final String NO_SOURCE = "no source in the articles answers this question";
    /** The level word for that answer: "uncited" is the scale's word for a statement without a citation, not for no answer. */
    static final String NO_LEVEL = "none";

    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

    EvidenceSummary summarize(List<Source> cited) {
        if (cited.isEmpty()) {
            return new EvidenceSummary(EvidenceLevel.UNCITED, NO_SOURCE);
        }
        // Count each reference once, however many sentences cite it.
        // A primary source is a study even before the grader has graded it, never an uncited statement.
        Map<String, Grading> distinct = new LinkedHashMap<>();
        int uncitedStatements = 0;
        Set<String> ungraded = new HashSet<>();
        for (Source source : cited) {
            if (source.reference() == null) {
                uncitedStatements++;
            } else if (source.primary() && source.grading().studyType() == StudyType.NONE) {
                ungraded.add(source.key());
            } else {
                distinct.putIfAbsent(source.key(), source.grading());
            }
        }
        int ungradedStudies = ungraded.size();
        EvidenceLevel level = EvidenceLevel.UNCITED;
        Map<StudyType, List<Grading>> byType = new EnumMap<>(StudyType.class);
        int warned = 0;
        for (Grading grading : distinct.values()) {
            level = EvidenceLevel.strongest(level, grading.level());
            byType.computeIfAbsent(grading.studyType(), type -> new ArrayList<>()).add(grading);
            if (!grading.warnings().isEmpty()) {
                warned++;
            }
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((type, gradings) -> parts.add(describe(type, gradings)));
        if (ungradedStudies > 0) {
            parts.add(count(ungradedStudies) + (ungradedStudies == 1 ? " study" : " studies") + " not graded yet");
        }
        if (uncitedStatements > 0) {
            parts.add(count(uncitedStatements) + (uncitedStatements == 1 ? " statement" : " statements")
                    + " the article makes without a citation");
        }
        List<String> missing = new ArrayList<>();
        // What a study not graded yet is remains open, so nothing is said missing while one is cited.
        if (level.ordinal() > EvidenceLevel.MODERATE.ordinal() && ungradedStudies == 0) {
            missing.add("no randomized trials are cited");
        }
        if (level.ordinal() > EvidenceLevel.VERY_LOW.ordinal() && !distinct.isEmpty() && ungradedStudies == 0) {
            missing.add("no human studies are cited");
        }
        if (warned > 0) {
            missing.add(count(warned) + (warned == 1 ? " source carries a warning" : " sources carry warnings"));
        }
        String summary = joinWithAnd(parts) + (missing.isEmpty() ? "" : "; " + String.join("; ", missing));
        return new EvidenceSummary(level, summary);
    }

    /** The answer's last line. */
    static String line(EvidenceSummary evidence) {
        String level = NO_SOURCE.equals(evidence.summary()) ? NO_LEVEL : evidence.level().words();
        return AnswerTexts.EVIDENCE_LINE_PREFIX + level + " — " + evidence.summary();
    }

    private static String describe(StudyType type, List<Grading> gradings) {
        String words = gradings.size() == 1 ? type.words() : plural(type.words());
        String description = count(gradings.size()) + " " + words;
        if (gradings.size() == 1 && gradings.get(0).population() != null) {
            description += " (" + gradings.get(0).population() + ")";
        }
        return description;
    }

    private static String plural(String words) {
        if (words.endsWith("study")) {
            return words.substring(0, words.length() - 1) + "ies";
        }
        if (words.endsWith("analysis")) {
            return words.substring(0, words.length() - 2) + "es";
        }
        return words + "s";
    }

    private static String count(int n) {
        return n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n);
    }

    private static String joinWithAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
