package dev.evidencebot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises questions about the evidence rather than about a finding: "Has it been proven in
 * randomized trials?", "Was that in humans?", "How strong is the evidence that ...?", "What kind
 * of studies back this?". They are answered from the gradings, not by quoting: quoting the rat
 * sentences to "Was that in humans?" reads as a yes. What remains of the question once its
 * evidence words are gone is its topic ("Does Semax reduce anxiety in humans?" -> "Does Semax
 * reduce anxiety?"); a question whose topic is only pronouns points back at the conversation.
 */
final class EvidenceQuestions {

    /** What the question asks of the evidence. */
    enum Kind { RANDOMIZED, HUMANS, STRENGTH, KINDS }

    /**
     * @param topic the question without its evidence words, ending in "?"; empty when nothing but
     *              pronouns and auxiliaries remain ("Was that in humans?")
     */
    record EvidenceQuestion(Kind kind, String topic) {

        /** Whether the question names no topic of its own and leans on what was said before. */
        boolean pointsBack() {
            return topic.isEmpty();
        }
    }

    private static final String STUDIES = "(?:studies|study|trials?|research|evidence|data)";
    private static final String PROVEN = "(?:(?:been|ever\\s+been)\\s+)?(?:proven|proved|tested|studied|shown|tried|used|confirmed|demonstrated|established|done)";

    /** One pattern per kind, tried in this order: the most specific ask wins. */
    private static final Map<Kind, Pattern> KINDS = new LinkedHashMap<>();
    /** A question, not a statement: a question mark, or the words a question starts with. */
    private static final Pattern ASKS = Pattern.compile("\\?\\s*$|^\\s*(?:what|which|how|has|have|had|was|were|is|are|does|do|did|"
            + "can|could|tell|show|any|where|who|why)\\b", Pattern.CASE_INSENSITIVE);

    static {
        KINDS.put(Kind.KINDS, Pattern.compile("\\b(?:what|which)\\s+(?:(?:kinds?|types?|sorts?)\\s+of\\s+)?" + STUDIES
                + "\\s+(?:(?:is|are)\\s+(?:there\\s+)?)?(?:backs?|backing|supports?|supporting|stands?\\s+behind|(?:is|are)\\s+behind|cited)"
                + "|\\b(?:what|which)\\s+(?:kinds?|types?|sorts?)\\s+of\\s+" + STUDIES + "(?:\\s+(?:are\\s+there|exist))?(?:\\s+(?:on|for|about))?",
                Pattern.CASE_INSENSITIVE));
        KINDS.put(Kind.STRENGTH, Pattern.compile("\\bhow\\s+(?:strong|good|solid|reliable|robust|convincing|conclusive|weak|much)\\s+"
                + "(?:is\\s+)?(?:the\\s+)?(?:evidence|research|science|data)(?:\\s+is\\s+there)?(?:\\s+(?:that|for|on|behind|about))?"
                + "|\\bwhat\\s+is\\s+the\\s+evidence\\s+(?:that|for|on|behind)"
                + "|\\bis\\s+there\\s+(?:any\\s+|good\\s+|strong\\s+|solid\\s+|real\\s+)?evidence\\s+(?:that|for|on)",
                Pattern.CASE_INSENSITIVE));
        KINDS.put(Kind.RANDOMIZED, Pattern.compile("(?:\\b" + PROVEN + "\\s+)?(?:\\b(?:in|by|with|through|from)\\s+)?(?:\\b(?:a|an|any)\\s+)?"
                + "\\b(?:randomi[sz]ed(?:[\\s,]+(?:double[- ]blind(?:ed)?|placebo[- ]controlled|controlled|clinical))*\\s+(?:clinical\\s+)?" + STUDIES
                + "|rcts?|placebo[- ]controlled\\s+" + STUDIES + "|double[- ]blind(?:ed)?\\s+" + STUDIES + "|clinical\\s+trials?)\\b",
                Pattern.CASE_INSENSITIVE));
        KINDS.put(Kind.HUMANS, Pattern.compile("(?:\\b" + PROVEN + "\\s+)?\\b(?:in|on|with|among)\\s+(?:humans?|people|human\\s+(?:beings|subjects|volunteers|patients))\\b"
                + "|\\b(?:any\\s+)?human\\s+" + STUDIES + "\\b",
                Pattern.CASE_INSENSITIVE));
    }

    /** Words that leave a topic empty: auxiliaries, pronouns, the verbs of proving. */
    private static final Set<String> FILLERS = Set.of("has", "have", "had", "was", "were", "is", "are", "be", "been", "being",
            "does", "do", "did", "it", "its", "that", "this", "they", "them", "those", "these", "there", "ever", "proven",
            "proved", "tested", "studied", "shown", "tried", "confirmed", "demonstrated", "established", "really", "actually",
            "any", "the", "a", "an", "so", "and", "but", "then", "what", "about", "yet", "already", "even", "also", "at",
            "all", "for", "of", "in", "on", "to", "by", "with", "study", "studies", "research", "evidence", "data", "trial",
            "trials", "findings", "finding", "result", "results", "true", "fact");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    private EvidenceQuestions() {
    }

    /** The question as an evidence question, or empty when it asks about a finding. */
    static Optional<EvidenceQuestion> read(String question) {
        if (!ASKS.matcher(question).find()) {
            // a statement ("Statins reduce mortality in randomized trials.") asks about a finding, not the evidence
            return Optional.empty();
        }
        for (Map.Entry<Kind, Pattern> kind : KINDS.entrySet()) {
            if (kind.getValue().matcher(question).find()) {
                return Optional.of(new EvidenceQuestion(kind.getKey(), topic(question)));
            }
        }
        return Optional.empty();
    }

    /** The question with every evidence phrase removed, or "" when only fillers remain. */
    static String topic(String question) {
        String rest = question;
        for (Pattern pattern : KINDS.values()) {
            rest = pattern.matcher(rest).replaceAll(" ");
        }
        rest = rest.replaceAll("\\s+", " ").replaceAll("\\s*([?!.,;:])+\\s*$", "").replaceAll("[\\s,;:]+$", "").strip();
        return words(rest).isEmpty() ? "" : rest + "?";
    }

    /** The topic's own words: what is left once fillers are gone, as written. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            if (!FILLERS.contains(word.toLowerCase(Locale.ROOT))) {
                words.add(word);
            }
        }
        return words;
    }
}
