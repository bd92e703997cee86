package dev.evidencebot.corpus;

import java.util.List;

/**
 * Per-site CSS selectors for HTML articles: where a site keeps its article text, and what else it
 * puts there that is not the article (a "read next" box the generic chrome rules miss).
 *
 * <p>Configuration would bind {@code corpus.html.content-selector} and
 * {@code corpus.html.remove-selectors} into this record (a {@code @ConfigurationProperties("corpus.html")}
 * record in a factory) and pass it to {@link CorpusReader#CorpusReader(HtmlSelectors)} where
 * {@code KnowledgeBase} and {@code CorpusCommand} now call {@code new CorpusReader()}. Until then the
 * defaults hold: no content selector (article, main, else the densest block) and nothing extra removed.
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
