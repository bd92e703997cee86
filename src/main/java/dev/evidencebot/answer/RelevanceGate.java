package dev.evidencebot.answer;

import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which retrieved passages answer the question, and so when to abstain. Retrieval always
 * returns something; this gate is what lets the bot say "the articles do not cover this".
 *
 * <p>Two steps. First a fitted model ({@link RelevanceModels}, over {@link RelevanceFeatures})
 * gives each candidate the probability that it answers the question; a passage below the
 * model's operating point is never used, and when none reaches it the question abstains. The
 * model and its operating point are fitted on labelled questions nobody here wrote (SciFact,
 * PubMedQA) plus lay questions over our own articles, by `calibrate`. Then, among the passages
 * that pass, the answer keeps the ones that name most of what the question names, cited evidence
 * before uncited statements, and drops a distant runner-up, so an answer is a few sentences that
 * answer, not every sentence that might.
 */
final class RelevanceGate {

    /** A cited sentence covering this share of what the best uncited one covers is preferred to it. */
    private static final double CITED_PREFERENCE = 0.6;
    /** A term in more than this share of passages says nothing about which passage answers. */
    private static final double COMMON_SHARE = 0.2;
    /** How much a focus term found only in a neighbouring sentence counts. */
    private static final double CONTEXT_WEIGHT = 0.5;

    private final RelevanceSettings settings;
    private final RelevanceModels models;
    private final CorpusTerms terms;
    private final RelevanceFeatures features;

    RelevanceGate(GradedCorpus corpus, RelevanceSettings settings, RelevanceModels models) {
        this.settings = settings;
        this.models = models;
        this.terms = new CorpusTerms(corpus);
        this.features = new RelevanceFeatures(terms);
    }

    /** The passages to answer from, best first; empty when the corpus does not answer. */
    List<RetrievedPassage> select(String query, List<RetrievedPassage> ranked) {
        return select(query, query, ranked);
    }

    /**
     * As {@link #select(String, List)} for a follow-up retrieved with the standalone query that
     * carries the conversation. Only a question that points back ("Was that in humans?") is judged
     * with the conversation's topic; any other is judged on its own words, so the conversation
     * never lends relevance to a question on another topic ("What is the capital of France?").
     */
    List<RetrievedPassage> select(String question, String query, List<RetrievedPassage> ranked) {
        String judged = question.equals(query) || !FollowUpQueries.pointsBack(question) ? question : query;
        Set<String> focus = focusTerms(judged);
        Set<String> subject = QuestionSubject.of(judged);
        // What the question asks of its subject, in the words the corpus has for it: a passage that uses
        // none of them is about something else ("Does caffeine improve memory?" is not answered by
        // caffeine and endurance when another article speaks of memory). Words the corpus never uses
        // ask nothing of a passage: they may be a paraphrase ("nervousness" for anxiety).
        Set<String> object = new java.util.LinkedHashSet<>(QuestionSubject.object(judged));
        object.removeIf(term -> !terms.known(term));
        List<Scored> passing = new ArrayList<>();
        for (Judged candidate : judge(judged, ranked)) {
            // "Does aspirin help stroke patients?" is not answered by a sentence that never names aspirin
            boolean namesSubject = subject.isEmpty() || names(candidate.candidate(), subject);
            boolean namesObject = object.isEmpty() || names(candidate.candidate(), object);
            if (namesSubject && namesObject && candidate.passes()) {
                passing.add(new Scored(candidate.candidate(), focusCoverage(candidate.candidate(), focus), candidate.strength()));
            }
        }
        // Evidence first: a sentence the article states without a citation is used only when no
        // cited sentence answers nearly as well.
        double overallBest = passing.stream().mapToDouble(Scored::coverage).max().orElse(0);
        boolean citedAnswers = passing.stream().anyMatch(scored -> evidence(scored.candidate())
                && scored.coverage() >= CITED_PREFERENCE * overallBest - 1e-9);
        if (citedAnswers) {
            passing.removeIf(scored -> !evidence(scored.candidate()));
        }
        // Among an article's claims, one that names less of what the question names is a weaker
        // answer, however similar its embedding ("Semax ... in patients" resembles every Semax
        // question), and a distant runner-up adds words, not answers. Claims that name everything the
        // question names all answer it, so they may trail further; when they only share part of it,
        // the embedding is the judge and the margin is tight. An abstract's sentences are judged by
        // the model alone: it reads the whole study, which a sentence's own words do not show.
        double bestCoverage = passing.stream().filter(RelevanceGate::claim).mapToDouble(Scored::coverage).max().orElse(0);
        if (bestCoverage > 0) {
            passing.removeIf(scored -> claim(scored) && scored.coverage() < bestCoverage - 1e-9);
        }
        double bestSimilarity = passing.stream().filter(RelevanceGate::claim)
                .mapToDouble(scored -> scored.candidate().similarity()).max().orElse(0);
        double margin = bestCoverage >= 1 - 1e-9 ? settings.fullCoverageMargin() : settings.margin();
        passing.removeIf(scored -> claim(scored) && scored.candidate().similarity() < bestSimilarity - margin);
        // and one the models find far less likely to answer than the best is a runner-up too; compared
        // in log-odds above each one's own operating point, since an abstract's model and an article's differ
        double bestStrength = passing.stream().mapToDouble(Scored::strength).max().orElse(0);
        passing.removeIf(scored -> scored.strength() < bestStrength - settings.strengthMargin());
        return passing.stream().limit(settings.maxPassages()).map(Scored::candidate).toList();
    }

