package dev.evidencebot.slack;

import java.time.Duration;

/**
 * The threads the bot has answered in, where later messages are follow-ups that need no new
 * mention: for {@link #WINDOW} after the bot's last answer there, and at most {@link #MAX_FOLLOW_UPS}
 * messages, so the bot does not join a whole discussion. A mention opens the window again.
 *
 * <p>A port because the state is per process ({@link LocalThreadFollowUps}): with several replicas
 * behind a load balancer, a follow-up reaching a replica that did not answer the thread is not
 * recognised and needs a mention. Moving this to Redis (as conversation memory is) would fix that.
 */
interface ThreadFollowUps {

    Duration WINDOW = Duration.ofMinutes(30);
    int MAX_FOLLOW_UPS = 10;

    /** The bot answers in {@code thread} (team, channel and root timestamp): its messages are follow-ups from now on. */
    void open(String thread);

    /** Whether a new message in {@code thread} is a follow-up; true uses up one of the thread's follow-ups. */
    boolean claim(String thread);
}
