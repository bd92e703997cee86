package dev.evidencebot.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines in the BEIR corpus.jsonl layout: one document a line,
 * {"_id" or "id", "title", "text", "url"?}; other fields ("metadata") are ignored. Each line is an
 * article with one section headed by its title and no reference list, so "(3)" in the text stays
 * text. A broken line is reported and skipped; the other lines still load.
 */
final class JsonLinesArticleReader implements ArticleReader {

    static final String ID = "id";
    static final String BEIR_ID = "_id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String URL = "url";

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public List<Article> read(SourceFile file, ProblemLog problems) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < file.lines().size(); i++) {
            String line = file.lines().get(i);
            if (!line.isBlank()) {
                Article article = document(file, line, i + 1, problems);
                if (article != null) {
                    articles.add(article);
                }
            }
        }
        return articles;
    }

    private Article document(SourceFile file, String line, int number, ProblemLog problems) {
        JsonNode document;
        try {
            document = json.readTree(line);
        } catch (JsonProcessingException e) {
            problems.report(file, number, "line is not valid JSON (" + e.getOriginalMessage() + "); line skipped");
            return null;
        }
        if (!document.isObject()) {
            problems.report(file, number, "line is a JSON " + document.getNodeType().name().toLowerCase()
                    + ", expected an object with \"id\" (or \"_id\") and \"text\"; line skipped");
            return null;
        }
        String id = field(document, ID) != null ? field(document, ID) : field(document, BEIR_ID);
        String text = field(document, TEXT);
        if (id == null || text == null) {
            String missing = id == null && text == null ? "\"id\" (or \"_id\") and \"text\"" : id == null ? "\"id\" (or \"_id\")" : "\"text\"";
            problems.report(file, number, "document has no " + missing + "; line skipped");
            return null;
        }
        String title = field(document, TITLE);
        ArticleAssembler article = new ArticleAssembler(file, id, Article.Format.JSON_LINES)
                .title(title)
                .url(field(document, URL));
        // BEIR titles are often empty; the section is then headed by the id, like the article
        article.section(title == null ? id : title);
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String normalized = Text.normalize(paragraph.replace('\n', ' '));
            if (!normalized.isEmpty()) {
                article.paragraph(Paragraph.of(normalized, number));
            }
        }
        return article.build(problems);
    }

    /** The field as text (numbers too: BEIR ids are sometimes numeric), or null when absent or blank. */
    private static String field(JsonNode document, String name) {
        JsonNode value = document.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = Text.normalize(value.asText());
        return text.isEmpty() ? null : text;
    }
}
