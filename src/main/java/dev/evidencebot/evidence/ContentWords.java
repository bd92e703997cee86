package dev.evidencebot.evidence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content words of a text, normalised so that a claim and a title that say the same thing in
 * different forms meet: a light stem ("behaviors", "behavioral" -> "behavior"), multi-word terms
 * folded to their abbreviation, and a few synonym groups of this field.
 */
final class ContentWords {

    /** Multi-word terms, each folded to the one token articles also write ("brain-derived" must not count as "brain"). */
    private static final Map<Pattern, String> TERMS = Map.of(
            term("brain-derived neurotrophic factor"), "BDNF",
            term("nerve growth factor"), "NGF",
            term("default mode network"), "DMN",
            term("selective serotonin reuptake inhibitors?"), "SSRI",
            term("adrenocorticotropic hormone"), "ACTH");

    /** Word (lower case) -> the concept it stands for. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("ssris", "ssri"), Map.entry("fluvoxamine", "ssri"), Map.entry("fluoxetine", "ssri"),
            Map.entry("sertraline", "ssri"), Map.entry("paroxetine", "ssri"), Map.entry("citalopram", "ssri"),
            Map.entry("escitalopram", "ssri"),
            Map.entry("adrenocorticotropin", "acth"), Map.entry("adrenocorticotropic", "acth"),
            Map.entry("corticotropin", "acth"),
            Map.entry("nootropic", "cognition"), Map.entry("cognitive", "cognition"), Map.entry("memory", "cognition"),
            Map.entry("attention", "cognition"), Map.entry("learning", "cognition"),
            Map.entry("concentration", "cognition"),
            Map.entry("ischemic", "ischemia"), Map.entry("ischaemia", "ischemia"), Map.entry("stroke", "ischemia"),
            Map.entry("anxious", "anxiety"), Map.entry("anxiolytic", "anxiety"));

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
            "does", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
            "here", "his", "how", "into", "is", "it", "its", "just", "may", "might", "more", "most", "much", "no",
            "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "out", "over",
            "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
            "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
            "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
            "you", "your", "via", "based", "new", "use", "using", "used", "well",
            // words of reporting, not of topic
            "study", "studies", "research", "effect", "effects", "effectiveness", "influence", "role", "result",
            "results", "finding", "findings", "found", "show", "shown", "showed", "showing", "shows", "reveal",
            "revealed", "demonstrate", "demonstrates", "demonstrated", "evidence", "significant", "significantly",
            "groundbreaking", "remarkable", "remarkably", "noticeable", "noticeably", "particularly", "notably",
            "seemed", "appeared", "related", "affects", "affect", "relationship", "induced", "increased",
            "typically", "often", "potentially", "specifically", "unique", "analysis");

    private static final String[] SUFFIXES = {
            "ational", "ations", "ation", "ically", "ities", "ity", "ments", "ment", "ness", "ings", "ing", "ures",
            "ure", "ives", "ive", "ally", "ials", "ial", "als", "al", "ies", "ied", "ers", "er", "ed", "es", "s", "e", "y"};

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+");

    private ContentWords() {
    }

    private static Pattern term(String words) {
        return Pattern.compile("\\b" + words.replace(" ", "[\\s-]+") + "\\b", Pattern.CASE_INSENSITIVE);
    }

    /** Normalised key -> the word as first written, in text order. */
    static Map<String, String> of(String text) {
        String folded = text == null ? "" : text;
        for (Map.Entry<Pattern, String> term : TERMS.entrySet()) {
            folded = term.getKey().matcher(folded).replaceAll(term.getValue());
        }
        Map<String, String> words = new LinkedHashMap<>();
        Matcher matcher = WORD.matcher(folded);
        while (matcher.find()) {
            String word = matcher.group();
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() < 3 || STOP_WORDS.contains(lower) || lower.chars().allMatch(Character::isDigit)) {
                continue;
            }
            words.putIfAbsent(key(lower), word);
        }
        return words;
    }

    static String key(String lower) {
        String synonym = SYNONYMS.get(lower);
        return synonym != null ? synonym : stem(lower);
    }

    static String stem(String word) {
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
