package dev.evidencebot.answer;

import dev.evidencebot.corpus.Passage;
import dev.evidencebot.index.TextTerms;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.List;
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
            "cosineTimesCoverage");

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

    double[] of(Asked asked, RetrievedPassage candidate) {
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
