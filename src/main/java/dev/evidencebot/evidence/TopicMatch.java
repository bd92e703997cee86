package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Reference;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Does a reference's topic match the claim that cites it, and is it about the article's subject at
 * all? Both by content words shared after normalisation ({@link ContentWords}); a judgement a
 * curator can check, which is why it only ever adds warnings and never changes a level.
 */
final class TopicMatch {

    private static final int WORDS_SHOWN = 6;

    /** The article's subject: the word(s) its title shares with most reference titles ("Semax"). */
    record Subject(Map<String, String> words) {

        static final Subject NONE = new Subject(Map.of());

        boolean known() {
            return !words.isEmpty();
        }

        String name() {
            return String.join(" ", words.values());
        }

        boolean mentionedIn(String text) {
            return ContentWords.of(text).keySet().stream().anyMatch(words::containsKey);
        }
    }

    static Subject subject(Article article) {
        List<Reference> references = article.references();
        if (references.size() < 2 || article.title() == null) {
            return Subject.NONE;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Reference reference : references) {
            for (String key : ContentWords.of(ReferenceEntry.title(reference)).keySet()) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        Map<String, String> shared = new LinkedHashMap<>();
        ContentWords.of(article.title()).forEach((key, word) -> {
            if (counts.getOrDefault(key, 0) * 2 > references.size()) {
                shared.put(key, word);
            }
        });
        return new Subject(shared);
    }

    /** A warning when the claim and the reference's title share no content word besides the subject, else null. */
    static Caution mismatch(String claim, String referenceTitle, Subject subject) {
        Map<String, String> claimWords = withoutSubject(ContentWords.of(claim), subject);
        Map<String, String> titleWords = withoutSubject(ContentWords.of(referenceTitle), subject);
        if (claimWords.isEmpty() || titleWords.isEmpty()) {
            return null; // too little to compare: say nothing rather than guess
        }
        Set<String> shared = claimWords.keySet().stream().filter(titleWords::containsKey).collect(Collectors.toSet());
        if (!shared.isEmpty()) {
            return null;
        }
        return new Caution("The cited study's title is about other things (" + shown(titleWords)
                + "), so it may not back this sentence.",
                "the citation may not support the claim: the claim is about " + shown(claimWords)
                + "; the reference is about " + shown(titleWords));
    }

    /** A warning when a reference does not mention the article's subject at all, else null. */
    static Caution background(String referenceTitle, Subject subject) {
        if (!subject.known() || subject.mentionedIn(referenceTitle)) {
            return null;
        }
        return new Caution("This reference is background reading; it is not about " + subject.name() + ".",
                "background, not about " + subject.name());
    }

    /**
     * As {@link #background(String, Subject)}, but not when the claim that cites the reference names the
     * subject while describing the cited study ("A single report described a man who drank caffeinated
     * energy drinks"): the author read the study as about the subject, and its title may name the subject
     * by another word ("energy drink" for caffeine). A claim that only states general knowledge next to
     * the subject ("Semax is a fragment of ACTH") does not describe a study, so its reference can still be
     * background.
     */
    static Caution background(String referenceTitle, Subject subject, String claim, boolean claimDescribesStudy) {
        if (claimDescribesStudy && subject.known() && subject.mentionedIn(claim)) {
            return null;
        }
        return background(referenceTitle, subject);
    }

    private static Map<String, String> withoutSubject(Map<String, String> words, Subject subject) {
        Map<String, String> kept = new LinkedHashMap<>(words);
        kept.keySet().removeAll(subject.words().keySet());
        return kept;
    }

    private static String shown(Map<String, String> words) {
        return words.values().stream().limit(WORDS_SHOWN).collect(Collectors.joining(", "));
    }
}
