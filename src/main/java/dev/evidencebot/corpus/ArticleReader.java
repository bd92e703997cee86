package dev.evidencebot.corpus;

import java.util.List;

/** Reads one file format into articles; anything it cannot use goes to the problem log, never into silence. */
interface ArticleReader {

    List<Article> read(SourceFile file, ProblemLog problems);
}
