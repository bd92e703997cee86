package dev.evidencebot.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evidencebot.corpus.Passage;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseFactoryTest {

    @TempDir
    Path work;

    @Test
    void htmlSelectorsComeFromConfiguration() throws IOException {
        // given a site page whose story sits in .story beside a longer forum, and that site's selectors configured
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("baths.html"), "<div class='story'><p>Warm baths before bed helped sleep onset.</p>"
                + "<p class='plug'>Buy our bath salts today.</p><p class='tip'>Tip of the day: drink water.</p></div>"
                + "<div class='forum'><p>Reader post: I take a cold shower every night and sleep like a log, whatever "
                + "the studies say about warm baths and sleep onset.</p></div>");

        // when the application builds its knowledge base
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "corpus.path", corpus.toString(),
                "index.path", work.resolve("index").toString(),
                "data.path", work.resolve("data").toString(),
                "corpus.html.content-selector", ".story",
                "corpus.html.remove-selectors", ".plug, .tip"), "test")) {
            KnowledgeBase.Loaded loaded = context.getBean(KnowledgeBase.class).await(Duration.ofMinutes(3));

            // then the story's own sentence is the only passage
            List<String> texts = loaded.corpus().articles().get(0).article().passages().stream().map(Passage::text).toList();
            assertEquals(List.of("Warm baths before bed helped sleep onset."), texts);
        }
    }
}
