package dev.evidencebot.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The language model, if any: {@code llm.*} (env LLM_PROVIDER, LLM_BASE_URL, LLM_API_KEY,
 * LLM_MODEL, LLM_TIMEOUT). With provider {@code none} no model exists and answers are extractive.
 *
 * @param provider         none, openai (any OpenAI-compatible endpoint) or anthropic
 * @param baseUrl          the endpoint's base URL, e.g. http://localhost:8000/v1; null for the provider's own
 * @param timeout          wall-clock limit of one model call, retries included: no reader waits longer
 * @param systemPromptFile a file whose text replaces {@link Prompts#SYSTEM}
 * @param breakerFailures  consecutive failures that stop calls to the model ...
 * @param breakerOpenFor   ... for this long, after which one trial call is let through
 * @param maxCalls         model requests in flight at once, streamed replies included (each holds a thread)
 * @param waitingCalls     model calls queued for a thread beyond those; past it the answer is extractive at once
 */
@ConfigurationProperties("llm")
record LlmConfig(
        @Bindable(defaultValue = "none") String provider,
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @Nullable String model,
        @Bindable(defaultValue = "20s") Duration timeout,
        @Bindable(defaultValue = "1024") int maxTokens,
        @Nullable String systemPromptFile,
        @Bindable(defaultValue = "5") int breakerFailures,
        @Bindable(defaultValue = "30s") Duration breakerOpenFor,
        @Bindable(defaultValue = "16") int maxCalls,
        @Bindable(defaultValue = "16") int waitingCalls) {

    /** Never prints the key: records print every component, and configs end up in logs. */
    @Override
    public String toString() {
        return "LlmConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", model=" + model + ", timeout=" + timeout + ", maxTokens=" + maxTokens + "]";
    }
}
