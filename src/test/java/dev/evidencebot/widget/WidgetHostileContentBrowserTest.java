package dev.evidencebot.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidencebot.testing.Browser;
import dev.evidencebot.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widget over a corpus whose text carries HTML: it must show it as text and run nothing.
 * Feedback given in the browser must outlive the server that stored it.
 */
class WidgetHostileContentBrowserTest {

    static final String TOKEN = "test-admin-token-padded-to-32-characters";
    static final String PAYLOAD = "<img src=x onerror=\"window.__ebXss=1\">";
    static final String ARTICLE = """
            ---
            title: Vitamin Q and sleep
            ---
            # Vitamin Q and sleep

            ## Sleep findings

            In a randomized controlled trial of 40 adults, vitamin Q improved sleep quality %s compared with placebo [1].

            ## References

            1. Smith J, et al. "Vitamin Q and sleep <b onmouseover=window.__ebXss=2>quality</b>: a randomized controlled trial." J Sleep Res. 2020;12:1-9. https://example.org/vitamin-q
            """.formatted(PAYLOAD);

    @TempDir
    static Path work;

    static Browser browser;
    static TestServer server;
    static Map<String, Object> properties;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("vitamin-q.md"), ARTICLE);
        properties = Map.of("corpus.path", corpus.toString(), "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(), "widget.admin-token", TOKEN);
        server = TestServer.start(properties);
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
    void htmlInThePassageIsShownAsTextAndRunsNothing() {
        // given the demo page over the hostile corpus
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));
        browser.inWidget(".launcher").click();

        // when a question retrieves the passage carrying the HTML
        WebElement input = browser.inWidget("form > textarea");
        input.sendKeys("Does vitamin Q improve sleep quality?" + Keys.ENTER);
        WebElement card = browser.inWidget(".bot[data-answer-id] li.card");
        WebElement answer = browser.inWidget(".bot[data-answer-id]");

        // then the markup appears literally, in the answer and in the source card, and created no element
        assertTrue(answer.findElement(By.cssSelector(".text")).getText().contains(PAYLOAD), answer.getText());
        assertTrue(card.findElement(By.cssSelector(".quote")).getText().contains(PAYLOAD), card.getText());
        assertTrue(card.findElement(By.cssSelector(".ref")).getText().contains("<b onmouseover=window.__ebXss=2>"), card.getText());
        assertTrue(browser.widget().findElements(By.cssSelector("img, b[onmouseover]")).isEmpty());
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(card).perform();
        assertNull(browser.js("return window.__ebXss"), "an onerror/onmouseover handler from the corpus ran");
        assertEquals("moderate", card.findElement(By.cssSelector(".badge")).getAttribute("data-level").toLowerCase());
    }

    @Test
    void thumbsDownWithACommentSurvivesAServerRestart() throws IOException {
        // given an answer in the widget
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));
        browser.inWidget(".launcher").click();
        browser.inWidget("form > textarea").sendKeys("Does vitamin Q improve sleep quality?" + Keys.ENTER);
        WebElement answer = browser.inWidget(".bot[data-answer-id]:not([data-answer-id=''])");
        String answerId = answer.getAttribute("data-answer-id");

        // when the reader gives a thumbs down with a comment
        answer.findElement(By.cssSelector("button[data-rating=down]")).click();
        WebElement comment = browser.inWidget(".fbform textarea");
        comment.sendKeys("Only one small trial; say so.");
        browser.inWidget(".fbform .btn").click();
        browser.await(d -> browser.widget().findElements(By.cssSelector(".fb [role=status]")).stream()
                .anyMatch(status -> status.getText().contains("Thanks")));

        // and the server is replaced by a new one on the same data directory
        server.close();
        server = TestServer.start(properties);

        // then the owner still finds the feedback, with the admin token only
        HttpResponse<String> anonymous = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/feedback"))));
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> listed = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/feedback")))
                .header("Authorization", "Bearer " + TOKEN));
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode saved = new ObjectMapper().readTree(listed.body());
        boolean found = false;
        for (JsonNode feedback : saved) {
            found |= feedback.get("answerId").asText().equals(answerId)
                    && feedback.get("rating").asText().equals("down")
                    && feedback.get("comment").asText().equals("Only one small trial; say so.")
                    && feedback.get("channel").asText().equals("widget");
        }
        assertTrue(found, "stored feedback: " + listed.body());
    }
}
