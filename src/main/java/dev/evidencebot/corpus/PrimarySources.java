package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * What every reader of abstracts (JSON Lines, MEDLINE, PubMed XML) does once it has a record's
 * fields: structured-abstract labels cut out of the text, an untitled abstract titled by its first
 * sentence, one section headed by the title, each part's label kept so its sentences get their role.
 */
final class PrimarySources {

    /** Long enough to say what the study is about, short enough for a source line. */
    static final int TITLE_LENGTH = 120;

    private PrimarySources() {
    }

    /**
     * The abstract's paragraphs cut at their labels; a label on a paragraph of its own heads the ones after it.
     * Line breaks inside a paragraph are spaces.
     */
    static List<AbstractLabel.Part> parts(List<String> paragraphs) {
        List<AbstractLabel.Part> parts = new ArrayList<>();
        AbstractLabel label = null;
        for (String paragraph : paragraphs) {
            label = addParts(parts, paragraph, label);
        }
        return parts;
    }

    /**
     * Adds one paragraph's parts; text before any label in it falls under {@code carried}.
     *
     * @return the label in force at the paragraph's end
     */
    static AbstractLabel addParts(List<AbstractLabel.Part> parts, String paragraph, AbstractLabel carried) {
        AbstractLabel label = carried;
        for (AbstractLabel.Part part : AbstractLabel.split(Text.normalize(paragraph.replace('\n', ' ')), carried)) {
            label = part.label();
            if (!part.text().isEmpty()) {
                parts.add(part);
            }
        }
        return label;
    }

    /**
     * Titles the article (by its first sentence when {@code title} is null), heads its one section with the
     * title, adds the parts as paragraphs starting on {@code line} and builds it.
     */
    static Article assemble(ArticleAssembler article, String id, String title, List<AbstractLabel.Part> parts,
                            int line, ProblemLog problems) {
        if (title == null && !parts.isEmpty()) {
            // BEIR's PubMedQA documents have "title": ""; the first sentence says what the study is about, the id nothing
            title = titleFrom(parts.get(0).text());
        }
        article.title(title).section(title == null ? id : title);
        for (AbstractLabel.Part part : parts) {
            article.paragraph(Paragraph.of(part.text(), line), part.label());
        }
        return article.build(problems);
    }

    /** The first sentence, cut at a word boundary with an ellipsis when longer than {@link #TITLE_LENGTH}. */
    static String titleFrom(String text) {
        List<SentenceSplitter.Span> sentences = SentenceSplitter.split(text);
        String first = sentences.isEmpty() ? text : sentences.get(0).of(text).trim();
        if (first.length() <= TITLE_LENGTH) {
            return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
        }
        int cut = first.lastIndexOf(' ', TITLE_LENGTH - 1);
        String shortened = first.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH - 1);
        return shortened.replaceAll("[\\s,;:.(\\[-]+$", "") + "…";
    }
}
