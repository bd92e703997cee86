package dev.evidencebot.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines in the BEIR corpus.jsonl layout: one document a line,
 * {"_id" or "id", "title", "text", "url"?, "metadata"?}. Each line is a primary source (an abstract)
 * with one section headed by its title and no reference list, so "(3)" in the text stays text.
 * Structured-abstract labels ("OBJECTIVES", "Results:") are cut out of the text and give their
 * sentences a role (see {@link PrimarySources}); the metadata's PubMed publication types, MeSH headings and year become the
 * article's {@link StudyRecord}. A document without a title is titled by its first sentence. A
 * broken line is reported and skipped; the other lines still load.
 */
final class JsonLinesArticleReader implements ArticleReader {

    static final String ID = "id";
    static final String BEIR_ID = "_id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String URL = "url";
    static final String METADATA = "metadata";
    /** PubMed publication types, as BEIR exports and PubMed-derived sets name them. */
    static final List<String> PUBLICATION_TYPES = List.of("publication_types", "pubtypes");
    /** MeSH headings: "meshes" in PubMedQA, "mesh" elsewhere. */
    static final List<String> MESH = List.of("meshes", "mesh");
    static final String YEAR = "year";

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
        String[] paragraphs = text.split("\\n\\s*\\n");
        ArticleAssembler article = new ArticleAssembler(file, id, Article.Format.JSON_LINES)
                .url(field(document, URL))
                .record(record(document.get(METADATA)));
        return PrimarySources.assemble(article, id, field(document, TITLE), PrimarySources.parts(List.of(paragraphs)),
                number, problems);
    }

    /** Publication types, MeSH headings and year from the metadata object; NONE when it has none of them. */
    private static StudyRecord record(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return StudyRecord.NONE;
        }
        String year = field(metadata, YEAR);
        Integer parsedYear = year != null && year.matches("\\d{4}.*") ? Integer.valueOf(year.substring(0, 4)) : null;
        StudyRecord record = new StudyRecord(strings(metadata, PUBLICATION_TYPES), strings(metadata, MESH), parsedYear);
        return record.isEmpty() ? StudyRecord.NONE : record;
    }

    /** The first of the names present as a list of strings (objects {"name": ...} or {"descriptor": ...} too). */
    private static List<String> strings(JsonNode metadata, List<String> names) {
        for (String name : names) {
            JsonNode list = metadata.get(name);
            if (list != null && list.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode item : list) {
                    JsonNode value = item.isObject() ? (item.has("name") ? item.get("name") : item.get("descriptor")) : item;
                    if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                        values.add(Text.normalize(value.asText()));
                    }
                }
                return values;
            }
        }
        return List.of();
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
