package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.index.TextTerms;
import dev.evidencebot.retrieval.RetrievedPassage;
import dev.evidencebot.retrieval.Retriever;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the sources on an evidence question's topic. A topic the question names is retrieved and
 * judged by the relevance gate like any question; a topic that is only the subject of whole
 * articles ("Has semax been proven in randomized trials?") is every cited study of the articles
 * about it; a question that names nothing ("Was that in humans?") is about the sources the
 * previous answer cited.
 */
final class EvidenceTopics {

    /** Articles whose titles may name the subject: the best candidates' ones. */
    private static final int SUBJECT_ARTICLES = 5;
    /** Enough cited sentences to list every study of an article; a bound for a corpus of abstracts. */
    private static final int MAX_SUBJECT_PASSAGES = 16;
    /** With no conversation, "it" can only be what the one article is about; "that" points at nothing. */
    private static final Pattern IT = Pattern.compile("(?i)\\bit\\b");

    private final Retriever retriever;
    private final RelevanceGate gate;
    private final QueryTransformer queries;
    private final GradedCorpus corpus;
    /** Passage id -> its article, to find again what a previous answer cited. */
    private final Map<String, GradedArticle> articleOf = new HashMap<>();
    private final Map<String, Passage> passageOf = new HashMap<>();

    EvidenceTopics(Retriever retriever, RelevanceGate gate, QueryTransformer queries, GradedCorpus corpus) {
        this.retriever = retriever;
        this.gate = gate;
        this.queries = queries;
        this.corpus = corpus;
        for (GradedArticle article : corpus.articles()) {
            for (Passage passage : article.article().passages()) {
                articleOf.put(passage.id(), article);
                passageOf.put(passage.id(), passage);
            }
        }
    }

    Retrieval find(String question, EvidenceQuestions.EvidenceQuestion asked, List<Turn> history, int candidates) {
        if (!asked.pointsBack()) {
            String query = queries.transform(asked.topic(), history);
            List<RetrievedPassage> ranked = retriever.retrieve(query, candidates);
            Set<String> subject = subjectOnly(asked.topic(), ranked);
            List<RetrievedPassage> relevant = subject.isEmpty() ? gate.select(asked.topic(), query, ranked) : subjectWide(subject, ranked);
            return new Retrieval(query, asked.topic(), ranked, relevant);
        }
        if (!history.isEmpty()) {
            Turn previous = history.get(history.size() - 1);
            String topic = EvidenceQuestions.read(previous.question()).map(EvidenceQuestions.EvidenceQuestion::topic)
                    .filter(named -> !named.isEmpty()).orElse(previous.question());
            List<RetrievedPassage> cited = previous.passageIds().stream()
                    .filter(passageOf::containsKey)
                    .map(id -> SourceNumbering.retrieved(articleOf.get(id), passageOf.get(id), 0))
                    .toList();
            List<RetrievedPassage> ranked = cited.isEmpty() ? retriever.retrieve(previous.query(), candidates) : cited;
            return new Retrieval(previous.query(), topic, ranked, cited);
        }
        if (corpus.articles().size() == 1 && IT.matcher(question).find()) {
            Article article = corpus.articles().get(0).article();
            String query = ArticleTitles.of(article);
            List<RetrievedPassage> ranked = retriever.retrieve(query, candidates);
            return new Retrieval(query, null, ranked, subjectWide(Set.of(), ranked));
        }
        return new Retrieval(question, question, retriever.retrieve(question, candidates), List.of());
    }

    /**
     * The topic's terms when the titles of the best candidates' articles name all of them (the
     * topic is the subject of whole articles), else none.
     */
    private static Set<String> subjectOnly(String topic, List<RetrievedPassage> ranked) {
        Set<String> terms = new HashSet<>(TextTerms.of(String.join(" ", EvidenceQuestions.words(topic))));
        if (terms.isEmpty()) {
            return Set.of();
        }
        Set<String> titles = new HashSet<>();
        articles(ranked).stream().limit(SUBJECT_ARTICLES).forEach(graded -> titles.addAll(titleTerms(graded.article())));
        return titles.containsAll(terms) ? terms : Set.of();
    }

    /**
     * Every cited study of the articles whose titles name the subject, best article first: an
     * article's cited sentences, or a primary source's best candidate (a finding stands in for it
     * when it is an aim, see {@link SourceNumbering}).
     */
    private List<RetrievedPassage> subjectWide(Set<String> subject, List<RetrievedPassage> ranked) {
        Map<String, RetrievedPassage> retrieved = new LinkedHashMap<>();
        ranked.forEach(candidate -> retrieved.putIfAbsent(candidate.passage().id(), candidate));
        List<RetrievedPassage> passages = new ArrayList<>();
        for (GradedArticle graded : articles(ranked)) {
            if (!titleTerms(graded.article()).containsAll(subject)) {
                continue;
            }
            if (graded.article().primarySource()) {
                ranked.stream().filter(candidate -> candidate.article() == graded).findFirst().ifPresent(passages::add);
                continue;
            }
            for (Passage passage : graded.article().passages()) {
                if (passage.citable() && passage.cited()) {
                    RetrievedPassage found = retrieved.get(passage.id());
                    passages.add(found != null ? found : SourceNumbering.retrieved(graded, passage, 0));
                }
            }
        }
        return passages.stream().limit(MAX_SUBJECT_PASSAGES).toList();
    }

    private static List<GradedArticle> articles(List<RetrievedPassage> ranked) {
        Map<String, GradedArticle> articles = new LinkedHashMap<>();
        ranked.forEach(candidate -> articles.putIfAbsent(candidate.article().article().id(), candidate.article()));
        return List.copyOf(articles.values());
    }

    private static Set<String> titleTerms(Article article) {
        return new HashSet<>(TextTerms.of(ArticleTitles.of(article)));
    }
}
