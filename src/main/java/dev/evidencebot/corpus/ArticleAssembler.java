package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every format reader does once it has found the structure: headings, paragraphs and raw
 * reference entries go in; claims are cut, markers checked against the reference list, references
 * parsed and marked cited, and one {@link Article} comes out.
 */
final class ArticleAssembler {

    /** A section being assembled; labels hold each paragraph's structured-abstract label, or null. */
    private record Draft(String heading, List<Paragraph> paragraphs, List<AbstractLabel> labels) {
    }

    private record Entry(int number, String text, int line) {
    }

    private final SourceFile file;
    private final String id;
    private final Article.Format format;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private String title;
    private String author;
    private String date;
    private String url;
    private StudyRecord record = StudyRecord.NONE;

    ArticleAssembler(SourceFile file, String id, Article.Format format) {
        this.file = file;
        this.id = id;
        this.format = format;
    }

    ArticleAssembler title(String value) {
        title = value;
        return this;
    }

    ArticleAssembler author(String value) {
        author = value;
        return this;
    }

    ArticleAssembler date(String value) {
        date = value;
        return this;
    }

    ArticleAssembler url(String value) {
        url = value;
        return this;
    }

    ArticleAssembler record(StudyRecord value) {
        record = value;
        return this;
    }

    String title() {
        return title;
    }

    /** Starts a section; paragraphs added before the first one fall under the article title. */
    ArticleAssembler section(String heading) {
        drafts.add(new Draft(heading, new ArrayList<>(), new ArrayList<>()));
        return this;
    }

    ArticleAssembler paragraph(Paragraph paragraph) {
        return paragraph(paragraph, null);
    }

    /** A paragraph of a primary source under a structured-abstract label (null when it has none). */
    ArticleAssembler paragraph(Paragraph paragraph, AbstractLabel label) {
        if (drafts.isEmpty()) {
            drafts.add(new Draft(null, new ArrayList<>(), new ArrayList<>()));
        }
        Draft draft = drafts.get(drafts.size() - 1);
        draft.paragraphs().add(paragraph);
        draft.labels().add(label);
        return this;
    }

    /** A numbered reference entry as written (number removed), with its first file line. */
    ArticleAssembler reference(int number, String text, int line) {
        entries.add(new Entry(number, text, line));
        return this;
    }

    Article build(ProblemLog problems) {
        Map<Integer, Reference> references = references(problems);
        String articleTitle = title == null || title.isBlank() ? id : title;
        List<Section> sections = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        List<AbstractLabel> passageLabels = new ArrayList<>();
        Set<Integer> cited = new HashSet<>();
        int paragraphIndex = 0;
        for (Draft draft : drafts) {
            String heading = draft.heading() == null ? articleTitle : draft.heading();
            List<String> texts = new ArrayList<>();
            for (int p = 0; p < draft.paragraphs().size(); p++) {
                Paragraph paragraph = draft.paragraphs().get(p);
                texts.add(paragraph.text());
                for (ClaimExtractor.Claim claim : ClaimExtractor.extract(paragraph, !references.isEmpty())) {
                    List<Integer> markers = new ArrayList<>();
                    for (int number : claim.markers()) {
                        if (references.containsKey(number)) {
                            markers.add(number);
                        } else {
                            problems.report(file, claim.line(), "citation marker " + number
                                    + " has no entry in the reference list (which numbers " + describe(references.keySet())
                                    + "); the sentence is kept without it");
                        }
                    }
                    cited.addAll(markers);
                    int ordinal = passages.size();
                    passages.add(new Passage(id + "#" + ordinal, id, ordinal, heading, paragraphIndex, claim.line(),
                            claim.text(), markers));
                    passageLabels.add(draft.labels().get(p));
                }
                paragraphIndex++;
            }
            if (draft.heading() != null || !texts.isEmpty()) {
                sections.add(new Section(heading, texts));
            }
        }
        List<Reference> marked = new ArrayList<>();
        for (Reference r : references.values()) {
            marked.add(new Reference(r.number(), r.text(), r.authors(), r.title(), r.source(), r.year(), r.pmid(),
                    r.doi(), r.urls(), cited.contains(r.number())));
        }
        Article article = new Article(id, file.path(), format, articleTitle, author, date, url, sections, passages,
                marked, record);
        return article.primarySource() ? withRoles(article, passageLabels) : article;
    }

    /** A primary source's sentences are background, aims, methods and findings; an article's are all claims. */
    private static Article withRoles(Article article, List<AbstractLabel> labels) {
        List<Passage> passages = article.passages();
        List<Passage.Role> roles = SentenceRoles.assign(passages.stream().map(Passage::text).toList(), labels);
        List<Passage> withRoles = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            withRoles.add(new Passage(p.id(), p.articleId(), p.ordinal(), p.section(), p.paragraph(), p.line(), p.text(),
                    p.markers(), roles.get(i)));
        }
        return new Article(article.id(), article.source(), article.format(), article.title(), article.author(),
                article.date(), article.url(), article.sections(), withRoles, article.references(), article.record());
    }

    private Map<Integer, Reference> references(ProblemLog problems) {
        Map<Integer, Reference> references = new LinkedHashMap<>();
        Map<Integer, Integer> firstLine = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (references.containsKey(entry.number())) {
                problems.report(file, entry.line(), "reference number " + entry.number() + " repeats (first on line "
                        + firstLine.get(entry.number()) + "); this entry is ignored, markers " + entry.number()
                        + " point at the first");
                continue;
            }
            references.put(entry.number(), ReferenceEntryParser.parse(entry.number(), entry.text()));
            firstLine.put(entry.number(), entry.line());
        }
        return references;
    }

    private static String describe(Set<Integer> numbers) {
        TreeSet<Integer> sorted = new TreeSet<>(numbers);
        boolean contiguous = sorted.last() - sorted.first() + 1 == sorted.size();
        return contiguous ? sorted.first() + "-" + sorted.last() : sorted.toString();
    }
}
