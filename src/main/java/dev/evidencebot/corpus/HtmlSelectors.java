package dev.evidencebot.corpus;

import java.util.List;

/**
 * Per-site CSS selectors for HTML articles: where a site keeps its article text, and what else it
 * puts there that is not the article (a "read next" box the generic chrome rules miss).
 *
 * <p>Set by {@code corpus.html.content-selector} and {@code corpus.html.remove-selectors} (a
 * comma-separated list), read where the knowledge base is built. Unset, the defaults hold: no content
 * selector (article, main, else the densest block) and nothing extra removed. A selector that is not
 * valid CSS is reported as a problem of each HTML file and ignored.
 *
 * @param content a selector for the article's container, or null to find it
 * @param remove  selectors whose elements are dropped before reading
 */
public record HtmlSelectors(String content, List<String> remove) {

    public static final HtmlSelectors DEFAULTS = new HtmlSelectors(null, List.of());

    public HtmlSelectors {
        content = content == null || content.isBlank() ? null : content.trim();
        // an unset list property can arrive as one empty string
        remove = remove == null ? List.of()
                : remove.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
    }
}
