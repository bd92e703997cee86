package dev.evidencebot.slack;

import java.time.Duration;

/**
 * The threads the bot has answered in, where later messages are follow-ups that need no new
 * mention: for {@link #WINDOW} after the bot's last answer there, and at most {@link #MAX_FOLLOW_UPS}
 * messages, so the bot does not join a whole discussion. A mention opens the window again.
 *
 * <p>A port because where the state lives depends on the deployment: in this process for one
 * replica ({@link LocalThreadFollowUps}), in Redis when several share it ({@link RedisThreadFollowUps}),
 * so a follow-up is recognised whichever replica Slack's event reaches.
 */
interface ThreadFollowUps {

    Duration WINDOW = Duration.ofMinutes(30);
    int MAX_FOLLOW_UPS = 10;

    /** The bot answers in {@code thread} (team, channel and root timestamp): its messages are follow-ups from now on. */
    void open(String thread);

    /** Whether a new message in {@code thread} is a follow-up; true uses up one of the thread's follow-ups. */
    boolean claim(String thread);
}
