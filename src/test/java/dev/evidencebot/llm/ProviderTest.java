package dev.evidencebot.llm;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderTest {

    @Test
    void namesParseWhateverTheirCase() {
        assertEquals(Provider.OPENAI, Provider.parse("OpenAI"));
        assertEquals(Provider.NONE, Provider.parse("none"));
    }

    @Test
    void anUnknownProviderFailsTheStartNamingTheAllowedValues() {
        // when
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(Map.of("llm.provider", "gemini",
                    "index.path", "target/test-index-provider"), "test")) {
                context.getBean(Provider.class);
            }
        });

        // then
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("'gemini'") && root.getMessage().contains("[none, openai, anthropic]"),
                root.getMessage());
    }

    @Test
    void theConfigNeverPrintsTheKey() {
        LlmConfig config = new LlmConfig("openai", null, "sk-secret", "m", java.time.Duration.ofSeconds(1), 10, null, 5,
                java.time.Duration.ofSeconds(30), 16, 16);
        assertTrue(!config.toString().contains("sk-secret"), config.toString());
    }
}
