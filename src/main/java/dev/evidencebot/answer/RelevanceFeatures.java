package dev.evidencebot.answer;

import dev.evidencebot.corpus.Passage;
import dev.evidencebot.index.TextTerms;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the relevance decision knows about one (question, passage) pair, as numbers. Each feature
 * is a signal a reader would use to tell whether the passage answers the question; which ones
 * matter and how much is fitted on labelled pairs ({@link RelevanceCalibration}), not set by hand.
 */
final class RelevanceFeatures {

    /** The names, in the order {@link #of} returns the values; the model file carries them to be checked. */
    static final List<String> NAMES = List.of(
            "cosine",            // embedding similarity of question and passage
            "bm25Relative",      // BM25 score over the most the question's own terms could score
            "idfCoverage",       // IDF-weighted share of the question's topic terms the passage (or its title/heading) has
            "rarestCovered",     // whether the question's rarest topic term is there (1, 0.5 in a neighbour, 0)
            "unknownShare",      // IDF-weighted share of topic terms no passage of the corpus uses at all
            "rankAgreement",     // how close the BM25 and vector ranks are (0 when one side missed it)
            "lexicalRankInverse",
            "vectorRankInverse",
            "cosineTimesCoverage",
            "articleCoverage",    // IDF-weighted share of the topic terms the passage's whole article uses
            "articleCandidates",  // how many of the candidates come from the same article (a study that answers
                                  // is usually found by several of its sentences)
            "articleBestCosine",  // the best cosine among the candidates of the same article
            "articleCosine",      // cosine of the question and the whole article (mean of its sentences)
            "articleLead");       // how far this article's best cosine leads the best of any other article

    /** A term only a neighbouring sentence says counts half: the neighbour, not this sentence, says it. */
    private static final double CONTEXT_WEIGHT = 0.5;
    /** BM25 can exceed the bound (a term repeated, title and heading boosts); beyond it says nothing more. */
    private static final double BM25_CAP = 1.5;

    private final CorpusTerms corpus;

    RelevanceFeatures(CorpusTerms corpus) {
        this.corpus = corpus;
    }

    /** The question's terms with their weights, computed once per question. */
    Asked asked(String question) {
        Set<String> topic = CorpusTerms.topicTerms(question);
        double[] idf = new double[topic.size()];
        String[] terms = topic.toArray(new String[0]);
        double total = 0;
        double unknown = 0;
        int rarest = -1;
        for (int i = 0; i < terms.length; i++) {
            idf[i] = corpus.idf(terms[i]);
            total += idf[i];
            if (!corpus.known(terms[i])) {
                unknown += idf[i];
            }
            if (rarest < 0 || idf[i] > idf[rarest]) {
                rarest = i;
            }
        }
        double selfScore = 0;
        for (String term : Set.copyOf(TextTerms.of(question))) {
            selfScore += corpus.idf(term);
        }
        return new Asked(terms, idf, total, total == 0 ? 0 : unknown / total, rarest, selfScore);
    }

    /** The question, analyzed: topic terms and their IDF, and the bound on its BM25 score. */
    record Asked(String[] terms, double[] idf, double totalIdf, double unknownShare, int rarest, double selfScore) {

        boolean empty() {
            return terms.length == 0;
        }
    }

    /** The features of every candidate, in order; some read the other candidates of the same article. */
    List<double[]> of(Asked asked, List<RetrievedPassage> ranked) {
        java.util.Map<String, Integer> perArticle = new java.util.HashMap<>();
        java.util.Map<String, Double> bestCosine = new java.util.HashMap<>();
        java.util.Map<String, Double> articleCoverage = new java.util.HashMap<>();
        for (RetrievedPassage candidate : ranked) {
            String article = candidate.passage().articleId();
            perArticle.merge(article, 1, Integer::sum);
            bestCosine.merge(article, candidate.similarity(), Math::max);
            articleCoverage.computeIfAbsent(article, id -> articleCoverage(asked, id));
        }
        List<double[]> all = new java.util.ArrayList<>(ranked.size());
        for (RetrievedPassage candidate : ranked) {
            String article = candidate.passage().articleId();
            double[] own = of(asked, candidate);
            double[] values = java.util.Arrays.copyOf(own, NAMES.size());
            values[own.length] = articleCoverage.get(article);
            values[own.length + 1] = Math.log(perArticle.get(article));
            values[own.length + 2] = bestCosine.get(article);
            values[own.length + 3] = candidate.articleSimilarity();
            double bestOther = 0;
            for (Map.Entry<String, Double> other : bestCosine.entrySet()) {
                if (!other.getKey().equals(article)) {
                    bestOther = Math.max(bestOther, other.getValue());
                }
            }
            values[own.length + 4] = bestCosine.get(article) - bestOther;
            all.add(values);
        }
        return all;
    }

    private double articleCoverage(Asked asked, String articleId) {
        if (asked.totalIdf() == 0) {
            return 0;
        }
        Set<String> terms = corpus.article(articleId);
        double covered = 0;
        for (int i = 0; i < asked.terms().length; i++) {
            if (terms.contains(asked.terms()[i])) {
                covered += asked.idf()[i];
            }
        }
        return covered / asked.totalIdf();
    }

    private double[] of(Asked asked, RetrievedPassage candidate) {
        double[] coverage = coverage(asked, candidate);
        double idfCoverage = 0;
        for (int i = 0; i < coverage.length; i++) {
            idfCoverage += coverage[i] * asked.idf()[i];
        }
        idfCoverage = asked.totalIdf() == 0 ? 0 : idfCoverage / asked.totalIdf();
        double rarestCovered = asked.rarest() < 0 ? 0 : coverage[asked.rarest()];
        double bm25 = asked.selfScore() == 0 ? 0 : Math.min(BM25_CAP, candidate.lexicalScore() / asked.selfScore());
        double agreement = candidate.foundLexically() && candidate.foundByVector()
                ? 1 / (1 + Math.abs(Math.log(candidate.lexicalRank()) - Math.log(candidate.vectorRank())))
                : 0;
        double cosine = candidate.similarity();
        return new double[] {
                cosine,
                bm25,
                idfCoverage,
                rarestCovered,
                asked.unknownShare(),
                agreement,
                candidate.foundLexically() ? 1.0 / candidate.lexicalRank() : 0,
                candidate.foundByVector() ? 1.0 / candidate.vectorRank() : 0,
                cosine * idfCoverage};
    }

    /** Per topic term: 1 when the sentence, its heading or its article's title has it, 0.5 when only a neighbour does. */
    private double[] coverage(Asked asked, RetrievedPassage candidate) {
        Set<String> sentence = corpus.passage(candidate.passage());
        Set<String> heading = corpus.heading(candidate.passage(), candidate.article());
        double[] covered = new double[asked.terms().length];
        for (int i = 0; i < covered.length; i++) {
            String term = asked.terms()[i];
            if (sentence.contains(term) || heading.contains(term)) {
                covered[i] = 1;
            } else {
                for (Passage neighbour : candidate.context()) {
                    if (corpus.passage(neighbour).contains(term)) {
                        covered[i] = CONTEXT_WEIGHT;
                        break;
                    }
                }
            }
        }
        return covered;
    }
}
