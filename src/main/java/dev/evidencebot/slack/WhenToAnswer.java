package dev.evidencebot.slack;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a message gets an answer, and where. Answered: a mention (in a thread under it, or in
 * the thread it was made in); every direct message (in the DM); every new message in an answer
 * channel (slack.answer-channels, in a thread under it); a message in a thread the bot answered in
 * lately ({@link ThreadFollowUps}). Never: what bots (this one included) wrote, edits, and any
 * other message subtype.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class WhenToAnswer {

    /** The DM conversation outside threads: a DM is one running conversation, as the widget's panel is. */
    static final String DM_TOP_LEVEL = "dm";

    private final Set<String> answerChannels;
    private final ThreadFollowUps followUps;

    WhenToAnswer(SlackConfig config, ThreadFollowUps followUps) {
        this.answerChannels = config.answerChannelIds();
        this.followUps = followUps;
    }

    /** @param botUserId the bot's own user id, from the event's authorizations; may be null */
    Optional<Reply> decide(PostedMessage message, String botUserId) {
        if (ignored(message, botUserId)) {
            return Optional.empty();
        }
        String question = MessageText.question(message.text(), botUserId);
        if (message.direct()) {
            String conversation = message.threadTs() == null ? DM_TOP_LEVEL : message.threadTs();
            return Optional.of(reply(message, message.threadTs(), conversation, question));
        }
        String root = message.threadTs() != null ? message.threadTs() : message.ts();
        String thread = message.teamId() + "/" + message.channel() + "/" + root;
        boolean mentioned = message.mention() || message.tags(botUserId);
        if (mentioned || (!message.inThread() && answerChannels.contains(message.channel()))) {
            followUps.open(thread);
            return Optional.of(reply(message, root, root, question));
        }
        if (message.inThread() && followUps.claim(thread)) {
            return Optional.of(reply(message, root, root, question));
        }
        return Optional.empty();
    }

    static boolean ignored(PostedMessage message, String botUserId) {
        return message.botId() != null
                || message.subtype() != null
                || message.edited()
                || message.user() == null
                || message.user().equals(botUserId)
                || message.channel() == null
                || message.ts() == null;
    }

    private static Reply reply(PostedMessage message, String threadTs, String conversation, String question) {
        return new Reply(message.channel(), threadTs, message.teamId(), message.user(), question,
                Reply.conversationId(message.teamId(), message.channel(), conversation));
    }
}
