package dev.evidencebot.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where and to whom the bot answers a message, and in which conversation.
 *
 * @param channel        the channel or DM to post in
 * @param threadTs       the thread to post in; null to post at the top of a DM
 * @param teamId         the workspace
 * @param user           who asked
 * @param question       what they asked, as they meant it (see {@link MessageText})
 * @param conversationId the conversation memory's id for this thread, so follow-ups resolve
 */
record Reply(String channel, String threadTs, String teamId, String user, String question, String conversationId) {

    /**
     * The conversation id of a thread: ours, not Slack's, so it passes the pipeline's id rules
     * (letters, digits, '-', '_') and says nothing about the workspace to whoever reads the logs.
     */
    static String conversationId(String teamId, String channel, String threadTs) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((teamId + "/" + channel + "/" + threadTs).getBytes(StandardCharsets.UTF_8));
            return "slack-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
