package dev.evidencebot.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code rate-limit.*}: how many requests each key space lets through. Each limit is a rate (per
 * minute, or per hour for the model budget) and a burst, the most that may arrive at once.
 *
 * @param enabled                 false turns every limit off (tests about other things, benchmarks)
 * @param perMinute               questions a minute per client IP, API and widget (RATE_LIMIT_PER_MINUTE)
 * @param burst                   questions a client may send back to back (RATE_LIMIT_BURST)
 * @param conversationPerMinute   questions a minute within one conversation, from any IP
 * @param conversationBurst       ... back to back
 * @param feedbackPerMinute       ratings a minute per client IP
 * @param feedbackBurst           ... back to back
 * @param slackPerMinute          questions a minute per Slack user
 * @param slackBurst              ... back to back
 * @param modelCallsPerHour       calls to the language model an hour, all visitors together; past
 *                                it answers are extractive. 0 means no budget. Only used with an LLM.
 * @param maxKeys                 most buckets kept in memory; a full bucket is forgotten sooner anyway
 */
@ConfigurationProperties(RateLimitConfig.PREFIX)
record RateLimitConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "20") int perMinute,
        @Bindable(defaultValue = "5") int burst,
        @Bindable(defaultValue = "10") int conversationPerMinute,
        @Bindable(defaultValue = "5") int conversationBurst,
        @Bindable(defaultValue = "30") int feedbackPerMinute,
        @Bindable(defaultValue = "10") int feedbackBurst,
        @Bindable(defaultValue = "10") int slackPerMinute,
        @Bindable(defaultValue = "5") int slackBurst,
        @Bindable(defaultValue = "1000") int modelCallsPerHour,
        @Bindable(defaultValue = "100000") int maxKeys) {

    static final String PREFIX = "rate-limit";
}
