package dev.evidencebot.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Title, author, date and address of an HTML article. Structured data wins over markup written for
 * people: JSON-LD ({@code Article}, {@code NewsArticle}, {@code BlogPosting}) first, then meta tags
 * (Open Graph, {@code author}, the canonical link), then the page itself ({@code <title>},
 * {@code <time datetime>}). The title is the exception: the page's first {@code <h1>} is what its
 * reader sees as the title, so it comes first and the head's titles only stand in when there is none
 * ({@code <title>} last, without the "| Site" it usually ends with).
 */
record HtmlMetadata(String title, String author, String date, String url) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("Article", "NewsArticle", "BlogPosting",
            "ScholarlyArticle", "MedicalScholarlyArticle", "Report");

    /**
     * Reads the metadata; unreadable JSON-LD is reported and the other sources still count.
     *
     * @param heading the article's {@code <h1>}, or null
     */
    static HtmlMetadata of(Document page, Element heading, SourceFile file, ProblemLog problems) {
        JsonNode ld = jsonLdArticle(page, file, problems);
        String title = first(text(heading), ld == null ? null : string(ld.get("headline")), meta(page, "og:title"),
                withoutSiteName(text(page.selectFirst("title"))));
        String author = first(ld == null ? null : author(ld.get("author")), meta(page, "author"),
                notAddress(meta(page, "article:author")), meta(page, "citation_author"));
        String date = first(ld == null ? null : DateParser.toIso(orEmpty(string(ld.get("datePublished")))),
                iso(meta(page, "article:published_time")), iso(meta(page, "citation_publication_date")),
                iso(meta(page, "date")), iso(attr(page.selectFirst("time[datetime]"), "datetime")));
        String url = first(ld == null ? null : address(ld.get("url")), meta(page, "og:url"),
                attr(page.selectFirst("link[rel=canonical]"), "href"));
        return new HtmlMetadata(title, author, date, url);
    }

    /** The first JSON-LD object of an article type, looking into arrays and {@code @graph}; or null. */
    private static JsonNode jsonLdArticle(Document page, SourceFile file, ProblemLog problems) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (JsonProcessingException e) {
                problems.report(file, HtmlArticleReader.lineOf(script), "JSON-LD block is not valid JSON ("
                        + e.getOriginalMessage() + "); the article's metadata comes from the meta tags and the page");
                continue;
            }
            List<JsonNode> candidates = new ArrayList<>();
            collect(root, candidates);
            for (JsonNode candidate : candidates) {
                JsonNode type = candidate.get("@type");
                boolean article = type != null && (type.isArray()
                        ? streamText(type).stream().anyMatch(ARTICLE_TYPES::contains)
                        : ARTICLE_TYPES.contains(type.asText()));
                if (article) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, into));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.get("@graph"), into);
        }
    }

    private static List<String> streamText(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    /** "author": "Name", {"name": ...} or a list of either; several authors are joined with commas. */
    private static String author(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            node.forEach(element -> {
                String name = author(element);
                if (name != null) {
                    names.add(name);
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return node.isObject() ? string(node.get("name")) : string(node);
    }

    private static String address(JsonNode node) {
        String value = string(node);
        return value != null && value.startsWith("http") ? value : null;
    }

    private static String string(JsonNode node) {
        if (node == null || !node.isValueNode()) {
            return null;
        }
        String value = Text.normalize(node.asText());
        return value.isEmpty() ? null : value;
    }

    private static String meta(Document page, String name) {
        Element meta = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return attr(meta, "content");
    }

    private static String attr(Element element, String name) {
        if (element == null) {
            return null;
        }
        String value = Text.normalize(element.attr(name));
        return value.isEmpty() ? null : value;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String value = HtmlText.of(element);
        return value.isEmpty() ? null : value;
    }

    /** "Salt and Blood Pressure | Heartwise": the head's title names the site after a bar; the article is before it. */
    private static String withoutSiteName(String title) {
        if (title == null) {
            return null;
        }
        int bar = title.lastIndexOf(" | ");
        return bar > 0 ? title.substring(0, bar).trim() : title;
    }

    // article:author is often the author's profile page rather than a name
    private static String notAddress(String value) {
        return value == null || value.startsWith("http") ? null : value;
    }

    private static String iso(String value) {
        return value == null ? null : DateParser.toIso(value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
