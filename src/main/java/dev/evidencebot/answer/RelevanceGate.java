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

    /** A term in more than this share of passages says nothing about which passage answers. */
    private static final double COMMON_SHARE = 0.2;
    /** Words of asking, not of topic. Analyzed like passage text so stems match. */
    private static final Set<String> QUESTION_WORDS = new HashSet<>(TextTerms.of(
            "what which who whom whose when where why how does do did done can could would should shall may might must "
                    + "tell me about i you we my your our know anything something any much many more most some "
                    + "research study studies studied show shows shown evidence effect effects affect article articles "
                    + "say says said find found finding findings work works help helps take taking use using used "
                    + "good bad better best get give given"));

    private final RelevanceSettings settings;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int passages;

    RelevanceGate(GradedCorpus corpus, RelevanceSettings settings) {
        this.settings = settings;
        int count = 0;
        for (GradedArticle article : corpus.articles()) {
            for (Passage passage : article.article().passages()) {
                count++;
                new HashSet<>(TextTerms.of(passage.text())).forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            }
        }
        this.passages = count;
    }

    /** The passages to answer from, best first; empty when the corpus does not answer. */
    List<RetrievedPassage> select(String query, List<RetrievedPassage> ranked) {
        Set<String> focus = focusTerms(query);
        List<RetrievedPassage> relevant = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (RetrievedPassage candidate : ranked) {
            if (passes(candidate, focus)) {
                relevant.add(candidate);
                best = Math.max(best, candidate.similarity());
            }
        }
        // Keep only those close to the best: a distant runner-up adds words, not answers.
        double floor = best - settings.margin();
        List<RetrievedPassage> close = new ArrayList<>();
        for (RetrievedPassage candidate : relevant) {
            if (candidate.similarity() >= floor || sharesFocus(candidate, focus)) {
                close.add(candidate);
            }
        }
        // Evidence first: sentences the article states without a citation are used only when no cited one answers.
        List<RetrievedPassage> cited = close.stream().filter(r -> r.passage().cited()).toList();
        List<RetrievedPassage> chosen = cited.isEmpty() ? close : cited;
        return chosen.subList(0, Math.min(settings.maxPassages(), chosen.size()));
    }

    private boolean passes(RetrievedPassage candidate, Set<String> focus) {
        if (candidate.similarity() >= settings.strongSimilarity()) {
            return true;
        }
        return candidate.similarity() >= settings.termSimilarity()
                && focusCoverage(candidate, focus) >= settings.focusCoverage();
    }

    private static boolean sharesFocus(RetrievedPassage candidate, Set<String> focus) {
        return focusCoverage(candidate, focus) > 0;
    }

    /**
     * The share of the question's focus terms the passage contains. A share, not a count: one word
     * in common out of five ("ignore previous instructions ...") is chance, one out of two is topic.
     */
    private static double focusCoverage(RetrievedPassage candidate, Set<String> focus) {
        if (focus.isEmpty()) {
            return 0;
        }
        Set<String> passageTerms = new HashSet<>(TextTerms.of(candidate.passage().text() + " " + candidate.passage().section()));
        long shared = focus.stream().filter(passageTerms::contains).count();
        return (double) shared / focus.size();
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
     */
    record RelevanceSettings(double strongSimilarity, double termSimilarity, double focusCoverage, double margin,
                             int maxPassages) {
    }
}
