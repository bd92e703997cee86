package dev.evidencebot.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token buckets by Bucket4j, one per key, wherever {@code buckets} keeps them: a Caffeine map in
 * process today, Redis (Bucket4j's Lettuce proxy manager) once replicas must share them. Each key
 * space has its own bucket shape.
 *
 * <p>The shape: capacity = the burst, refilled greedily at the per-minute rate. Greedy rather than
 * interval refill because a visitor who spent the burst gets a token back every 60/rate seconds
 * (3 s at 20 a minute) instead of waiting up to a whole minute for the lot; so the Retry-After we
 * send is short and honest, and the sustained rate is still exactly the per-minute figure.
 */
final class Bucket4jRateLimiter implements RateLimiter {

    private final ProxyManager<String> buckets;
    private final Map<KeySpace, BucketConfiguration> shapes = new EnumMap<>(KeySpace.class);

    Bucket4jRateLimiter(ProxyManager<String> buckets, RateLimitConfig config) {
        this.buckets = buckets;
        shapes.put(KeySpace.CLIENT, shape("per-minute / burst", config.perMinute(), config.burst(), Duration.ofMinutes(1)));
        shapes.put(KeySpace.CONVERSATION, shape("conversation-per-minute / conversation-burst",
                config.conversationPerMinute(), config.conversationBurst(), Duration.ofMinutes(1)));
        shapes.put(KeySpace.FEEDBACK, shape("feedback-per-minute / feedback-burst",
                config.feedbackPerMinute(), config.feedbackBurst(), Duration.ofMinutes(1)));
        shapes.put(KeySpace.SLACK, shape("slack-per-minute / slack-burst",
                config.slackPerMinute(), config.slackBurst(), Duration.ofMinutes(1)));
        if (config.modelCallsPerHour() > 0) {
            // the hour's budget may be spent at once (a busy moment), then comes back evenly
            shapes.put(KeySpace.MODEL_CALLS, shape("model-calls-per-hour",
                    config.modelCallsPerHour(), config.modelCallsPerHour(), Duration.ofHours(1)));
        }
    }

    @Override
    public Decision tryTake(String key) {
        BucketConfiguration shape = shapes.get(KeySpace.of(key));
        if (shape == null) {
            return Decision.ALLOWED; // a space with no limit configured (model-calls-per-hour: 0)
        }
        ConsumptionProbe probe = buckets.builder().build(key, () -> shape).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.ALLOWED : Decision.refusedFor(probe.getNanosToWaitForRefill());
    }

    private static BucketConfiguration shape(String settings, int rate, int burst, Duration period) {
        if (rate < 1 || burst < 1) {
            throw new IllegalArgumentException(RateLimitConfig.PREFIX + "." + settings + " must be at least 1, got "
                    + rate + " / " + burst + " (" + RateLimitConfig.PREFIX + ".enabled=false turns limits off)");
        }
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(rate, period))
                .build();
    }
}
