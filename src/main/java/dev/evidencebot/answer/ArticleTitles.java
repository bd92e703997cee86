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
