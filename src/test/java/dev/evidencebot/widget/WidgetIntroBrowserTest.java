package dev.evidencebot.widget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidencebot.testing.Browser;
import dev.evidencebot.testing.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo page sets no greeting or examples: over a corpus of two articles that are not about
 * Semax, the widget greets with their titles and offers questions the pipeline answers.
 */
class WidgetIntroBrowserTest {

    static final String CAFFEINE = """
            ---
            title: Caffeine and Sleep
            ---
            ## Caffeine and sleep onset latency

            Caffeine lengthened sleep onset latency in a randomized controlled trial of 12 adults [1].

            ## Caffeine and alertness

            Caffeine improved alertness during night shifts in a study of 30 nurses [2]. Coffee is the most common source of caffeine.

            ## References

            1. Drake C, Roehrs T, Shambroom J, Roth T. Caffeine effects on sleep taken 0, 3, or 6 hours before going to bed. J Clin Sleep Med. 2013;9(11):1195-200. PMID: 24235903
            2. Smith A. Caffeine and alertness in night shift nurses. Occup Med. 2010.
            """;

    static final String MELATONIN = """
            ---
            title: Melatonin for Sleep Problems
            ---
            ## Melatonin and sleep onset latency

            Melatonin shortened sleep onset latency in a meta-analysis of 19 randomized controlled trials in adults [1].

            ## Melatonin and jet lag

            Melatonin eased jet lag after flights across five or more time zones in a systematic review of ten trials [2].

            ## References

            1. Ferracioli-Oda E, Qawasmi A, Bloch MH. Meta-analysis: melatonin for the treatment of primary sleep disorders. PLoS One. 2013;8(5):e63773. PMID: 23691095
            2. Herxheimer A, Petrie KJ. Melatonin for the prevention and treatment of jet lag. Cochrane Database Syst Rev. 2002. PMID: 12076414
            """;

    @TempDir
    static Path work;

    static Browser browser;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("caffeine-and-sleep.md"), CAFFEINE);
        Files.writeString(corpus.resolve("melatonin.md"), MELATONIN);
        server = TestServer.start(Map.of("corpus.path", corpus.toString(), "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(), "rate-limit.enabled", false));
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
    void theGreetingAndExamplesFollowTheCorpus_andEveryExampleIsAnswered() throws IOException {
        // given what the server derives from the corpus
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/widget/intro"))));
        assertEquals(200, response.statusCode());
        JsonNode intro = new ObjectMapper().readTree(response.body());
        List<String> derived = new ArrayList<>();
        intro.get("examples").forEach(example -> derived.add(example.asText()));
        assertTrue(intro.get("greeting").asText().startsWith("Ask about “Caffeine and Sleep” or “Melatonin for Sleep Problems”."),
                intro.toString());
        assertFalse(derived.isEmpty(), intro.toString());

        // when the demo page opens the widget
        browser.viewport(1280, 800, false);
        browser.open(server.url("/"));
        browser.inWidget(".launcher").click();

        // then it says what the server derived, and nothing about Semax
        WebElement greeting = browser.inWidget(".intro p");
        browser.await(d -> greeting.getText().contains("Caffeine and Sleep"));
        assertEquals(intro.get("greeting").asText(), greeting.getText());
        browser.await(d -> chips().equals(derived));
        assertFalse(browser.inWidget(".intro").getText().contains("Semax"), browser.inWidget(".intro").getText());

        // and each example is answered, not abstained on
        for (int i = 0; i < derived.size(); i++) {
            browser.inWidget("button[aria-label='Start a new conversation']").click();
            int chip = i;
            browser.await(d -> chips().size() == derived.size());
            browser.widget().findElements(By.cssSelector(".chip")).get(chip).click();
            WebElement answer = browser.inWidget(".bot[data-answer-id]:not([data-answer-id=''])");
            assertTrue(answer.findElements(By.cssSelector(".notice")).isEmpty(), derived.get(i) + ": " + answer.getText());
            assertFalse(answer.findElements(By.cssSelector("li.card")).isEmpty(), derived.get(i) + " cites a source");
        }
    }

    private static List<String> chips() {
        return browser.widget().findElements(By.cssSelector(".examples .chip")).stream().map(WebElement::getText).toList();
    }
}
