package dev.evidencebot.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.atomic.AtomicLong;

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

    private static final Logger LOG = LoggerFactory.getLogger(Bucket4jRateLimiter.class);

    private final ProxyManager<String> buckets;
    /** Put before every key in the store: a Redis shared with other applications keeps ours apart. */
    private final String storagePrefix;
    private final Map<KeySpace, BucketConfiguration> shapes = new EnumMap<>(KeySpace.class);
    private final AtomicLong failures = new AtomicLong();

    Bucket4jRateLimiter(ProxyManager<String> buckets, RateLimitConfig config) {
        this(buckets, "", config);
    }

    Bucket4jRateLimiter(ProxyManager<String> buckets, String storagePrefix, RateLimitConfig config) {
        this.buckets = buckets;
        this.storagePrefix = storagePrefix;
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
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(storagePrefix + key, () -> shape).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            return unavailable(key, e);
        }
        return probe.isConsumed() ? Decision.ALLOWED : Decision.refusedFor(probe.getNanosToWaitForRefill());
    }

    /**
     * The store (Redis) failed. A visitor's question goes through: an outage of the limiter must
     * not become an outage of the bot. The model budget is the exception: it guards money, and a
     * refusal there only means an extractive answer instead of the model's.
     */
    private Decision unavailable(String key, RuntimeException e) {
        long count = failures.incrementAndGet();
        if (count <= 10 || count % 100 == 0) {
            LOG.warn("rate-limit store unavailable ({} failures so far), {} {}: {}", count,
                    KeySpace.of(key) == KeySpace.MODEL_CALLS ? "refusing" : "allowing", key, e.toString());
        }
        return KeySpace.of(key) == KeySpace.MODEL_CALLS ? Decision.refusedFor(1_000_000_000L) : Decision.ALLOWED;
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
