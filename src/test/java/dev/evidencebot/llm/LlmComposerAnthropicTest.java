package dev.evidencebot.llm;

import org.junit.jupiter.api.BeforeAll;

/** The composer contract against the Anthropic Messages wire format. */
class LlmComposerAnthropicTest extends LlmComposerContract {

    @BeforeAll
    static void startServer() {
        server = start("llm-anthropic", FakeModel.Wire.ANTHROPIC);
    }

    @Override
    String providerName() {
        return "anthropic";
    }
}
