package dev.evidencebot.slack;

/**
 * A message someone wrote where the bot can read it, as an app_mention or a message event carries it.
 *
 * @param eventId     Slack's id for the event; a retry of the event carries the same id
 * @param teamId      the workspace
 * @param channel     the channel or DM id
 * @param channelType "im" for a direct message, "channel"/"group" otherwise; null on app_mention
 * @param user        who wrote it; null for some bot and system messages
 * @param botId       set when a bot (this one included) wrote it
 * @param subtype     set for edits, deletions, joins and bot messages: nothing a person asked
 * @param edited      whether this is an edited message, which was answered (or not) when first sent
 * @param text        as Slack sends it: mentions as {@code <@U123>}, {@code &amp; &lt; &gt;} escaped
 * @param ts          the message's own timestamp, its id within the channel
 * @param threadTs    the thread's root timestamp when the message is in a thread, else null
 * @param mention     whether it came as an app_mention
 */
record PostedMessage(
        String eventId,
        String teamId,
        String channel,
        String channelType,
        String user,
        String botId,
        String subtype,
        boolean edited,
        String text,
        String ts,
        String threadTs,
        boolean mention) {

    /**
     * Whether every id it carries (event, workspace, channel, author, timestamps) is absent or plain
     * ({@link SlackIds}): they become keys of the dedupe memory, the rate limiter and the conversation.
     */
    boolean plainIds() {
        for (String id : new String[] {eventId, teamId, channel, user, ts, threadTs}) {
            if (id != null && !SlackIds.plain(id)) {
                return false;
            }
        }
        return true;
    }

    boolean direct() {
        return "im".equals(channelType) || (channel != null && channel.startsWith("D"));
    }

    /** A reply inside a thread, not the message that started one. */
    boolean inThread() {
        return threadTs != null && !threadTs.equals(ts);
    }

    /** Whether the text tags {@code userId}, as a message event (not an app_mention) shows a mention. */
    boolean tags(String userId) {
        return userId != null && text != null && text.contains("<@" + userId + ">");
    }
}
