package dev.evidencebot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.index.TextTerms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The corpus' vocabulary as the relevance decision reads it: each passage's terms, each heading's
 * and title's, and how many passages contain each term (its rarity). Analyzed once per corpus,
 * never per question.
 */
final class CorpusTerms {

    /** Function words and words of asking, not of topic. Analyzed like passage text so stems match. */
    private static final Set<String> QUESTION_WORDS = new HashSet<>(TextTerms.of(
            "about above after again against all am any because been before being below between both down during "
                    + "each few from further had has have having here him his her hers herself himself itself just "
                    + "me more most myself nor now off once only other ought out over own same so some than too "
                    + "under until up very were what's which while whom why yourself yourselves also ever still "
                    + "what which who whom whose when where why how does do did done can could would should shall may might must "
                    + "tell me about i you we my your our know anything something any much many more most some "
                    + "research study studies studied show shows shown evidence effect effects affect article articles "
                    + "say says said find found finding findings work works help helps take taking took use using used "
                    + "good bad better best get give given happen happens happened happening like such"));

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, Set<String>> passageTerms = new HashMap<>();
    private final Map<String, Set<String>> headingTerms = new HashMap<>();
    private final Map<String, Set<String>> titleTerms = new HashMap<>();
    /** Passage id -> the words of the titles of the references it cites: what backs a claim says what it is about. */
    private final Map<String, Set<String>> citedTitleTerms = new HashMap<>();
    /** Every term an article uses anywhere, its title and headings included. */
    private final Map<String, Set<String>> articleTerms = new HashMap<>();
    private final int passages;

    /**
     * One article's analysis. An article is the same object for as long as its file is unchanged,
     * so a reload after one file changed analyzes that one article; weak keys (compared by
     * identity) let an article go with the last snapshot that holds it.
     */
    private record ArticleTerms(Set<String> title, Map<String, Set<String>> passages, Map<String, Set<String>> cited,
                                Map<String, Set<String>> headings, Set<String> everything) {

        static ArticleTerms of(Article article) {
            Set<String> title = Set.copyOf(TextTerms.of(nullToEmpty(article.title())));
            Set<String> everything = new HashSet<>(title);
            Map<String, Set<String>> passages = new HashMap<>();
            Map<String, Set<String>> cited = new HashMap<>();
            Map<String, Set<String>> headings = new HashMap<>();
            for (Passage passage : article.passages()) {
                Set<String> terms = Set.copyOf(TextTerms.of(passage.text()));
                passages.put(passage.id(), terms);
                everything.addAll(terms);
                Set<String> citedTitles = new HashSet<>();
                for (int number : passage.markers()) {
                    dev.evidencebot.corpus.Reference reference = article.reference(number);
                    if (reference != null && reference.title() != null) {
                        citedTitles.addAll(TextTerms.of(reference.title()));
                    }
                }
                if (!citedTitles.isEmpty()) {
                    cited.put(passage.id(), Set.copyOf(citedTitles));
                    everything.addAll(citedTitles);
                }
                everything.addAll(headings.computeIfAbsent(heading(passage), heading -> Set.copyOf(TextTerms.of(heading))));
            }
            return new ArticleTerms(title, passages, cited, headings, everything);
        }
    }

    private static final Cache<Article, ArticleTerms> ANALYZED = Caffeine.newBuilder().weakKeys().build();

    CorpusTerms(GradedCorpus corpus) {
        // analysis is the costly part and independent per article: on every core, before the merge
        corpus.articles().parallelStream().forEach(graded -> ANALYZED.get(graded.article(), ArticleTerms::of));
        int count = 0;
        for (GradedArticle graded : corpus.articles()) {
            Article article = graded.article();
            ArticleTerms analyzed = ANALYZED.get(article, ArticleTerms::of);
            titleTerms.put(article.id(), analyzed.title());
            passageTerms.putAll(analyzed.passages());
            citedTitleTerms.putAll(analyzed.cited());
            headingTerms.putAll(analyzed.headings());
            articleTerms.put(article.id(), analyzed.everything());
            for (Passage passage : article.passages()) {
                count++;
                analyzed.passages().get(passage.id()).forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            }
        }
        // A word only a title or heading says still belongs to the corpus: it is not "never named".
        for (Map<String, Set<String>> labels : java.util.List.of(titleTerms, headingTerms, citedTitleTerms)) {
            labels.values().forEach(terms -> terms.forEach(term -> documentFrequency.putIfAbsent(term, 1)));
        }
        this.passages = count;
    }

    /** The question's topic terms: its analyzed words less the words of asking, in order, no repeats. */
    static Set<String> topicTerms(String question) {
        Set<String> terms = new LinkedHashSet<>(TextTerms.of(question));
        terms.removeAll(QUESTION_WORDS);
        return terms;
    }

    /** BM25's inverse document frequency over passages; a term the corpus never uses is as rare as can be. */
    double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
    }

    /** Whether any passage, heading or title of the corpus uses the term. */
    boolean known(String term) {
        return documentFrequency.containsKey(term);
    }

    int documentFrequency(String term) {
        return documentFrequency.getOrDefault(term, 0);
    }

    int passages() {
        return passages;
    }

    Set<String> passage(Passage passage) {
        Set<String> terms = passageTerms.get(passage.id());
        return terms != null ? terms : Set.copyOf(TextTerms.of(passage.text()));
    }

    /**
     * What frames the sentence: its heading, its article's title and the titles of the references it
     * cites ("fluvoxamine" is named only by the title of the study a claim about SSRIs cites).
     */
    Set<String> heading(Passage passage, GradedArticle article) {
        Set<String> heading = headingTerms.getOrDefault(heading(passage), Set.of());
        Set<String> title = titleTerms.getOrDefault(article.article().id(), Set.of());
        Set<String> cited = citedTitleTerms.getOrDefault(passage.id(), Set.of());
        if (title.isEmpty() && cited.isEmpty()) {
            return heading;
        }
        Set<String> all = new HashSet<>(heading);
        all.addAll(title);
        all.addAll(cited);
        return all;
    }

    /** The terms of the article's title. */
    Set<String> title(dev.evidencebot.evidence.GradedArticle article) {
        return titleTerms.getOrDefault(article.article().id(), Set.of());
    }

    /** Every term the article uses, in any sentence, heading or its title. */
    Set<String> article(String articleId) {
        return articleTerms.getOrDefault(articleId, Set.of());
    }

    private static String heading(Passage passage) {
        return passage.section() == null ? "" : passage.section();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
