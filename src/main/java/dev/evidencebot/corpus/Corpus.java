package dev.evidencebot.corpus;

import java.util.List;

/** Everything read from the corpus directory: the articles that loaded and the problems met on the way. */
public record Corpus(List<Article> articles, List<Problem> problems) {

    public Corpus {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }
}
