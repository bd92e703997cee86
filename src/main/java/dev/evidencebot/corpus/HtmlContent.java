package dev.evidencebot.corpus;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Where an HTML page keeps its article: the configured content selector, else {@code <article>},
 * else {@code <main>}, else the block holding the most paragraph text. The site's chrome is removed
 * from the page first: nav, header, footer, aside, scripts, styles, forms, their ARIA-role twins (a
 * {@code <div role="navigation">}), the configured remove selectors, and blocks whose class or id
 * says cookie, consent, share, social, newsletter, subscribe, related, comments, byline, breadcrumb,
 * sidebar, advert or promo.
 */
final class HtmlContent {

    private static final String CHROME_TAGS = "nav, header, footer, aside, script, style, noscript, template, iframe, "
            + "svg, button, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
            + "[role=search]";
    private static final Pattern CHROME_NAME = Pattern.compile(
            "(?i)cookie|consent|share|social|newsletter|subscribe|related|comments|byline|breadcrumb|sidebar|advert|promo");

    private HtmlContent() {
    }

    /** Removes the chrome from {@code page} and returns the article's container; never null. */
    static Element find(Document page, HtmlSelectors selectors, SourceFile file, ProblemLog problems) {
        removeChrome(page, selectors, file, problems);
        if (selectors.content() != null) {
            Elements matched = select(page, selectors.content(), "corpus.html.content-selector", file, problems);
            if (matched != null && !matched.isEmpty()) {
                return matched.first();
            }
        }
        Element article = page.selectFirst("article");
        if (article != null) {
            return article;
        }
        Element main = page.selectFirst("main, [role=main]");
        return main != null ? main : densest(page.body());
    }

    private static void removeChrome(Document page, HtmlSelectors selectors, SourceFile file, ProblemLog problems) {
        page.select(CHROME_TAGS).remove();
        for (String selector : selectors.remove()) {
            Elements matched = select(page, selector, "corpus.html.remove-selectors", file, problems);
            if (matched != null) {
                matched.remove();
            }
        }
        int pageText = HtmlText.of(page.body()).length();
        for (Element element : page.body().select("form, [class], [id]")) {
            String names = element.className() + " " + element.id();
            boolean chrome = element.normalName().equals("form") || CHROME_NAME.matcher(names).find();
            // a class like "post social-enabled", or the one <form> an ASP.NET page wraps around everything,
            // on the element holding the article is not a banner: chrome is small beside the page
            if (chrome && element.parent() != null && element.selectFirst("article, main") == null
                    && HtmlText.of(element).length() * 2 < pageText) {
                element.remove();
            }
        }
    }

    /** The element whose own paragraphs hold the most text: where a page without landmarks keeps its article. */
    private static Element densest(Element body) {
        Element best = body;
        int bestLength = -1;
        // select() includes the body itself: a page of bare paragraphs is its own densest block
        for (Element candidate : body.select("body, div, section, td")) {
            int length = 0;
            for (Element child : candidate.children()) {
                if (child.normalName().equals("p")) {
                    length += HtmlText.of(child).length();
                }
            }
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best;
    }

    /** The elements the configured selector matches, or null (reported) when it is not valid CSS. */
    private static Elements select(Document page, String selector, String setting, SourceFile file, ProblemLog problems) {
        try {
            return page.select(selector);
        } catch (Selector.SelectorParseException e) {
            problems.report(file, 0, setting + " '" + selector + "' is not a valid CSS selector (" + e.getMessage()
                    + "); it is ignored");
            return null;
        }
    }
}
