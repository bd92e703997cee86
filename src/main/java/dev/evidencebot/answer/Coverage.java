package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Section;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;

import java.util.ArrayList;
import java.util.List;

/** What the corpus covers, in one sentence, so an abstention can point somewhere useful. */
final class Coverage {

    /** Enough titles to orient a reader; a corpus of thousands of abstracts is summarised by count. */
    private static final int MAX_TITLES = 5;
    private static final int MAX_HEADINGS = 8;

    private Coverage() {
    }

    static String describe(GradedCorpus corpus) {
        List<GradedArticle> articles = corpus.articles();
        if (articles.isEmpty()) {
            return "No articles are loaded yet.";
        }
        if (articles.size() == 1) {
            Article article = articles.get(0).article();
            List<String> headings = new ArrayList<>();
            for (Section section : article.sections()) {
                if (headings.size() < MAX_HEADINGS && section.heading() != null && !section.heading().isBlank()) {
                    headings.add(section.heading());
                }
            }
            return "They cover “" + article.title() + "”" + (headings.isEmpty() ? "." : ": " + String.join("; ", headings) + ".");
        }
        List<String> titles = new ArrayList<>();
        for (GradedArticle graded : articles.subList(0, Math.min(MAX_TITLES, articles.size()))) {
            titles.add("“" + graded.article().title() + "”");
        }
        String more = articles.size() > MAX_TITLES ? " and " + (articles.size() - MAX_TITLES) + " more articles" : "";
        return "They cover " + String.join(", ", titles) + more + ".";
    }
}
