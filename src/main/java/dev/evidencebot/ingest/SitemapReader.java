package dev.evidencebot.ingest;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a sitemap (XML, text, RSS/Atom or gzipped, as crawler-commons knows them) and, for a
 * sitemap index, the sitemaps it lists: the page URLs on the sitemap's own host, and a report
 * line for each URL or child sitemap left out.
 */
final class SitemapReader {

    /** An index of indexes is allowed by no spec, but seen; deeper nesting is a loop or a mistake. */
    private static final int MAX_DEPTH = 3;

    private final Fetcher fetcher;
    // Not strict: strict mode drops URLs outside the sitemap's folder without a word; the host
    // check below reports them instead.
    private final SiteMapParser parser = new SiteMapParser(false);

    SitemapReader(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * @throws Fetcher.FetchException when the top sitemap itself cannot be fetched or parsed
     */
    Sitemap read(URI sitemap) throws Fetcher.FetchException, InterruptedException {
        Set<URI> pages = new LinkedHashSet<>();
        List<PageOutcome> leftOut = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        AbstractSiteMap top = parse(sitemap);
        collect(sitemap, top, 0, pages, leftOut, unread, new HashSet<>(Set.of(sitemap)));
        return new Sitemap(List.copyOf(pages), leftOut, unread);
    }

    private void collect(URI root, AbstractSiteMap map, int depth, Set<URI> pages, List<PageOutcome> leftOut,
                         List<String> unread, Set<URI> seen) throws InterruptedException {
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                URI childUri = toUri(child.getUrl().toString());
                if (childUri == null || !seen.add(childUri)) {
                    continue;
                }
                if (!Hosts.sameHost(root, childUri)) {
                    leftOut.add(new PageOutcome(childUri.toString(), PageOutcome.Outcome.SKIPPED, null,
                            "sitemap on another host (" + Hosts.of(childUri) + "); only " + Hosts.of(root) + " is fetched"));
                    continue;
                }
                if (depth + 1 >= MAX_DEPTH) {
                    unread.add(childUri.toString());
                    leftOut.add(new PageOutcome(childUri.toString(), PageOutcome.Outcome.SKIPPED, null,
                            "sitemap indexes nested deeper than " + MAX_DEPTH));
                    continue;
                }
                try {
                    collect(root, parse(childUri), depth + 1, pages, leftOut, unread, seen);
                } catch (Fetcher.FetchException e) {
                    unread.add(childUri.toString());
                    leftOut.add(new PageOutcome(childUri.toString(), PageOutcome.Outcome.FAILED, null,
                            "sitemap could not be read: " + e.getMessage()));
                }
            }
            return;
        }
        for (SiteMapURL entry : ((SiteMap) map).getSiteMapUrls()) {
            String url = entry.getUrl().toString();
            URI page = toUri(url);
            if (page == null) {
                leftOut.add(new PageOutcome(url, PageOutcome.Outcome.FAILED, null, "not a valid http(s) URL"));
            } else if (!Hosts.sameHost(root, page)) {
                leftOut.add(new PageOutcome(page.toString(), PageOutcome.Outcome.SKIPPED, null,
                        "another host (" + Hosts.of(page) + "); only " + Hosts.of(root) + " is fetched"));
            } else {
                pages.add(page);
            }
        }
    }

    private AbstractSiteMap parse(URI sitemap) throws Fetcher.FetchException, InterruptedException {
        Fetcher.Response response = fetcher.get(sitemap, null, null, SiteMapParser.MAX_BYTES_ALLOWED);
        if (!response.ok()) {
            throw new Fetcher.FetchException("HTTP " + response.status());
        }
        try {
            // The URL the sitemap was found at after redirects is the base its entries are read against.
            return parser.parseSiteMap(response.contentType(), response.body(), response.uri().toURL());
        } catch (UnknownFormatException e) {
            throw new Fetcher.FetchException("not a sitemap (" + (response.contentType() == null
                    ? "no content type" : response.contentType()) + "): " + e.getMessage());
        } catch (MalformedURLException e) {
            throw new Fetcher.FetchException("not a valid URL: " + sitemap);
        } catch (IOException | RuntimeException e) {
            throw new Fetcher.FetchException("sitemap could not be parsed: " + e.getMessage());
        }
    }

    private static URI toUri(String url) {
        try {
            return Hosts.parse(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param pages   the page URLs on the sitemap's host, in sitemap order, each once
     * @param leftOut URLs and child sitemaps not taken, each with its reason
     * @param unread  child sitemaps that could not be read: the page list may be incomplete
     */
    record Sitemap(List<URI> pages, List<PageOutcome> leftOut, List<String> unread) {

        boolean complete() {
            return unread.isEmpty();
        }
    }
}
