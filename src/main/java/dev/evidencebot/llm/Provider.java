package dev.evidencebot.llm;

import java.util.Arrays;
import java.util.Locale;

/** Who writes answers: nobody (extractive), an OpenAI-compatible endpoint, or Anthropic. */
enum Provider {
    NONE, OPENAI, ANTHROPIC;

    /**
     * @throws IllegalArgumentException naming the allowed values when the name is none of them
     */
    static Provider parse(String name) {
        String normalised = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Provider provider : values()) {
            if (provider.words().equals(normalised)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("llm.provider (LLM_PROVIDER) is '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Provider::words).toList());
    }

    String words() {
        return name().toLowerCase(Locale.ROOT);
    }
}
