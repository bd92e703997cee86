package dev.evidencebot.llm;

import dev.evidencebot.answer.Composer;
import dev.evidencebot.answer.DefaultQueryTransformer;
import dev.evidencebot.answer.QueryTransformer;
import dev.evidencebot.limits.RateLimiter;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Makes the configured language model the composer and the follow-up condenser. With
 * {@code llm.provider=none} (the default) nothing here exists and the answer package's extractive
 * composer and heuristic transformer are used. LangChain4j objects are built here by hand;
 * Micronaut's own LangChain4j module is not used.
 */
@Factory
class LlmFactory {

    private static final String NONE = "none";
    /** Anthropic requires max_tokens on every request; OpenAI-compatible servers get it only when set. */
    private static final double TEMPERATURE = 0.0;

    /** Checked at startup whatever the value, so a typo fails the start, not the first question. */
    @Context
    Provider provider(LlmConfig config) {
        Provider provider = Provider.parse(config.provider());
        if (provider != Provider.NONE && (config.model() == null || config.model().isBlank())) {
            throw new IllegalArgumentException("llm.model (LLM_MODEL) must name a model when llm.provider is "
                    + provider.words());
        }
        return provider;
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "llm.provider", notEquals = NONE)
    ModelCalls modelCalls(LlmConfig config) {
        return new ModelCalls(config.maxCalls(), config.waitingCalls());
    }

    @Singleton
    @Requires(property = "llm.provider", notEquals = NONE)
    GuardedModel guardedModel(LlmConfig config, Provider provider, RateLimiter budget, ModelCalls calls) {
        CircuitBreaker breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), Clock.systemUTC());
        return new GuardedModel(provider.words(), chatModel(config, provider, calls), streamingModel(config, provider, calls),
                config.timeout(), breaker, budget, calls);
    }

    @Singleton
    @Requires(property = "llm.provider", notEquals = NONE)
    Composer llmComposer(GuardedModel model, LlmConfig config) {
        return new LlmComposer(model, systemPrompt(config));
    }

    @Singleton
    @Requires(property = "llm.provider", notEquals = NONE)
    QueryTransformer condensingQueryTransformer(GuardedModel model) {
        return new CondensingQueryTransformer(model, new DefaultQueryTransformer());
    }

    private static String systemPrompt(LlmConfig config) {
        if (config.systemPromptFile() == null || config.systemPromptFile().isBlank()) {
            return Prompts.SYSTEM;
        }
        Path file = Path.of(config.systemPromptFile());
        try {
            String prompt = Files.readString(file);
            if (prompt.isBlank()) {
                throw new IllegalArgumentException("llm.system-prompt-file " + file + " is empty");
            }
            return prompt;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read llm.system-prompt-file " + file, e);
        }
    }

    // maxRetries(0): GuardedModel's policy is the only one. The HTTP timeouts are a backstop; the
    // guard's wall-clock deadline is what bounds a reader's wait.
    private static ChatModel chatModel(LlmConfig config, Provider provider, ModelCalls calls) {
        return switch (provider) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(new ModelHttpClient.Builder(calls))
                    .baseUrl(blankToNull(config.baseUrl()))
                    .apiKey(apiKey(config))
                    .modelName(config.model())
                    .timeout(config.timeout())
                    .temperature(TEMPERATURE)
                    .maxTokens(config.maxTokens())
                    .maxRetries(0)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(new ModelHttpClient.Builder(calls))
                    .baseUrl(blankToNull(config.baseUrl()))
                    .apiKey(apiKey(config))
                    .modelName(config.model())
                    .timeout(config.timeout())
                    .temperature(TEMPERATURE)
                    .maxTokens(config.maxTokens())
                    .maxRetries(0)
                    .build();
            case NONE -> throw new IllegalStateException("no chat model when llm.provider is none");
        };
    }

    private static StreamingChatModel streamingModel(LlmConfig config, Provider provider, ModelCalls calls) {
        return switch (provider) {
            case OPENAI -> OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(new ModelHttpClient.Builder(calls))
                    .baseUrl(blankToNull(config.baseUrl()))
                    .apiKey(apiKey(config))
                    .modelName(config.model())
                    .timeout(config.timeout())
                    .temperature(TEMPERATURE)
                    .maxTokens(config.maxTokens())
                    .build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .httpClientBuilder(new ModelHttpClient.Builder(calls))
                    .baseUrl(blankToNull(config.baseUrl()))
                    .apiKey(apiKey(config))
                    .modelName(config.model())
                    .timeout(config.timeout())
                    .temperature(TEMPERATURE)
                    .maxTokens(config.maxTokens())
                    .build();
            case NONE -> throw new IllegalStateException("no chat model when llm.provider is none");
        };
    }

    /** An unset environment variable arrives as "": the provider's own endpoint is then meant. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Local servers (llama.cpp, vLLM, Ollama) want no key, but the clients insist on one. */
    private static String apiKey(LlmConfig config) {
        return config.apiKey() == null || config.apiKey().isBlank() ? "none" : config.apiKey();
    }
}
