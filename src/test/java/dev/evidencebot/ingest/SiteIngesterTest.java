package dev.evidencebot.ingest;

import dev.evidencebot.ingest.PageOutcome.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `ingest` against a real HTTP peer on loopback, run after run over the same corpus directory. */
class SiteIngesterTest {

    private static final String CAFFEINE = "<html><head><title>Caffeine and sleep</title></head><body><p>Caffeine delays sleep.</p></body></html>";
    private static final String CREATINE = "<html><head><title>Creatine</title></head><body><p>Creatine helps recall.</p></body></html>";

    private final LoopbackSite site = new LoopbackSite();

    @TempDir
    Path corpus;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aSitemapsPagesAreSavedUnderTheirHostAndPath() throws Exception {
        site.html("/articles/caffeine-sleep", CAFFEINE).html("/articles/creatine.html", CREATINE)
                .sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep", "/articles/creatine.html"));

        IngestReport report = ingestSitemap();

        String host = "127.0.0.1_" + port();
        assertEquals(List.of(Outcome.FETCHED, Outcome.FETCHED), outcomes(report));
        assertEquals(CAFFEINE, Files.readString(corpus.resolve(host + "/articles/caffeine-sleep.html")));
        assertEquals(CREATINE, Files.readString(corpus.resolve(host + "/articles/creatine.html")));
        assertEquals(host + "/articles/caffeine-sleep.html", report.pages().get(0).file());
        assertTrue(Files.exists(corpus.resolve(".ingest/state.json")), "the state is kept hidden inside the corpus");
        assertEquals(List.of(), leftoverTemporaryFiles(), "atomic writes leave no temporary file behind");
        assertTrue(site.requests.stream().allMatch(request -> request.userAgent().startsWith("evidence-bot/")),
                "every request says who is asking");
        assertFalse(report.nothingDone());
    }

    @Test
    void aPageRobotsTxtDisallowsIsSkippedAndNeverRequested() throws Exception {
        site.robots("User-agent: *\nDisallow: /private/\n")
                .html("/articles/caffeine-sleep", CAFFEINE).html("/private/draft", CREATINE)
                .sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep", "/private/draft"));

        IngestReport report = ingestSitemap();

        assertEquals(List.of(Outcome.FETCHED, Outcome.SKIPPED), outcomes(report));
        assertEquals("robots.txt disallows it", report.pages().get(1).reason());
        assertEquals(0, site.count("/private/draft"));
        assertEquals(1, site.count("/robots.txt"), "robots.txt is read once per site");
    }

    @Test
    void robotsTxtRulesForOurOwnNameWin() throws Exception {
        site.robots("User-agent: *\nAllow: /\n\nUser-agent: evidence-bot\nDisallow: /articles/creatine.html\n")
                .html("/articles/caffeine-sleep", CAFFEINE).html("/articles/creatine.html", CREATINE)
                .sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep", "/articles/creatine.html"));

        assertEquals(List.of(Outcome.FETCHED, Outcome.SKIPPED), outcomes(ingestSitemap()));
    }

    @Test
    void anUnchangedPageIsAnsweredWith304OnTheSecondRunAndLeftAlone() throws Exception {
        site.html("/articles/caffeine-sleep", CAFFEINE).sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep"));
        ingestSitemap();
        Path file = corpus.resolve("127.0.0.1_" + port() + "/articles/caffeine-sleep.html");
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, written);

        IngestReport second = ingestSitemap();

