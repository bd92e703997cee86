package dev.evidencebot.ingest;

import java.util.List;

/**
 * What to fetch: every page a sitemap lists, or pages named one by one.
 *
 * @param sitemap the sitemap (or sitemap index) URL; null when pages are named
 * @param pages   the page URLs named on the command line; empty for a sitemap
 */
public record IngestRequest(String sitemap, List<String> pages) {

    public IngestRequest {
        pages = List.copyOf(pages);
    }

    public static IngestRequest sitemap(String url) {
        return new IngestRequest(url, List.of());
    }

    public static IngestRequest pages(List<String> urls) {
        return new IngestRequest(null, urls);
    }
}
