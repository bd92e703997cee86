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

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widget over its rate limit, in headless Chromium: it says when to try again and keeps the question. */
class WidgetRateLimitBrowserTest {

    @TempDir
    static Path work;

    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        // one question back to back, then one every 3 s
        server = TestServer.start(Map.of("corpus.path", "corpus", "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(),
                "rate-limit.enabled", true, "rate-limit.per-minute", 20, "rate-limit.burst", 1));
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
    void aSecondQuestionAtOnceIsRefusedWithTheWaitAndTheTextStaysInTheBox() {
        // given the open widget and one answered question, the whole burst
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));
        browser.inWidget(".launcher").click();
        WebElement input = browser.inWidget("form > textarea");
        input.sendKeys("Does Semax reduce anxiety?" + Keys.ENTER);
        browser.inWidget(".bot[data-answer-id]:not([data-answer-id=''])");

        // when a second question is sent at once
        input.sendKeys("Does Semax improve memory?" + Keys.ENTER);

        // then the widget says when to try again, the question is back in the box, not in the conversation
        WebElement notice = browser.inWidget(".err[data-retry-after]");
        assertEquals("Too many questions — try again in 3 s", notice.getText());
        assertEquals("alert", notice.getAttribute("role"));
        assertEquals("Does Semax improve memory?", input.getAttribute("value"));
        assertEquals(1, browser.widget().findElements(By.cssSelector(".user")).size(), "the refused question is not shown as asked");
        WebElement send = browser.inWidget("button.send");
        assertTrue(!send.isEnabled(), "sending waits for the server's Retry-After");
        browser.screenshot("widget-rate-limited");

        // and once the wait is over, sending works again and the kept text is answered
        browser.await(d -> send.isEnabled());
        assertTrue(browser.widget().findElements(By.cssSelector(".err[data-retry-after]")).isEmpty(), "the notice is gone");
        input.sendKeys(Keys.ENTER);
        browser.await(d -> browser.widget().findElements(By.cssSelector(".bot[data-answer-id]:not([data-answer-id=''])")).size() == 2);
        assertEquals("", input.getAttribute("value"));
    }
}
