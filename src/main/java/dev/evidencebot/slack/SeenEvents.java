package dev.evidencebot.slack;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Events and messages already taken, so each is answered once: Slack retries an event it thinks
 * went unanswered (same event id, X-Slack-Retry-Num set), and a mention in a channel the bot reads
 * arrives twice, as app_mention and as message (same channel and ts). Slack stops retrying after
 * about an hour but its retries come within minutes, so ten minutes of memory is enough.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class SeenEvents {

    static final Duration KEEP_FOR = Duration.ofMinutes(10);

    private final Sightings seen;

    SeenEvents(Sightings seen) {
        this.seen = seen;
    }

    /** True the first time {@code key} is seen (and from then on false): atomic, so two racing copies get one true. */
    boolean firstSighting(String key) {
        return seen.first("event:" + key, KEEP_FOR);
    }
}
