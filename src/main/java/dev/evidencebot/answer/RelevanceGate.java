package dev.evidencebot.answer;

import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.index.TextTerms;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which retrieved passages are relevant enough to answer from, and so when to abstain.
 * Retrieval always returns something; this gate is what lets the bot say "the articles do not
 * cover this". A passage passes when the embedding similarity alone is high, or when it is
 * moderate and the passage shares a focus term with the question. Focus terms are the question's
 * terms that are rare in the corpus: "Semax" is in every passage of a Semax article, so it can
 * never by itself make a passage relevant ("Does Semax cure cancer?").
 */
final class RelevanceGate {

    /** How much a focus term found only in a neighbouring sentence counts. */
    private static final double CONTEXT_WEIGHT = 0.5;
    /** A cited sentence covering this share of what the best uncited one covers is preferred to it. */
    private static final double CITED_PREFERENCE = 0.6;
    /** A term in more than this share of passages says nothing about which passage answers. */
    private static final double COMMON_SHARE = 0.2;
    /** Function words and words of asking, not of topic. Analyzed like passage text so stems match. */
    private static final Set<String> QUESTION_WORDS = new HashSet<>(TextTerms.of(
            "about above after again against all am any because been before being below between both down during "
                    + "each few from further had has have having here him his her hers herself himself itself just "
                    + "me more most myself nor now off once only other ought out over own same so some than too "
                    + "under until up very were what's which while whom why yourself yourselves also ever still "
                    + "what which who whom whose when where why how does do did done can could would should shall may might must "
                    + "tell me about i you we my your our know anything something any much many more most some "
                    + "research study studies studied show shows shown evidence effect effects affect article articles "
                    + "say says said find found finding findings work works help helps take taking use using used "
                    + "good bad better best get give given"));

    private final RelevanceSettings settings;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    /** Each passage's terms and each heading's, analyzed once here rather than on every question. */
    private final Map<String, Set<String>> passageTerms = new HashMap<>();
    private final Map<String, Set<String>> headingTerms = new HashMap<>();
    private final int passages;

    RelevanceGate(GradedCorpus corpus, RelevanceSettings settings) {
        this.settings = settings;
        int count = 0;
        for (GradedArticle article : corpus.articles()) {
            for (Passage passage : article.article().passages()) {
                count++;
                Set<String> terms = Set.copyOf(TextTerms.of(passage.text()));
                passageTerms.put(passage.id(), terms);
                headingTerms.computeIfAbsent(heading(passage), heading -> Set.copyOf(TextTerms.of(heading)));
                terms.forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            }
        }
        this.passages = count;
    }

    /** The passages to answer from, best first; empty when the corpus does not answer. */
    List<RetrievedPassage> select(String query, List<RetrievedPassage> ranked) {
        return select(query, query, ranked);
    }

