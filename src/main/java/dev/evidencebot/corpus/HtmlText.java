package dev.evidencebot.corpus;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders the text of HTML inline content as a reader sees it, with one change: a superscript
 * citation ({@code <sup>3</sup>}, {@code <sup><a href="#ref-3">3</a></sup>}, {@code <sup>3,5</sup>})
 * becomes " [3]" / " [3,5]", the written form {@link CitationMarkers} already parses, so the HTML
 * reader needs no marker logic of its own.
 */
final class HtmlText {

    private static final Pattern SUP_MARKER = Pattern.compile(
            "[\\[(]?\\s*\\d{1,3}(?:\\s*[-–—,]\\s*\\d{1,3})*\\s*[\\])]?");
    // "10<sup>6</sup>", "kg/m<sup>2</sup>": exponents, not citations
    private static final Pattern BEFORE_EXPONENT = Pattern.compile("(?:\\d|(?:^|[\\s/(])(?:m|cm|mm|km|µm|nm|ft|in))$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private HtmlText() {
    }

    /** The element's text, whitespace collapsed and normalized, superscript citations as markers. */
    static String of(Node node) {
        StringBuilder text = new StringBuilder();
        append(node, text);
        return Text.normalize(WHITESPACE.matcher(text).replaceAll(" "));
    }

    static void append(Node node, StringBuilder text) {
        if (node instanceof TextNode textNode) {
            text.append(textNode.getWholeText());
        } else if (node instanceof Element element) {
            switch (element.normalName()) {
                case "br" -> text.append(' ');
                case "sup" -> appendSup(element, text);
                case "script", "style", "noscript", "template" -> { }
                default -> element.childNodes().forEach(child -> append(child, text));
            }
        }
    }

    private static void appendSup(Element sup, StringBuilder text) {
        StringBuilder inner = new StringBuilder();
        sup.childNodes().forEach(child -> append(child, inner));
        String written = Text.normalize(WHITESPACE.matcher(inner).replaceAll(" "));
        boolean linked = !sup.select("a[href^=#]").isEmpty();
        if (!SUP_MARKER.matcher(written).matches() || (!linked && BEFORE_EXPONENT.matcher(text).find())) {
            boolean power = !text.isEmpty() && Character.isDigit(text.charAt(text.length() - 1)) && !written.isEmpty()
                    && Character.isDigit(written.charAt(0));
            // "10" then "6" would read as 106: a power of ten keeps its caret
            text.append(power ? "^" : "").append(written);
            return;
        }
        String numbers = written.replaceAll("[\\[\\]()\\s]", "");
        if (text.length() > 0 && !Character.isWhitespace(text.charAt(text.length() - 1))) {
            text.append(' ');
        }
        text.append('[').append(numbers).append(']');
    }
}
