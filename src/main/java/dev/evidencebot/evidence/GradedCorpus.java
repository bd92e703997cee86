package dev.evidencebot.evidence;

import dev.evidencebot.corpus.Problem;

import java.util.List;

/** The corpus with every citation graded, and every problem met reading or grading it. */
public record GradedCorpus(List<GradedArticle> articles, List<Problem> problems) {

    public GradedCorpus {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }
}