    /**
     * As {@link #select(String, List)} for a follow-up retrieved with the standalone query that
     * carries the conversation: what the person asks now ("What about memory?") names the topic
     * when any candidate speaks of it; only a question with nothing of its own to find ("Was that
     * in humans?") is judged by the whole query.
     */
    List<RetrievedPassage> select(String question, String query, List<RetrievedPassage> ranked) {
        Set<String> asked = focusTerms(question);
        boolean askedIsFound = ranked.stream().anyMatch(candidate -> focusCoverage(candidate, asked) > 0);
        boolean ownTopic = askedIsFound && !FollowUpQueries.pointsBack(question);
        Set<String> focus = ownTopic || question.equals(query) ? asked : focusTerms(query);
        // Each candidate's coverage once: every step below compares it.
        List<Scored> passing = new ArrayList<>();
        for (RetrievedPassage candidate : ranked) {
            Scored scored = new Scored(candidate, focusCoverage(candidate, focus));
            if (passes(scored)) {
                passing.add(scored);
            }
        }
        // Evidence first: a sentence the article states without a citation is used only when no
        // cited sentence answers nearly as well.
        double overallBest = passing.stream().mapToDouble(Scored::coverage).max().orElse(0);
        boolean citedAnswers = passing.stream().anyMatch(scored -> scored.candidate().passage().cited()
                && scored.coverage() >= CITED_PREFERENCE * overallBest - 1e-9);
        if (citedAnswers) {
            passing.removeIf(scored -> !scored.candidate().passage().cited());
        }
        // When some passage names what the question is about, a passage that names less of it is
        // a weaker answer, however similar its embedding ("Semax ... in patients" resembles every Semax question).
        double bestCoverage = passing.stream().mapToDouble(Scored::coverage).max().orElse(0);
        if (bestCoverage > 0) {
            passing.removeIf(scored -> scored.coverage() < bestCoverage - 1e-9);
        }
        double bestSimilarity = passing.stream().mapToDouble(scored -> scored.candidate().similarity()).max().orElse(0);
        // A distant runner-up adds words, not answers. Passages that name everything the question
        // names all answer it, so they may trail further; when they only share part of it, the
        // embedding is the judge and the margin is tight.
        double margin = bestCoverage >= 1 - 1e-9 ? settings.fullCoverageMargin() : settings.margin();
        passing.removeIf(scored -> scored.candidate().similarity() < bestSimilarity - margin);
        return passing.stream().limit(settings.maxPassages()).map(Scored::candidate).toList();
    }

    /** A candidate with the share of the question's focus terms it covers. */
    private record Scored(RetrievedPassage candidate, double coverage) {
    }

    private boolean passes(Scored scored) {
        double similarity = scored.candidate().similarity();
        if (similarity >= settings.strongSimilarity()) {
            return true;
        }
        return similarity >= settings.termSimilarity() && scored.coverage() >= settings.focusCoverage();
    }

    /**
     * The share of the question's focus terms the passage contains, read with its heading and its
     * neighbouring sentences (the sentence after "In one preclinical study ..." is the one that says
     * "rats"). A share, not a count: one word in common out of five ("ignore previous instructions
     * ...") is chance, one out of two is topic.
     */
    private double focusCoverage(RetrievedPassage candidate, Set<String> focus) {
        if (focus.isEmpty()) {
            return 0;
        }
        Set<String> sentence = terms(candidate.passage());
        Set<String> heading = headingTerms.getOrDefault(heading(candidate.passage()), Set.of());
        double covered = 0;
        for (String term : focus) {
            if (sentence.contains(term) || heading.contains(term)) {
                covered += 1;
            } else if (candidate.context().stream().anyMatch(neighbour -> terms(neighbour).contains(term))) {
                // A term only a neighbour says counts half: the neighbour, not this sentence, says it.
                covered += CONTEXT_WEIGHT;
            }
        }
        return covered / focus.size();
    }

    private static String heading(Passage passage) {
        return passage.section() == null ? "" : passage.section();
    }

    private Set<String> terms(Passage passage) {
        Set<String> terms = passageTerms.get(passage.id());
        return terms != null ? terms : Set.copyOf(TextTerms.of(passage.text()));
    }

    Set<String> focusTerms(String query) {
        Set<String> focus = new HashSet<>();
        for (String term : TextTerms.of(query)) {
            int df = documentFrequency.getOrDefault(term, 0);
            boolean common = passages > 0 && df > COMMON_SHARE * passages;
            if (!common && !QUESTION_WORDS.contains(term)) {
                focus.add(term);
            }
        }
        return focus;
    }

    /**
     * The gate's calibration. Similarities are the embedding model's cosines, so the thresholds
     * belong to one model; `eval` reports the figures they were chosen from.
     *
     * @param strongSimilarity a passage this similar is relevant whatever words it uses
     * @param termSimilarity   a passage this similar is relevant when it shares a focus term
     * @param focusCoverage    the share of the question's focus terms such a passage must contain
     * @param margin           how far below the best similarity a passage may fall and still be used
     * @param fullCoverageMargin the same, when the passages contain every focus term of the question
     */
    record RelevanceSettings(double strongSimilarity, double termSimilarity, double focusCoverage, double margin,
                             double fullCoverageMargin, int maxPassages) {
    }
}