        assertEquals(List.of(Outcome.UNCHANGED), outcomes(second));
        assertEquals("304 not modified", second.pages().get(0).reason());
        assertEquals(1, site.count("/articles/caffeine-sleep", 304));
        LoopbackSite.Request conditional = site.requests.get(site.requests.size() - 1);
        assertNotNull(conditional.ifNoneMatch(), "the ETag is sent back");
        assertEquals(LoopbackSite.LAST_MODIFIED, conditional.ifModifiedSince(), "Last-Modified is sent back verbatim");
        assertEquals(written, Files.getLastModifiedTime(file), "an unchanged page is not rewritten");
    }

    @Test
    void aChangedPageIsFetchedAgain() throws Exception {
        site.html("/articles/caffeine-sleep", CAFFEINE).sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep"));
        ingestSitemap();
        site.html("/articles/caffeine-sleep", CREATINE);

        IngestReport second = ingestSitemap();

        assertEquals(List.of(Outcome.FETCHED), outcomes(second));
        assertEquals(CREATINE, Files.readString(corpus.resolve(second.pages().get(0).file())));
    }

    @Test
    void aPageThatLeftTheSitemapIsDeletedOnTheNextRun() throws Exception {
        site.html("/articles/caffeine-sleep", CAFFEINE).html("/articles/creatine", CREATINE)
                .sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep", "/articles/creatine"));
        IngestReport first = ingestSitemap();
        Path creatine = corpus.resolve(first.pages().get(1).file());
        assertTrue(Files.exists(creatine));
        site.sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep"));

        IngestReport second = ingestSitemap();

        assertEquals(List.of(Outcome.UNCHANGED, Outcome.REMOVED), outcomes(second));
        assertEquals(site.url("/articles/creatine"), second.pages().get(1).url());
        assertFalse(Files.exists(creatine));
        assertTrue(Files.exists(corpus.resolve(first.pages().get(0).file())));
        assertEquals(List.of(), outcomes(ingestSitemap()).stream().filter(outcome -> outcome == Outcome.REMOVED).toList(),
                "a removed page is forgotten, not removed again");
    }

    @Test
    void aPageNamedByHandIsNeverRemovedByASitemap() throws Exception {
        site.html("/articles/caffeine-sleep", CAFFEINE).html("/extra", CREATINE)
                .sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep"));
        IngestReport named = new SiteIngester(settings()).ingest(IngestRequest.pages(List.of(site.url("/extra"))));

        IngestReport report = ingestSitemap();

        assertEquals(List.of(Outcome.FETCHED), outcomes(report));
        assertTrue(Files.exists(corpus.resolve(named.pages().get(0).file())));
    }

    @Test
    void aRedirectWithinTheHostIsFollowedAndOneToAnotherHostIsRefused() throws Exception {
        site.redirect("/old-caffeine", "/articles/caffeine-sleep").html("/articles/caffeine-sleep", CAFFEINE)
                .redirect("/elsewhere", "http://localhost:" + port() + "/articles/caffeine-sleep")
                .sitemap("/sitemap.xml", List.of("/old-caffeine", "/elsewhere"));

        IngestReport report = ingestSitemap();

        assertEquals(List.of(Outcome.FETCHED, Outcome.FAILED), outcomes(report));
        assertEquals("127.0.0.1_" + port() + "/old-caffeine.html", report.pages().get(0).file(),
                "the file is named for the URL the sitemap lists");
        assertEquals("redirect to another host refused: http://localhost:" + port() + "/articles/caffeine-sleep",
                report.pages().get(1).reason());
        assertEquals(1, site.count("/articles/caffeine-sleep"), "the other host was never asked");
    }

    @Test
    void urlsOnAnotherHostAreSkippedAndReported() throws Exception {
        site.html("/articles/caffeine-sleep", CAFFEINE)
                .sitemap("/sitemap.xml", List.of("/articles/caffeine-sleep", "https://other.example/articles/x"));

        IngestReport report = ingestSitemap();

        PageOutcome other = report.pages().stream().filter(page -> page.url().contains("other.example")).findFirst().orElseThrow();
        assertEquals(Outcome.SKIPPED, other.outcome());
        assertTrue(other.reason().startsWith("another host (other.example)"), other.reason());
    }

    @Test
    void aSitemapIndexIsFollowedToItsSitemaps() throws Exception {
        site.html("/a", CAFFEINE).html("/b", CREATINE)
                .sitemap("/sitemap-1.xml", List.of("/a")).sitemap("/sitemap-2.xml", List.of("/b"))
                .sitemapIndex("/sitemap.xml", List.of("/sitemap-1.xml", "/sitemap-2.xml"));

        IngestReport report = ingestSitemap();

        assertEquals(List.of(Outcome.FETCHED, Outcome.FETCHED), outcomes(report));
        assertEquals(List.of(site.url("/a"), site.url("/b")), report.pages().stream().map(PageOutcome::url).toList());
    }

    @Test
    void noPageIsRemovedWhileAChildSitemapCannotBeRead() throws Exception {
        site.html("/a", CAFFEINE).html("/b", CREATINE)
                .sitemap("/sitemap-1.xml", List.of("/a")).sitemap("/sitemap-2.xml", List.of("/b"))
                .sitemapIndex("/sitemap.xml", List.of("/sitemap-1.xml", "/sitemap-2.xml"));
        IngestReport first = ingestSitemap();
        site.remove("/sitemap-2.xml");

        IngestReport second = ingestSitemap();

        assertFalse(outcomes(second).contains(Outcome.REMOVED));
        assertTrue(Files.exists(corpus.resolve(first.pages().get(1).file())));
        assertTrue(second.notes().get(0).startsWith("no pages removed"), second.notes().toString());
        assertTrue(second.pages().stream().anyMatch(page -> page.outcome() == Outcome.FAILED
                && page.reason().equals("sitemap could not be read: HTTP 404")), second.pages().toString());
    }

    @Test
    void errorsAndOtherContentTypesAreReportedPerUrlAndTheRestIsFetched() throws Exception {
        site.html("/a", CAFFEINE)
                .page("/broken", 500, "text/html", new byte[0], null)
                .page("/report.pdf", 200, "application/pdf", new byte[]{'%', 'P', 'D', 'F'}, null)
                .sitemap("/sitemap.xml", List.of("/broken", "/missing", "/report.pdf", "/a"));

        IngestReport report = ingestSitemap();

        assertEquals(List.of(Outcome.FAILED, Outcome.FAILED, Outcome.SKIPPED, Outcome.FETCHED), outcomes(report));
        assertEquals("HTTP 500", report.pages().get(0).reason());
        assertEquals("HTTP 404", report.pages().get(1).reason());
        assertTrue(report.pages().get(2).reason().startsWith("content type application/pdf is not an article"));
        assertNull(report.error());
        assertFalse(report.nothingDone());
    }

    @Test
    void anUnreachableSitemapMeansNothingWasDone() throws Exception {
        IngestReport report = ingestSitemap();

        assertEquals("sitemap " + site.url("/sitemap.xml") + " could not be read: HTTP 404", report.error());
        assertTrue(report.nothingDone());
    }

    @Test
    void aLatin1PageIsSavedAsUtf8() throws Exception {
        site.page("/cafe", 200, "text/html; charset=ISO-8859-1",
                "<p>Caf\u00e9 au lait.</p>".getBytes(StandardCharsets.ISO_8859_1), null);

        IngestReport report = new SiteIngester(settings()).ingest(IngestRequest.pages(List.of(site.url("/cafe"), "ftp://x/y")));

        assertEquals(List.of(Outcome.FETCHED, Outcome.FAILED), outcomes(report));
        assertEquals("<p>Caf\u00e9 au lait.</p>", Files.readString(corpus.resolve(report.pages().get(0).file()), StandardCharsets.UTF_8));
        assertEquals("not an http(s) URL", report.pages().get(1).reason());
    }

    private IngestReport ingestSitemap() throws InterruptedException {
        return new SiteIngester(settings()).ingest(IngestRequest.sitemap(site.url("/sitemap.xml")));
    }

    private IngestSettings settings() {
        return IngestSettings.defaults(corpus).withDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(5));
    }

    private int port() {
        return Integer.parseInt(site.url("").substring("http://127.0.0.1:".length()));
    }

    private static List<Outcome> outcomes(IngestReport report) {
        return report.pages().stream().map(PageOutcome::outcome).toList();
    }

    private List<Path> leftoverTemporaryFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
