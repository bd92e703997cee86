package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Section;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.retrieval.RetrievedPassage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the corpus covers, in one sentence, so an abstention can point somewhere useful. One
 * article is described by its title and headings; a corpus of many is described by the topics
 * nearest the question (the articles of the best candidates, even those the gate turned down): a
 * list of the first titles of 1800 abstracts helps no one. Ids and file names are never shown: an
 * article whose reader found no title of its own is left out.
 */
final class Coverage {

    private static final int MAX_HEADINGS = 8;
    /** Enough nearby topics to orient a reader without listing the corpus. */
    static final int NEAREST = 3;

    private Coverage() {
    }

    /** The sentence for a question whose best candidates are {@code ranked}. */
    static String describe(GradedCorpus corpus, List<RetrievedPassage> ranked) {
        if (corpus.articles().size() <= 1) {
            return describe(corpus);
        }
        Set<String> nearest = new LinkedHashSet<>();
        for (RetrievedPassage candidate : ranked) {
            if (nearest.size() == NEAREST) {
                break;
            }
            if (!ArticleTitles.nameable(candidate.article().article())) {
                continue;
            }
            nearest.add("“" + ArticleTitles.of(candidate.article().article()) + "”");
        }
        if (nearest.isEmpty()) {
            return "They cover " + corpus.articles().size() + " articles, none near this question.";
        }
        List<String> topics = new ArrayList<>(nearest);
        if (topics.size() == 1) {
            return "The nearest topic the articles cover is " + topics.get(0) + ".";
        }
        return "The nearest topics the articles cover are " + String.join(", ", topics.subList(0, topics.size() - 1))
                + " and " + topics.get(topics.size() - 1) + ".";
    }

    /** The corpus as a whole: one article by its title and headings. */
    static String describe(GradedCorpus corpus) {
        if (corpus.articles().isEmpty()) {
            return "No articles are loaded yet.";
        }
        if (corpus.articles().size() > 1) {
            return "They cover " + corpus.articles().size() + " articles.";
        }
        Article article = corpus.articles().get(0).article();
        if (!ArticleTitles.nameable(article)) {
            return "They cover one article.";
        }
        List<String> headings = new ArrayList<>();
        for (Section section : article.sections()) {
            if (headings.size() < MAX_HEADINGS && ArticleTitles.readable(article, section.heading())
                    && !section.heading().equals(article.title())) {
                headings.add(section.heading());
            }
        }
        return "They cover “" + ArticleTitles.of(article) + "”" + (headings.isEmpty() ? "." : ": " + String.join("; ", headings) + ".");
    }
}
