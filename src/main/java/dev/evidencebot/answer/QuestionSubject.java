package dev.evidencebot.answer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thing a yes/no question asks about: "aspirin" in "Does aspirin help stroke patients?",
 * "green tea extract" in "Can green tea extract lower blood pressure?". A passage that never names
 * it cannot answer, however well it matches the rest ("Semax helped stroke patients" says nothing
 * of aspirin). Read from the question's shape: an auxiliary, a few words, then a verb of effect.
 * A question of another shape has no subject here, and the fitted model alone decides.
 */
final class QuestionSubject {

    private static final Pattern YES_NO = Pattern.compile(
            "^\\s*(?:does|do|did|can|could|will|would|may|might|is|are|was|were)\\s+(.+?)\\s+"
                    + "(help|helps|reduce|reduces|improve|improves|cure|cures|increase|increases|decrease|decreases|cause|causes|"
                    + "prevent|prevents|affect|affects|work|works|interact|interacts|treat|treats|lower|lowers|raise|raises|"
                    + "boost|boosts|protect|protects|change|changes|enhance|enhances|slow|slows|stop|stops|relieve|relieves|"
                    + "worsen|worsens|lead|leads|make|makes|promote|promotes|inhibit|inhibits|induce|induces|impair|impairs|"
                    + "benefit|benefits|predict|predicts|influence|influences|alter|alters|shorten|lengthen|extend|"
                    + "associated|linked|related|effective|safe|harmful|useful|beneficial|better|worse)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words in front of a subject that are not it: "the use of", "taking", "a daily". */
    private static final Set<String> NOT_THE_SUBJECT = Set.copyOf(Arrays.asList(
            "the", "a", "an", "any", "some", "taking", "using", "use", "of", "daily", "regular", "high", "low", "dose",
            "doses", "supplementation", "supplements", "supplement", "it", "this", "that", "they", "these", "those", "there"));
    /** A subject of more words than this is not a thing named but a clause; no rule is safer than a wrong one. */
    private static final int MAX_WORDS = 5;

    private QuestionSubject() {
    }

    /**
     * What the question asks the subject does, as topic terms: "stroke patients" in "Does aspirin
     * help stroke patients?"; empty when the question has no such shape.
     */
    static Set<String> object(String question) {
        Matcher matcher = YES_NO.matcher(question);
        if (!matcher.find() || of(question).isEmpty()) {
            return Set.of();
        }
        return CorpusTerms.topicTerms(question.substring(matcher.end()));
    }

    /** The subject's topic terms (analyzed like passage text), or an empty set when the question has no such shape. */
    static Set<String> of(String question) {
        Matcher matcher = YES_NO.matcher(question);
        if (!matcher.find()) {
            return Set.of();
        }
        List<String> words = Arrays.stream(matcher.group(1).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+"))
                .filter(word -> !word.isEmpty() && !NOT_THE_SUBJECT.contains(word))
                .toList();
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return Set.of();
        }
        return CorpusTerms.topicTerms(String.join(" ", words));
    }
}
