package dev.evidencebot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.console.QuestionGenerator;
import dev.evidencebot.testing.Browser;
import dev.evidencebot.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /admin page in headless Chromium, on a question log the generator filled: sign in, read, export, sign out. */
class AdminPageBrowserTest {

    static final String TOKEN = "admin-browser-test-token-padded-to-32-characters";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        server = TestServer.start(Map.of("corpus.path", "corpus", "corpus.watch", false,
                "index.path", work.resolve("index").toString(), "data.path", work.resolve("data").toString(),
                "widget.admin-token", TOKEN));
        server.server.getApplicationContext().getBean(QuestionGenerator.class).generate(600, Instant.now(), 11);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signInChartsGapsCsvAndSignOut() throws Exception {
        // given the page, signed out
        browser.viewport(1280, 900, false);
        signedOut();
        WebElement token = browser.element("#token");
        browser.await(d -> token.isDisplayed());
        assertEquals("token", activeId(), "the token field has focus");
        assertFalse(browser.element("#console").isDisplayed());
        browser.screenshot("admin-signin");

        // when a wrong token is sent, the alert says so and focus stays in the field
        token.sendKeys("not-the-token", Keys.ENTER);
        WebElement alert = browser.element("#alert");
        browser.await(d -> alert.isDisplayed());
        assertTrue(alert.getText().contains("not the admin token"), alert.getText());
        assertEquals("token", activeId());

        // when the right one is sent
        token.clear();
        token.sendKeys(TOKEN, Keys.ENTER);

        // then the console shows, focus moves to its heading and everything loads
        browser.await(d -> browser.element("#console").isDisplayed());
        assertEquals("console-title", activeId(), "focus moves to the console after signing in");
        browser.await(d -> "true".equals(browser.element("#console").getAttribute("data-loaded")));
        assertEquals("Console loaded.", browser.element("#status").getText());
        assertTrue(((String) browser.js("return document.cookie")).isEmpty(), "the session cookie is HttpOnly");

        // and the three charts are drawn by uPlot, each with its words for screen readers
        for (String chart : List.of("chart-days", "chart-levels", "chart-thumbs")) {
            Map<?, ?> canvas = (Map<?, ?>) browser.js("var c = document.querySelector('#" + chart + " .uplot canvas');"
                    + "return c ? {w: c.width, h: c.height, hidden: c.getAttribute('aria-hidden')} : null;");
            assertTrue(canvas != null && ((Number) canvas.get("w")).intValue() > 0 && ((Number) canvas.get("h")).intValue() > 0,
                    chart + ": " + canvas);
            assertEquals("true", canvas.get("hidden"), chart);
            String label = browser.element("#" + chart + " .plot").getAttribute("aria-label");
            assertTrue(label != null && label.matches(".*\\d.*"), chart + ": " + label);
            assertFalse(browser.driver.findElements(By.cssSelector("#" + chart + " .numbers tbody tr")).isEmpty(), chart);
        }
        assertTrue(browser.element("#chart-levels .plot").getAttribute("aria-label").contains("preclinical"),
                browser.element("#chart-levels .plot").getAttribute("aria-label"));
        browser.screenshot("admin-overview");

        // and the largest coverage gap shows with its count and examples, as the API counts it
        JsonNode largest = adminJson("/api/admin/gaps").get("clusters").get(0);
        WebElement firstGap = browser.element("#gaps-table tbody tr");
        assertEquals(String.format(Locale.ENGLISH, "%,d", largest.get("count").asLong()), firstGap.findElement(By.cssSelector("td.count")).getText());
        assertTrue(firstGap.getText().contains(largest.get("examples").get(0).asText()), firstGap.getText());
        assertTrue(browser.element("#gaps-table caption").getText().contains("topics the articles do not cover"));
        assertFalse(browser.driver.findElements(By.cssSelector("#weak-table tbody td.count")).isEmpty(), "weak-evidence topics");
        scrollTo("#gaps");
        browser.screenshot("admin-gaps");

        // when the question log is filtered to abstained questions and paged on
        scrollTo("#questions");
        new Select(browser.element("#questions-filters select[name=answered]")).selectByValue("false");
        browser.element("#questions-filters button[type=submit]").click();
        browser.await(d -> browser.element("#status").getText().startsWith("Question log: showing 1–"));
        List<WebElement> outcomes = browser.driver.findElements(By.cssSelector("#questions-table tbody .outcome"));
        assertFalse(outcomes.isEmpty());
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.getText().equals("abstained")));
        browser.element("#questions-pager button:last-of-type").click();
        browser.await(d -> browser.element("#status").getText().startsWith("Question log: showing 51–"));
        assertEquals("Next page", browser.js("return document.activeElement.textContent"), "focus stays on the pager");
        browser.screenshot("admin-questions");

        // then its CSV link downloads that filter with the cookie alone
        String href = browser.element("#questions-csv").getAttribute("href");
        assertTrue(href.contains("answered=false"), href);
        Map<?, ?> csv = (Map<?, ?>) browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('questions-csv').href).then(function (r) { return r.text().then(function (t) {"
                + "done({status: r.status, type: r.headers.get('Content-Type'), text: t}); }); });");
        assertEquals(200L, ((Number) csv.get("status")).longValue());
        assertTrue(((String) csv.get("type")).startsWith("text/csv"));
        String[] lines = ((String) csv.get("text")).split("\r\n");
        assertEquals("id,time,door,question,abstained,level,citations,latency_ms,feedback,composer,fallback_reason", lines[0]);
        assertTrue(lines.length > 51, "more than one page: " + lines.length);
        assertTrue(List.of(lines).subList(1, lines.length).stream().allMatch(line -> line.contains(",true,")), "abstained only");
        assertTrue(browser.element("#feedback-csv").getAttribute("download") != null, "a plain download link");

        // when signing out, the sign-in form returns and the old cookie reads nothing more
        browser.js("window.scrollTo(0, 0)");
        browser.element("#sign-out").click();
        browser.await(d -> browser.element("#signin").isDisplayed());
        assertEquals("token", activeId());
        Long status = (Long) browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/admin/overview').then(function (r) { done(r.status); });");
        assertEquals(401L, status);
    }

    @Test
    void aSkipLinkLeadsPastTheHeaderAndEveryFieldHasALabel() {
        browser.viewport(1280, 900, false);
        signedOut();
        browser.await(d -> browser.element("#signin").isDisplayed());

        assertEquals("#main", browser.element("a.skip").getAttribute("href").replaceAll(".*#", "#"));
        Long unlabelled = (Long) browser.js("return Array.prototype.filter.call(document.querySelectorAll('input, select'),"
                + " function (f) { return !f.labels || f.labels.length === 0; }).length;");
        assertEquals(0L, unlabelled);
        Long headerless = (Long) browser.js("return document.querySelectorAll('th:not([scope])').length;");
        assertEquals(0L, headerless);
    }

    /** The page with no session, whatever an earlier test left behind. */
    private static void signedOut() {
        browser.driver.get(server.url("/admin"));
        browser.driver.manage().deleteAllCookies();
        browser.driver.navigate().refresh();
    }

    private static JsonNode adminJson(String path) throws Exception {
        var response = server.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + TOKEN));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String activeId() {
        return (String) browser.js("return document.activeElement && document.activeElement.id");
    }

    private static void scrollTo(String css) {
        browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", css);
    }
}