    /** Every candidate with the model's probability that it answers the question, in retrieval order. */
    List<Judged> judge(String question, List<RetrievedPassage> ranked) {
        RelevanceFeatures.Asked asked = features.asked(question);
        List<Judged> judged = new ArrayList<>(ranked.size());
        List<double[]> all = features.of(asked, ranked);
        for (int i = 0; i < ranked.size(); i++) {
            RetrievedPassage candidate = ranked.get(i);
            double[] values = all.get(i);
            // a question with no topic words of its own ("What is it?") names nothing a passage could answer
            RelevanceModel model = models.of(candidate);
            double probability = asked.empty() ? 0 : model.probability(values);
            judged.add(new Judged(candidate, values, probability, probability >= model.threshold() && !asked.empty(),
                    logit(probability) - logit(model.threshold())));
        }
        return judged;
    }

    /**
     * A candidate with its features, the model's probability that it answers, and whether that
     * reaches the operating point.
     *
     * @param strength the log-odds by which the probability clears (or misses) its model's operating point
     */
    record Judged(RetrievedPassage candidate, double[] features, double probability, boolean passes, double strength) {
    }

    /** A passing candidate with the share of the question's focus terms it covers. */
    private record Scored(RetrievedPassage candidate, double coverage, double strength) {
    }

    /** Whether every topic word of the question is in the title of the passages' articles: it names their subject and nothing else. */
    boolean namesOnlyTheirSubject(String question, List<RetrievedPassage> passages) {
        Set<String> asked = CorpusTerms.topicTerms(question);
        if (asked.isEmpty()) {
            return true;
        }
        if (passages.isEmpty()) {
            return false;
        }
        for (String term : asked) {
            boolean inTitles = passages.stream().anyMatch(passage -> terms.title(passage.article()).contains(term));
            if (!inTitles) {
                return false;
            }
        }
        return true;
    }

    /** Whether the passage, its heading, its article's title or a neighbouring sentence names any of these terms. */
    private boolean names(RetrievedPassage candidate, Set<String> wanted) {
        Set<String> heading = terms.heading(candidate.passage(), candidate.article());
        for (String term : wanted) {
            if (terms.passage(candidate.passage()).contains(term) || heading.contains(term)) {
                return true;
            }
            for (Passage neighbour : candidate.context()) {
                if (terms.passage(neighbour).contains(term)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean claim(Scored scored) {
        return !scored.candidate().article().article().primarySource();
    }

    private static double logit(double p) {
        double bounded = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(bounded / (1 - bounded));
    }

    /** A sentence backed by a study: it cites one, or its document is one. */
    private static boolean evidence(RetrievedPassage candidate) {
        return candidate.passage().cited() || candidate.article().article().primarySource();
    }

    /**
     * The share of the question's focus terms the passage contains, read with its heading and its
     * neighbouring sentences (the sentence after "In one preclinical study ..." is the one that says
     * "rats"). A share, not a count: one word in common out of five is chance, one out of two is topic.
     */
    private double focusCoverage(RetrievedPassage candidate, Set<String> focus) {
        if (focus.isEmpty()) {
            return 0;
        }
        Set<String> sentence = terms.passage(candidate.passage());
        Set<String> heading = terms.heading(candidate.passage(), candidate.article());
        double covered = 0;
        for (String term : focus) {
            if (sentence.contains(term) || heading.contains(term)) {
                covered += 1;
            } else {
                for (Passage neighbour : candidate.context()) {
                    if (terms.passage(neighbour).contains(term)) {
                        covered += CONTEXT_WEIGHT;
                        break;
                    }
                }
            }
        }
        return covered / focus.size();
    }

    /** The question's topic terms that are rare in the corpus: "Semax" in a Semax article says nothing. */
    Set<String> focusTerms(String query) {
        Set<String> focus = new java.util.LinkedHashSet<>();
        for (String term : CorpusTerms.topicTerms(query)) {
            boolean common = terms.passages() > 0 && terms.documentFrequency(term) > COMMON_SHARE * terms.passages();
            if (!common) {
                focus.add(term);
            }
        }
        return focus;
    }

    /**
     * How an answer is cut from the passages that pass.
     *
     * @param margin             how far below the best similarity a passage may fall and still be used
     * @param fullCoverageMargin the same, when the passages contain every focus term of the question
     * @param strengthMargin     a passage whose log-odds of answering (above its model's operating point)
     *                           trail the best passage's by more than this is dropped
     */
    record RelevanceSettings(double margin, double fullCoverageMargin, double strengthMargin, int maxPassages) {
    }
}
