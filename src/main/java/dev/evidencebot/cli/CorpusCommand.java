package dev.evidencebot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Corpus;
import dev.evidencebot.corpus.CorpusReader;
import dev.evidencebot.corpus.Passage;
import dev.evidencebot.corpus.Problem;
import dev.evidencebot.corpus.Reference;
import dev.evidencebot.evidence.EvidenceGrader;
import dev.evidencebot.evidence.GradedArticle;
import dev.evidencebot.evidence.GradedCorpus;
import dev.evidencebot.evidence.Grading;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `corpus`: reads and grades the corpus without building any index, and reports per article;
 * `corpus --json` prints the parsed corpus in the shape other tools read.
 */
final class CorpusCommand implements Command {

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        boolean json = args.contains("--json");
        Path directory = Contexts.corpusDirectory();
        if (!Files.isDirectory(directory)) {
            throw new Cli.UsageException("corpus directory " + directory.toAbsolutePath() + " does not exist (set CORPUS_PATH)");
        }
        Corpus corpus = new CorpusReader(Contexts.htmlSelectors()).read(directory);
        GradedCorpus graded = new EvidenceGrader().grade(corpus, directory);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(graded)));
        } else {
            report(graded, directory, out);
        }
        return 0;
    }

    private static void report(GradedCorpus graded, Path directory, PrintStream out) {
        out.println("corpus " + directory.toAbsolutePath());
        for (GradedArticle gradedArticle : graded.articles()) {
            Article article = gradedArticle.article();
            long cited = article.passages().stream().filter(Passage::cited).count();
            long notCited = article.references().stream().filter(reference -> !reference.citedInText()).count();
            long problems = graded.problems().stream().filter(problem -> problem.file().equals(article.source())).count();
            out.printf("%s (%s): %d passages, %d cited, %d references, %d not cited in the text, %d problems%n",
                    article.id(), article.source(), article.passages().size(), cited, article.references().size(),
                    notCited, problems);
            // a count alone sends the author hunting through the list: name each one
            for (Reference reference : article.references()) {
                if (!reference.citedInText()) {
                    out.printf("  not cited: [%d] %s%n", reference.number(), describe(reference));
                }
            }
        }
        out.printf("%d articles, %d problems%n", graded.articles().size(), graded.problems().size());
        for (Problem problem : graded.problems()) {
            out.printf("  problem %s:%d: %s%n", problem.file(), problem.line(), problem.message());
        }
    }

    /** A reference as its author would find it in the list: title and year, else the entry as written. */
    static String describe(Reference reference) {
        String text = reference.title() != null ? reference.title() : reference.text();
        return reference.year() == null || reference.title() == null ? text : text + " (" + reference.year() + ")";
    }

    static CorpusJson toJson(GradedCorpus graded) {
        List<ArticleJson> articles = new ArrayList<>();
        for (GradedArticle gradedArticle : graded.articles()) {
            Article article = gradedArticle.article();
            List<PassageJson> passages = new ArrayList<>();
            for (Passage passage : article.passages()) {
                List<CitationJson> citations = new ArrayList<>();
                for (int number : passage.markers()) {
                    citations.add(new CitationJson(number, gradedArticle.citation(passage, number)));
                }
                passages.add(new PassageJson(passage.id(), passage.section(), passage.text(), passage.markers(),
                        passage.line(), passage.role().name(), citations));
            }
            List<ReferenceJson> references = new ArrayList<>();
            for (Reference reference : article.references()) {
                references.add(new ReferenceJson(reference.number(), reference.text(), reference.authors(), reference.title(),
                        reference.source(), reference.year(), reference.pmid(), reference.doi(), reference.urls(),
                        reference.citedInText(), gradedArticle.references().get(reference.number())));
            }
            articles.add(new ArticleJson(article.id(), article.source(), article.format().name(), article.title(),
                    article.author(), article.date(), article.year(), article.url(), gradedArticle.own(), passages,
                    references));
        }
        return new CorpusJson(articles, graded.problems());
    }

    record CorpusJson(List<ArticleJson> articles, List<Problem> problems) {
    }

    /** @param evidence a primary source's own grading, shaped like a citation's; null for an article that cites studies */
    record ArticleJson(String id, String source, String format, String title, String author, String date, Integer year,
                       String url, Grading evidence, List<PassageJson> passages, List<ReferenceJson> references) {
    }

    /** @param role CLAIM for an article's sentences; BACKGROUND, AIM, METHOD or FINDING for a primary source's */
    record PassageJson(String id, String section, String text, List<Integer> markers, int line, String role,
                       List<CitationJson> citations) {
    }

    /** The grading of one marker of a passage: the citation, which may be weaker than its reference. */
    record CitationJson(int reference, Grading evidence) {
    }

    record ReferenceJson(int number, String text, String authors, String title, String source, Integer year,
                         String pmid, String doi, List<String> urls, boolean citedInText, Grading evidence) {
    }
}
