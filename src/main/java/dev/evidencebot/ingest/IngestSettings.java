package dev.evidencebot.ingest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a site is fetched into the corpus.
 *
 * @param corpus    the corpus directory pages are written into (its hidden {@code .ingest/} holds the state)
 * @param delay     the pause between two requests; robots.txt's Crawl-delay can only lengthen it
 * @param timeout   how long one request may take, connecting included
 * @param userAgent sent with every request; robots.txt groups are matched on {@link #ROBOT_NAME}
 */
public record IngestSettings(Path corpus, Duration delay, Duration timeout, String userAgent) {

    /** The product token robots.txt rules are matched against (`User-agent: evidence-bot`). */
    public static final String ROBOT_NAME = "evidence-bot";
    public static final String USER_AGENT = ROBOT_NAME + "/0.1 (site ingest for an evidence-grounded Q&A bot; one request at a time)";
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public IngestSettings {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public static IngestSettings defaults(Path corpus) {
        return new IngestSettings(corpus, DEFAULT_DELAY, DEFAULT_TIMEOUT, USER_AGENT);
    }

    public IngestSettings withDelay(Duration newDelay) {
        return new IngestSettings(corpus, newDelay, timeout, userAgent);
    }

    public IngestSettings withTimeout(Duration newTimeout) {
        return new IngestSettings(corpus, delay, newTimeout, userAgent);
    }
}
