package dev.evidencebot.slack;

import io.micronaut.core.annotation.Nullable;

/**
 * Who asked for an answer, and where: only they, and only there, may share it in the channel.
 *
 * @param teamId    the workspace, kept for the log line when someone else tries to share
 * @param userId    the Slack user who asked
 * @param channelId the channel, DM or group the answer was given in
 */
record Asker(@Nullable String teamId, @Nullable String userId, @Nullable String channelId) {

    /**
     * Whether the person pressing a button under the answer is this asker, in the conversation they
     * asked in. Team ids are not compared: in a channel shared between workspaces the click may carry
     * the presser's workspace and the question the app's; user and channel ids are unique across both.
     * An asker not known in full matches nobody.
     */
    boolean is(@Nullable String presserId, @Nullable String presserChannelId) {
        return userId != null && channelId != null && userId.equals(presserId) && channelId.equals(presserChannelId);
    }
}
