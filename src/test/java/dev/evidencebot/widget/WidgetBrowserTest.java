package dev.evidencebot.widget;

import dev.evidencebot.testing.Browser;
import dev.evidencebot.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widget on the demo page, in headless Chromium, answering from the repository's corpus. */
class WidgetBrowserTest {

    @TempDir
    static Path index;

    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        server = TestServer.start(Map.of("spec.name", "WidgetBrowserTest", "corpus.path", "corpus",
                "index.path", index.toString(), "data.path", index.resolve("data").toString()));
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
    void keyboardOpensTheWidgetAndEscapeReturnsFocusToTheLauncher() {
        // given the demo page at desktop size
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));

        // when Tab is pressed until the launcher has focus, then Enter
        tabToLauncher();
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();

        // then the dialog is open and the question box has focus
        WebElement panel = browser.inWidget("[role=dialog]");
        browser.await(d -> panel.isDisplayed());
        assertEquals("Ask the research", panel.getAttribute("aria-label"));
        assertEquals("textarea", activeInWidget("tagName").toLowerCase());
        assertNotNull(browser.inWidget("[role=log]"));
        assertTrue(browser.inWidget(".examples .chip").isDisplayed(), "an empty conversation offers example questions");

        // when Escape is pressed, the panel closes and the launcher has focus again
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.await(d -> !panel.isDisplayed());
        assertTrue(activeInWidget("className").contains("launcher"));
    }

    @Test
    void streamedAnswerLinksMarkersToSourceCardsWithBadgesAndKeepsTheConversation() {
        // given the open widget
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));
        browser.inWidget(".launcher").click();

        // when a question is typed and sent with Enter
        WebElement input = browser.inWidget("form > textarea");
        input.sendKeys("Does Semax reduce anxiety?");
        input.sendKeys(Keys.ENTER);

        // then the answer arrives over the streaming endpoint, with no fallback
        WebElement answer = browser.inWidget(".bot[data-answer-id]:not([data-answer-id=''])");
        List<String> requests = resourceRequests();
        assertTrue(requests.stream().anyMatch(url -> url.endsWith("/api/ask/stream")), "requests: " + requests);
        assertFalse(requests.stream().anyMatch(url -> url.endsWith("/api/ask")), "no fallback expected: " + requests);

        // and every [n] marker links to a numbered source card with an evidence badge
        List<WebElement> markers = answer.findElements(By.cssSelector("a.marker"));
        assertFalse(markers.isEmpty(), "the answer carries [n] markers");
        for (WebElement marker : markers) {
            String target = marker.getAttribute("href").replaceAll(".*#", "");
            WebElement card = browser.widget().findElement(By.cssSelector("li.card[id='" + target + "']"));
            assertTrue(card.findElement(By.cssSelector(".quote")).getText().length() > 20, "the card quotes the claim");
            WebElement badge = card.findElement(By.cssSelector(".badge"));
            assertEquals("preclinical", badge.getAttribute("data-level").toLowerCase());
            assertTrue(badge.getAttribute("title").contains("Animal or cell studies"), badge.getAttribute("title"));
            String tipId = badge.getAttribute("aria-describedby");
            WebElement tip = browser.widget().findElement(By.cssSelector("[role=tooltip][id='" + tipId + "']"));
            assertTrue(tip.getAttribute("textContent").contains("Animal or cell studies"));
            assertTrue(card.findElement(By.cssSelector(".ref a")).getAttribute("href").startsWith("https://"));
            assertEquals("noopener noreferrer", card.findElement(By.cssSelector(".ref a")).getAttribute("rel"));
        }
        // a marker moves focus to its card
        markers.get(0).click();
        browser.await(d -> activeInWidget("id").equals(markers.get(0).getAttribute("href").replaceAll(".*#", "")));

        // the overall level is prominent and the raw Sources / Evidence lines are not repeated as text
        assertEquals("preclinical", answer.findElement(By.cssSelector(".overall .badge")).getAttribute("data-level").toLowerCase());
        String text = answer.findElement(By.cssSelector(".text")).getText();
        assertFalse(text.contains("Sources:") || text.contains("Evidence level:"), text);
        assertTrue(browser.inWidget("[aria-live=polite]").getAttribute("textContent").startsWith("Answer: "));

        // when a follow-up is asked
        String conversation = conversationId();
        assertNotNull(conversation);
        WebElement followUp = browser.inWidget("form > textarea");
        followUp.sendKeys("What about memory?");
        followUp.sendKeys(Keys.ENTER);

        // then a second answer appears in the same conversation
        browser.await(d -> browser.widget().findElements(By.cssSelector(".bot[data-answer-id]:not([data-answer-id=''])")).size() == 2);
        assertEquals(conversation, conversationId());
        browser.screenshot("widget-desktop");

        // and it survives a page load in the same tab
        browser.driver.navigate().refresh();
        browser.await(d -> browser.widget().findElements(By.cssSelector(".bot[data-answer-id]")).size() == 2);
        assertTrue(browser.inWidget("[role=dialog]").isDisplayed(), "the panel stays open across page loads");

        // and "new conversation" starts over with the examples
        browser.inWidget("button[aria-label='Start a new conversation']").click();
        browser.await(d -> browser.widget().findElements(By.cssSelector(".bot")).isEmpty());
        assertTrue(browser.inWidget(".examples").isDisplayed());
        assertEquals(null, conversationId());
    }

    @Test
    void aQuestionTheArticlesDoNotCoverShowsTheNotCoveredState() {
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));
        browser.inWidget(".launcher").click();

        WebElement input = browser.inWidget("form > textarea");
        input.sendKeys("Does Semax cure cancer?" + Keys.ENTER);

        WebElement notice = browser.inWidget(".bot .notice");
        assertTrue(notice.getText().contains("The articles I can draw on do not answer this question."), notice.getText());
        WebElement answer = browser.inWidget(".bot[data-answer-id]");
        assertTrue(answer.findElements(By.cssSelector("li.card")).isEmpty(), "an abstention cites nothing");
        // said once, in the notice; the rest of the answer says what the articles do cover
        String shown = answer.getText();
        assertEquals(1, shown.split("do not answer", -1).length - 1, shown);
        assertFalse(shown.contains("do not cover"), shown);
        assertTrue(shown.contains("They cover “Semax's Effects: A Breakdown Of The Research”"), shown);
        assertFalse(shown.contains("uncited") || shown.contains("Evidence level"), shown);
        String announced = browser.inWidget("[aria-live=polite]").getAttribute("textContent");
        assertEquals(1, announced.split("do not answer", -1).length - 1, announced);
    }

    @Test
    void aCautionOnASourceCardIsWrittenForAVisitor() {
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));
        browser.inWidget(".launcher").click();

        browser.inWidget("form > textarea").sendKeys("Does Semax increase dopamine?" + Keys.ENTER);

        WebElement caution = browser.inWidget(".bot[data-answer-id] li.card .warn");
        assertEquals("⚠ The cited study's title is about other things (peptide, expression, genes, immune, vascular,"
                + " systems), so it may not back this sentence.", caution.getText());
        assertFalse(caution.getText().contains("graded") || caution.getText().contains("the claim"), caution.getText());
    }

    @Test
    void onAPhoneThePanelFillsTheScreenWithoutHorizontalScrolling() {
        // given a 375x667 phone viewport
        browser.viewport(375, 667, true);
        browser.open(server.url("/"));

        // when the widget is opened and answers
        browser.inWidget(".launcher").click();
        browser.inWidget(".chip").click();
        browser.inWidget(".bot[data-answer-id] li.card");

        // then the panel covers the viewport exactly and nothing overflows sideways
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) browser.js("""
                const root = document.querySelector('evidence-bot-widget').shadowRoot;
                const r = root.querySelector('[role=dialog]').getBoundingClientRect();
                const log = root.querySelector('[role=log]');
                return {x: r.left, y: r.top, w: r.width, h: r.height, vw: window.innerWidth, vh: window.innerHeight,
                        overflow: log.scrollWidth - log.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth};
                """);
        assertEquals(375L, number(box.get("vw")));
        assertEquals(0L, number(box.get("x")));
        assertEquals(0L, number(box.get("y")));
        assertEquals(number(box.get("vw")), number(box.get("w")));
        assertEquals(number(box.get("vh")), number(box.get("h")));
        assertTrue(number(box.get("overflow")) <= 0, "log overflows sideways by " + box.get("overflow"));
        assertTrue(number(box.get("page")) <= 0, "page overflows sideways by " + box.get("page"));
        browser.screenshot("widget-mobile");
    }

    @Test
    void hostileHostPageCssLeavesTheWidgetWorking() {
        // given a page on another origin whose CSS hides, unsets and enlarges everything
        browser.viewport(1280, 800, false);
        browser.open(server.otherOriginUrl("/test-pages/hostile"));

        // then the launcher is visible, full size and clickable
        WebElement launcher = browser.inWidget(".launcher");
        browser.await(d -> launcher.isDisplayed());
        assertEquals(56, launcher.getSize().getWidth());
        launcher.click();

        // and the panel opens and answers (cross-origin: CORS allows localhost pages by default)
        WebElement input = browser.inWidget("form > textarea");
        browser.await(d -> input.isDisplayed());
        input.sendKeys("Does Semax reduce anxiety?" + Keys.ENTER);
        WebElement answer = browser.inWidget(".bot[data-answer-id] li.card");
        assertTrue(answer.isDisplayed());
        assertEquals("14px", browser.js("""
                return getComputedStyle(document.querySelector('evidence-bot-widget').shadowRoot.querySelector('.text')).fontSize"""));
        browser.screenshot("widget-hostile-page");
    }

    private void tabToLauncher() {
        for (int i = 0; i < 40; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if (activeInWidget("className").contains("launcher")) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the launcher");
    }

    private String activeInWidget(String property) {
        Object value = browser.js("""
                const active = document.querySelector('evidence-bot-widget').shadowRoot.activeElement;
                return active ? String(active[arguments[0]]) : '';""", property);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private List<String> resourceRequests() {
        return (List<String>) browser.js("return performance.getEntriesByType('resource').map(e => e.name)");
    }

    private String conversationId() {
        return (String) browser.js("""
                const key = Object.keys(sessionStorage).find(k => k.startsWith('evidence-bot:'));
                return key ? JSON.parse(sessionStorage.getItem(key)).conversationId : null;""");
    }

    private static long number(Object value) {
        return Math.round(((Number) value).doubleValue());
    }

}
