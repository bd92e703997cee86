package dev.evidencebot.answer;

import dev.evidencebot.evidence.EvidenceLevel;
import dev.evidencebot.evidence.Grading;
import dev.evidencebot.evidence.StudyType;
import dev.evidencebot.index.TextTerms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers an evidence question ({@link EvidenceQuestions}) from the gradings of the sources on its
 * topic: which kinds of cited studies exist, each with its marker, and for a yes/no question the
 * verdict as the first word ("No. The findings on anxiety come from rat studies [1][2]; no human
 * study on anxiety is cited."). The sentences are the system's, written from the grader's
 * decisions, so they go to {@link GroundedSentences#stated}; no model writes them.
 */
final class GradingsComposer {

    static final String NAME = "gradings";

    /** Verbs of effect: a topic's words without them name what it is about ("reduce anxiety" -> "anxiety"). */
    private static final Set<String> NOT_TOPIC = Set.of("reduce", "reduces", "improve", "improves", "increase", "increases",
            "boost", "boosts", "help", "helps", "affect", "affects", "cause", "causes", "treat", "treats", "work", "works",
            "lower", "lowers", "raise", "raises", "enhance", "enhances", "prevent", "prevents", "cure", "cures", "decrease",
            "decreases", "change", "changes", "make", "makes", "find", "found", "show", "shows", "happen", "happened",
            "can", "could", "will", "would", "should", "may", "might", "how", "why", "when", "where", "which", "who", "whom",
            "i", "you", "we", "my", "your", "our", "effect", "effects", "claim", "claims", "say", "says", "said");
    private static final Pattern METHOD_IN_HUMANS = Pattern.compile("humans \\((.+)\\)");

    /**
     * @param topic the words that named the topic (the question without its evidence words, or the
     *              question of the turn it follows); null when nothing named it
     */
    Composed compose(EvidenceQuestions.Kind kind, String topic, List<Source> sources, GroundedSentences out) {
        Map<String, Source> studies = new LinkedHashMap<>();
        sources.forEach(source -> studies.putIfAbsent(source.key(), source));
        List<Source> human = studies.values().stream().filter(GradingsComposer::human)
                .sorted(Comparator.comparing(source -> source.grading().level())).toList();
        // Strongest kind first: rat studies before narrative reviews before what the article states uncited.
        List<Source> rest = studies.values().stream().filter(source -> !human(source))
                .sorted(Comparator.comparing(source -> source.grading().level())).toList();
        boolean ungraded = rest.stream().anyMatch(GradingsComposer::ungraded);
        String on = label(topic, sources).map(label -> " on " + label).orElse("");

        String body;
        if (human.isEmpty()) {
            body = "The findings" + on + " come from " + groups(rest)
                    + (ungraded ? "; whether any was in humans is not graded yet." : "; no human study" + on + " is cited.");
        } else {
            body = "The human evidence" + on + " is " + joinWithAnd(human.stream().map(GradingsComposer::describe).toList())
                    + (rest.isEmpty() ? "." : (rest.size() == 1 ? "; the other source is " : "; the other sources are ") + groups(rest) + ".");
        }
        switch (kind) {
            case HUMANS -> {
                String verdict = !human.isEmpty() ? "Yes. " : ungraded ? "Not known yet. " : "No. ";
                out.stated(verdict + body);
            }
            case RANDOMIZED -> {
                // randomized evidence is what the scale puts at moderate or above: a randomized trial of any
                // design (parallel, cluster, crossover) or a review that pools them
                if (human.stream().anyMatch(source -> !EvidenceLevel.MODERATE.strongerThan(source.grading().level()))) {
                    out.stated("Yes. " + body);
                } else if (ungraded) {
                    out.stated("Not known yet. " + body);
                } else {
                    out.stated("No. No randomized controlled trials are cited" + on + ".");
                    out.stated(body);
                }
            }
            case STRENGTH -> {
                EvidenceLevel level = studies.values().stream().map(source -> source.grading().level())
                        .reduce(EvidenceLevel.UNCITED, EvidenceLevel::strongest);
                out.stated(level == EvidenceLevel.UNCITED ? "No graded study is cited" + on + "."
                        : "The evidence" + on + " is " + level.words() + ".");
                out.stated(body);
            }
            case KINDS -> out.stated(body);
        }
        return new Composed(NAME, null);
    }

    /** A study in humans: the scale's levels from very low up are human evidence, the rest is not. */
    private static boolean human(Source source) {
        return source.reference() != null && !EvidenceLevel.VERY_LOW.strongerThan(source.grading().level());
    }

    private static boolean ungraded(Source source) {
        return source.primary() && source.grading().studyType() == StudyType.NONE;
    }

    /** "an uncontrolled study of 30 stroke patients [1]", "an uncontrolled fMRI study in humans [2]". */
    private static String describe(Source source) {
        Grading grading = source.grading();
        String design = switch (grading.studyType()) {
            case HUMAN_UNCONTROLLED -> "uncontrolled study";
            default -> grading.studyType().words();
        };
        String population = grading.population();
        String phrase;
        Matcher method = population == null ? null : METHOD_IN_HUMANS.matcher(population);
        if (population == null) {
            phrase = design + " in humans";
        } else if (method.matches()) {
            int last = design.lastIndexOf(' ');
            phrase = (last < 0 ? method.group(1) + " " + design : design.substring(0, last) + " " + method.group(1) + design.substring(last))
                    + " in humans";
        } else {
            phrase = design + " of " + population;
        }
        return withArticle(phrase) + " " + marker(source);
    }

    /** The non-human sources by kind: "rat studies [3][4] and a narrative review [5]". */
    private static String groups(List<Source> sources) {
        Map<String, List<Source>> byKind = new LinkedHashMap<>();
        Map<String, String> plurals = new LinkedHashMap<>();
        for (Source source : sources) {
            String[] kind = kind(source);
            byKind.computeIfAbsent(kind[0], k -> new ArrayList<>()).add(source);
            plurals.putIfAbsent(kind[0], kind[1]);
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((singular, members) -> {
            StringBuilder markers = new StringBuilder();
            members.forEach(member -> markers.append(marker(member)));
            parts.add((members.size() == 1 ? withArticle(singular) : plurals.get(singular)) + " " + markers);
        });
        return joinWithAnd(parts);
    }

    /** {singular, plural} words for a non-human source. */
    private static String[] kind(Source source) {
        Grading grading = source.grading();
        if (source.reference() == null) {
            return new String[] {"statement the article makes without a citation", "statements the article makes without a citation"};
        }
        if (ungraded(source)) {
            return new String[] {"study not graded yet", "studies not graded yet"};
        }
        if (grading.studyType() == StudyType.ANIMAL) {
            String species = species(grading.population());
            return new String[] {species + " study", species + " studies"};
        }
        String words = grading.studyType().words();
        return new String[] {words, words.endsWith("study") ? words.substring(0, words.length() - 1) + "ies" : words + "s"};
    }

    /** "adolescent white rats" -> "rat", "mice" -> "mouse"; "animal" when no species is stated. */
    private static String species(String population) {
        if (population == null || population.isBlank()) {
            return "animal";
        }
        String[] words = population.strip().toLowerCase(Locale.ROOT).split("\\s+");
        String last = words[words.length - 1].replaceAll("[^a-z]", "");
        if (last.equals("mice")) {
            return "mouse";
        }
        if (last.isEmpty() || last.equals("animals")) {
            return "animal";
        }
        return last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
    }

    private static String marker(Source source) {
        return "[" + source.number() + "]";
    }

    /**
     * The topic in the question's words, without verbs of effect, and without the subject when
     * the topic says more than the subject ("Does Semax reduce anxiety?" -> "anxiety"; "Has semax
     * been proven?" -> "Semax", spelled as the article's title spells it).
     */
    private static Optional<String> label(String topic, List<Source> sources) {
        if (topic == null) {
            return Optional.empty();
        }
        List<String> words = EvidenceQuestions.words(topic).stream()
                .filter(word -> !NOT_TOPIC.contains(word.toLowerCase(Locale.ROOT))).toList();
        Map<String, String> titleWords = new LinkedHashMap<>();
        sources.stream().map(source -> ArticleTitles.of(source.article())).distinct().forEach(title -> {
            for (String word : title.split("[^\\p{L}\\p{N}-]+")) {
                TextTerms.of(word).forEach(term -> titleWords.putIfAbsent(term, word));
            }
        });
        List<String> own = new ArrayList<>();
        List<String> subject = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String word : words) {
            List<String> terms = TextTerms.of(word);
            if (terms.isEmpty() || !seen.add(terms.get(0))) {
                continue;
            }
            if (titleWords.containsKey(terms.get(0))) {
                subject.add(titleWords.get(terms.get(0)));
            } else {
                own.add(word);
            }
        }
        List<String> label = own.isEmpty() ? subject : own;
        return label.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", label));
    }

    private static String withArticle(String phrase) {
        return (startsWithVowelSound(phrase) ? "an " : "a ") + phrase;
    }

    /** "an uncontrolled ...", "an fMRI ...", "a randomized ...". */
    private static boolean startsWithVowelSound(String phrase) {
        String first = phrase.split("\\s+")[0];
        if (first.isEmpty()) {
            return false;
        }
        char c = Character.toLowerCase(first.charAt(0));
        boolean acronym = first.length() > 1 && Character.isUpperCase(first.charAt(1));
        return "aeiou".indexOf(c) >= 0 && !first.toLowerCase(Locale.ROOT).startsWith("uni")
                || acronym && "fhlmnrsx".indexOf(c) >= 0;
    }

    private static String joinWithAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
