package dev.evidencebot.answer;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;

/**
 * The name a reader sees for an article. Ids are the index's, never a reader's: a document without
 * a title (many BEIR abstracts) is named by the start of its first sentence instead, whatever the
 * reader that loaded it put in its title.
 */
final class ArticleTitles {

    /** Enough words of a first sentence to recognise the document by. */
    private static final int MAX_WORDS = 12;

    private ArticleTitles() {
    }

    static String of(Article article) {
        String title = article.title();
        if (title != null && !title.isBlank() && !title.equals(article.id())) {
            return title;
        }
        for (Passage passage : article.passages()) {
            if (!passage.text().isBlank()) {
                return shortened(passage.text());
            }
        }
        return "an untitled document";
    }

    /**
     * Whether the article can be named to a visitor: it has a title of its own, or it is a primary
     * source (an abstract is named by its first sentence). An article whose reader found no title
     * (front matter that did not parse, a page without a heading) carries its file name as title;
     * that name means nothing to a visitor and must never reach one.
     */
    static boolean nameable(Article article) {
        String title = article.title();
        return article.primarySource() || (title != null && !title.isBlank() && !title.equals(article.id()));
    }

    /** Whether a section heading names something a reader can recognise (a reader may head a section by the id). */
    static boolean readable(Article article, String heading) {
        return heading != null && !heading.isBlank() && !heading.equals(article.id());
    }

    private static String shortened(String sentence) {
        String[] words = sentence.strip().split("\\s+");
        if (words.length <= MAX_WORDS) {
            return sentence.strip().replaceAll("[.!?]+$", "");
        }
        return String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS)).replaceAll("[,;:]+$", "") + "…";
    }
}
