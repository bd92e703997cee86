package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Reads a saved HTML article ({@code .html}, {@code .htm}) with jsoup, which repairs broken markup
 * the way a browser does, so a page with unclosed tags still reads; what no repair saves (no words, a
 * {@code <title>} or {@code <script>} never closed) is a problem naming the file and line.
 * <ul>
 *   <li><b>content</b>: the article's container without the site's chrome (see {@link HtmlContent}).</li>
 *   <li><b>structure</b>: the {@code <h1>} is the title, other headings are sections; paragraphs,
 *       list items and loose text between blocks are paragraphs; figures, tables and code are not
 *       claims and are skipped. Superscript citations become "[3]" (see {@link HtmlText}).</li>
 *   <li><b>references</b>: under a "References" (Sources, Bibliography, Citations) heading, an
 *       {@code <ol>} whose items are numbered by their id ("ref-3") or position, or paragraphs that
 *       start "1. "; each entry keeps its links' addresses so PubMed and DOI links are read.</li>
 * </ul>
 * Lines come from jsoup's source positions; where a node has none (jsoup moved or invented it while
 * repairing the markup) the nearest enclosing element's line is used, else line 1.
 */
final class HtmlArticleReader implements ArticleReader {

    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "(?i)(references|sources|bibliography|works cited|citations)\\s*:?");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,3})[.)]\\s+(.+)");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d{1,3})$");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "details", "dialog",
            "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "summary");
    private static final String BLOCK_SELECTOR = String.join(", ", BLOCKS);
    // not claims: captions, tables and code say what they show, not what the article asserts
    private static final Set<String> SKIPPED = Set.of("figure", "figcaption", "table", "pre", "hr", "dialog");

    private final HtmlSelectors selectors;

    HtmlArticleReader() {
        this(HtmlSelectors.DEFAULTS);
    }

    HtmlArticleReader(HtmlSelectors selectors) {
        this.selectors = selectors;
    }

    @Override
    public List<Article> read(SourceFile file, ProblemLog problems) {
        try {
            return readPage(file, problems);
        } catch (RuntimeException | StackOverflowError e) {
            // jsoup repairs nearly anything, so this is a page deeper or stranger than any real article
            problems.report(file, 0, "cannot read this HTML page (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the file is skipped");
            return List.of();
        }
    }

    private List<Article> readPage(SourceFile file, ProblemLog problems) {
        Document page = Parser.htmlParser().setTrackPosition(true).parseInput(String.join("\n", file.lines()), "");
        Element unclosed = unclosedRawText(page);
        if (page.body() == null || HtmlText.of(page.body()).chars().noneMatch(Character::isLetter)) {
            if (unclosed != null) {
                problems.report(file, lineOf(unclosed), unclosedMessage(unclosed) + "; the file is skipped");
            } else {
                problems.report(file, 0, "HTML file has no text in its body");
            }
            return List.of();
        }
        if (unclosed != null) {
            problems.report(file, lineOf(unclosed), unclosedMessage(unclosed) + "; only the text before it is read");
        }
        Element heading = titleHeading(page);
        HtmlMetadata metadata = HtmlMetadata.of(page, heading, file, problems);
        ArticleAssembler article = new ArticleAssembler(file, file.baseName(), Article.Format.HTML)
                .title(metadata.title()).author(metadata.author()).date(metadata.date()).url(metadata.url());
        Element content = HtmlContent.find(page, selectors, file, problems);
        Body body = new Body(article, heading);
        body.walk(content);
        body.flush();
        if (!body.sawReferences) {
            referencesOutside(page, content, body);
        }
        return List.of(article.build(problems));
    }

    /**
     * A title, textarea, script or style element never closed: everything after its start tag is its
     * text, not markup, so the page after it is lost to browsers and to us alike. Or null.
     */
    private static Element unclosedRawText(Document page) {
        for (Element element : page.select("title, textarea, script, style")) {
            Range end = element.endSourceRange();
            // jsoup closes what it reaches the end of the file inside with an empty end tag there
            if (!end.isTracked() || end.start().pos() == end.end().pos()) {
                return element;
            }
        }
        return null;
    }

    private static String unclosedMessage(Element element) {
        return "<" + element.normalName() + "> opened on line " + lineOf(element) + " is never closed, so the rest of "
                + "the page is its text (a browser shows none of it either); add </" + element.normalName() + ">";
    }

    /** The article's {@code <h1>}: the first inside article or main, else the first outside the chrome. */
    private static Element titleHeading(Document page) {
        Element inContent = page.selectFirst("article h1, main h1");
        if (inContent != null) {
            return inContent;
        }
        for (Element h1 : page.select("h1")) {
            if (h1.closest("nav, header, footer, aside") == null) {
                return h1;
            }
        }
        return null;
    }

    /** A reference list beside the article rather than inside it: the heading's following siblings. */
    private static void referencesOutside(Document page, Element content, Body body) {
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            if (!isInside(heading, content)
                    && REFERENCES_HEADING.matcher(HtmlText.of(heading)).matches()) {
                body.startReferences(level(heading));
                for (Element sibling = heading.nextElementSibling(); sibling != null; sibling = sibling.nextElementSibling()) {
                    if (isHeading(sibling) && level(sibling) <= level(heading)) {
                        break;
                    }
                    body.block(sibling);
                }
                body.flush();
                return;
            }
        }
    }

    private static boolean isInside(Element element, Element container) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at == container) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeading(Element element) {
        return element.normalName().matches("h[1-6]");
    }

    private static int level(Element heading) {
        return heading.normalName().charAt(1) - '0';
    }

    /** The 1-based source line of a node, from jsoup's position tracking; see the class comment. */
    static int lineOf(Node node) {
        for (Node at = node; at != null; at = at.parentNode()) {
            Range range = at.sourceRange();
            if (range.isTracked() && range.start().lineNumber() > 0) {
                return range.start().lineNumber();
            }
        }
        return 1;
    }

    /** The walk over the content in document order, holding loose inline text and the reference state. */
    private static final class Body {
        private final ArticleAssembler article;
        private final Element title;
        private final StringBuilder loose = new StringBuilder();
        private int looseLine;
        private boolean inReferences;
        private boolean sawReferences;
        private int referencesLevel;

        Body(ArticleAssembler article, Element title) {
            this.article = article;
            this.title = title;
        }

        void walk(Element container) {
            for (Node child : container.childNodes()) {
                if (child instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush();
                    block(element);
                } else {
                    if (loose.isEmpty() || loose.toString().isBlank()) {
                        looseLine = lineOf(child);
                    }
                    HtmlText.append(child, loose);
                }
            }
        }

        void block(Element element) {
            String tag = element.normalName();
            if (isHeading(element)) {
                heading(element);
            } else if (SKIPPED.contains(tag)) {
                return;
            } else if (inReferences && (tag.equals("ol") || tag.equals("ul"))) {
                referenceList(element);
            } else if (hasBlockChildren(element)) {
                walk(element);
                flush();
            } else if (inReferences) {
                numberedReference(element);
            } else {
                paragraph(HtmlText.of(element), lineOf(element));
            }
        }

        private void heading(Element element) {
            flush();
            List<Element> swallowed = new ArrayList<>();
            StringBuilder own = new StringBuilder();
            split(element, own, swallowed);
            // an unclosed <h2> swallows what follows (a browser shows it all as heading); its own words
            // are the heading and the blocks it swallowed are read as if it had been closed
            heading(element, Text.normalize(own.toString().replaceAll("\\s+", " ")));
            for (Element block : swallowed) {
                block(block);
                flush();
            }
        }

        /** The heading's own text, and the outermost blocks inside it (found under inline wrappers too). */
        private static void split(Element heading, StringBuilder own, List<Element> blocks) {
            for (Node child : heading.childNodes()) {
                if (child instanceof Element element && BLOCKS.contains(element.normalName())) {
                    blocks.add(element);
                } else if (child instanceof Element element && !element.normalName().equals("sup")
                        && element.selectFirst(BLOCK_SELECTOR) != null) {
                    split(element, own, blocks);
                } else {
                    HtmlText.append(child, own);
                }
            }
        }

        private void heading(Element element, String text) {
            int level = level(element);
            if (inReferences && level > referencesLevel) {
                return; // a sub-heading inside the reference list ("Further reading")
            }
            inReferences = false;
            if (REFERENCES_HEADING.matcher(text).matches()) {
                startReferences(level);
            } else if (element != title && !text.isEmpty() && !(level == 1 && text.equals(article.title()))) {
                article.section(text);
            }
        }

        void startReferences(int level) {
            inReferences = true;
            sawReferences = true;
            referencesLevel = level;
        }

        private void referenceList(Element list) {
            int number = list.normalName().equals("ol") && list.attr("start").matches("\\d{1,3}")
                    ? Integer.parseInt(list.attr("start")) : 1;
            for (Element item : list.children()) {
                if (!item.normalName().equals("li")) {
                    continue;
                }
                Matcher id = TRAILING_NUMBER.matcher(item.id());
                int entryNumber = id.find() ? Integer.parseInt(id.group(1)) : number;
                String text = entryText(item);
                if (!text.isEmpty()) {
                    article.reference(entryNumber, text, lineOf(item));
                }
                number++;
            }
        }

        private void numberedReference(Element element) {
            String text = entryText(element);
            Matcher numbered = NUMBERED.matcher(text);
            Matcher id = TRAILING_NUMBER.matcher(element.id());
            if (numbered.matches()) {
                article.reference(Integer.parseInt(numbered.group(1)), numbered.group(2), lineOf(element));
            } else if (id.find() && !text.isEmpty()) {
                article.reference(Integer.parseInt(id.group(1)), text, lineOf(element));
            }
            // anything else under the heading ("Last reviewed ...") is not an entry
        }

        /** The entry as written, then each web address it links to that its text does not already show. */
        private static String entryText(Element entry) {
            StringBuilder text = new StringBuilder(HtmlText.of(entry));
            for (Element link : entry.select("a[href]")) {
                String href = link.attr("href").trim();
                if (href.startsWith("http") && text.indexOf(href) < 0) {
                    text.append(' ').append(href);
                }
            }
            return Text.normalize(text.toString().replaceFirst("^[↑^]\\s*", ""));
        }

        private void paragraph(String text, int line) {
            if (!text.isEmpty()) {
                article.paragraph(Paragraph.of(text, line));
            }
        }

        void flush() {
            String text = Text.normalize(loose.toString().replaceAll("\\s+", " "));
            loose.setLength(0);
            if (text.isEmpty()) {
                return;
            }
            if (inReferences) {
                Matcher numbered = NUMBERED.matcher(text);
                if (numbered.matches()) {
                    article.reference(Integer.parseInt(numbered.group(1)), numbered.group(2), looseLine);
                }
            } else {
                paragraph(text, looseLine);
            }
        }

        private static boolean hasBlockChildren(Element element) {
            for (Element child : element.children()) {
                if (BLOCKS.contains(child.normalName())) {
                    return true;
                }
            }
            return false;
        }
    }
}
