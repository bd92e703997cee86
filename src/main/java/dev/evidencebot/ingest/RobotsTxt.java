package dev.evidencebot.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * robots.txt, read once per origin and obeyed for every page. A missing robots.txt (4xx) allows
 * everything; one that cannot be read (5xx, timeout) allows nothing for this run, as RFC 9309
 * says: a server in trouble is not the moment to crawl it.
 */
final class RobotsTxt {

    private static final long MAX_ROBOTS_BYTES = 512 * 1024;

    private final Fetcher fetcher;
    /** Honours any Crawl-delay up to 5 minutes; a site asking for more gets no requests at all (the parser's rule). */
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Rules> byOrigin = new HashMap<>();

    RobotsTxt(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @return null when the page may be fetched, else why not */
    String refusal(URI page) throws InterruptedException {
        Rules rules = byOrigin.get(origin(page));
        if (rules == null) {
            rules = load(page);
            byOrigin.put(origin(page), rules);
        }
        if (rules.rules().isAllowed(page.toString())) {
            return null;
        }
        return rules.unreadable() == null ? "robots.txt disallows it" : "robots.txt could not be read (" + rules.unreadable() + ")";
    }

    private Rules load(URI page) throws InterruptedException {
        URI robots = URI.create(origin(page) + "/robots.txt");
        BaseRobotRules rules;
        String unreadable = null;
        try {
            Fetcher.Response response = fetcher.get(robots, null, null, MAX_ROBOTS_BYTES);
            if (response.ok()) {
                rules = parser.parseContent(robots.toString(), response.body(),
                        response.contentType() == null ? "text/plain" : response.contentType(),
                        List.of(IngestSettings.ROBOT_NAME));
            } else {
                rules = parser.failedFetch(response.status());
                if (!rules.isAllowAll()) {
                    unreadable = "HTTP " + response.status();
                }
            }
        } catch (Fetcher.FetchException e) {
            rules = parser.failedFetch(503); // unreachable counts as a server error: allow nothing
            unreadable = e.getMessage();
        }
        long crawlDelay = rules.getCrawlDelay();
        if (crawlDelay > 0 && crawlDelay != BaseRobotRules.UNSET_CRAWL_DELAY) {
            fetcher.slowDown(Hosts.of(page), Duration.ofMillis(crawlDelay));
        }
        return new Rules(rules, unreadable);
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    private record Rules(BaseRobotRules rules, String unreadable) {
    }
}
