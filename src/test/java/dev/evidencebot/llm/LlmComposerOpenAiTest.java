package dev.evidencebot.llm;

import org.junit.jupiter.api.BeforeAll;

/** The composer contract against the OpenAI chat-completions wire format. */
class LlmComposerOpenAiTest extends LlmComposerContract {

    @BeforeAll
    static void startServer() {
        server = start("llm-openai", FakeModel.Wire.OPENAI);
    }

    @Override
    String providerName() {
        return "openai";
    }
}
