package dev.evidencebot.slack;

import com.slack.api.app_backend.events.payload.Authorization;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.evidencebot.answer.Question;
import dev.evidencebot.limits.Decision;
import dev.evidencebot.limits.KeySpace;
import dev.evidencebot.limits.RateLimiter;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Events API: app_mention and message events. Each is acknowledged at once (Slack retries
 * after 3 seconds) and answered by {@link EventAnswerer}; nothing here waits on the network.
 * Each event and each message is taken once ({@link SeenEvents}), whatever Slack retries or sends twice.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class MessageEvents {

    private static final Logger LOG = LoggerFactory.getLogger(MessageEvents.class);

    static final String USAGE = "Ask me a health or science question and I'll answer from the article corpus, citing "
            + "a numbered source for each claim and saying how strong the evidence is. For example: "
            + "_does semax improve memory?_";

    private final boolean canPost;
    private final WhenToAnswer when;
    private final SeenEvents seen;
    private final RateLimiter limiter;
    private final EventAnswerer answerer;
    private final AtomicBoolean warnedNoToken = new AtomicBoolean();

    MessageEvents(SlackConfig config, WhenToAnswer when, SeenEvents seen, RateLimiter limiter, EventAnswerer answerer) {
        this.canPost = config.botTokenOrNull() != null;
        this.when = when;
        this.seen = seen;
        this.limiter = limiter;
        this.answerer = answerer;
    }

    Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext context) {
        AppMentionEvent event = payload.getEvent();
        return handle(new PostedMessage(payload.getEventId(), teamId(payload, context), event.getChannel(), null,
                event.getUser(), event.getBotId(), event.getSubtype(), event.getEdited() != null, event.getText(),
                event.getTs(), event.getThreadTs(), true), botUserId(payload, context), context);
    }

    Response message(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent event = payload.getEvent();
        // Bolt routes subtyped messages (edits, deletions, bot_message) elsewhere; these have none
        return handle(new PostedMessage(payload.getEventId(), teamId(payload, context), event.getChannel(),
                event.getChannelType(), event.getUser(), event.getBotId(), null, event.getEdited() != null,
                event.getText(), event.getTs(), event.getThreadTs(), false), botUserId(payload, context), context);
    }

    private Response handle(PostedMessage message, String botUserId, EventContext context) {
        if (!canPost) {
            if (warnedNoToken.compareAndSet(false, true)) {
                LOG.warn("Slack sends events but SLACK_BOT_TOKEN is not set, so mentions and DMs cannot be answered");
            }
            return context.ack();
        }
        if (!message.plainIds()) {
            LOG.debug("Slack event {} carries an id that is not a plain Slack id; not answering it",
                    SlackIds.plain(message.eventId()) ? message.eventId() : "(not shown)");
            return context.ack();
        }
        // a retry (X-Slack-Retry-Num) of an event already taken, maybe still being answered
        if (message.eventId() != null && !seen.firstSighting("event/" + message.eventId())) {
            LOG.debug("Slack event {} seen before (retry {}, {}); not answering it again",
                    message.eventId(), context.getRetryNum(), context.getRetryReason());
            return context.ack();
        }
        Optional<Reply> decided = when.decide(message, botUserId);
        // a mention where the bot also reads messages arrives twice: app_mention and message
        if (decided.isEmpty()
                || !seen.firstSighting("message/" + message.teamId() + "/" + message.channel() + "/" + message.ts())) {
            return context.ack();
        }
        Reply reply = decided.get();
        String refusal = refusal(reply.question());
        if (refusal != null) {
            answerer.tell(reply, refusal);
            return context.ack();
        }
        // the limiter answers from memory at once, so the ack stays well inside Slack's 3 seconds
        Decision decision = limiter.tryTake(KeySpace.SLACK.key(reply.teamId(), reply.user()));
        if (!decision.allowed()) {
            answerer.tell(reply, AskCommand.tooFast(decision.retryAfterSeconds()));
            return context.ack();
        }
        answerer.answer(reply);
        return context.ack();
    }

    /** Why a question cannot be answered as asked, or null when it can. */
    private static String refusal(String question) {
        if (question.isEmpty() || question.equalsIgnoreCase("help")) {
            return USAGE;
        }
        if (question.length() > Question.MAX_LENGTH) {
            return "That question is " + question.length() + " characters long; the limit is "
                    + Question.MAX_LENGTH + ". Please shorten it.";
        }
        return Question.controlCharacterAt(question) >= 0 ? AskCommand.UNREADABLE : null;
    }

    /** The workspace the app is installed in: the authorization's, which differs from the event's in shared channels. */
    private static String teamId(EventsApiPayload<?> payload, EventContext context) {
        return context.getTeamId() != null ? context.getTeamId() : payload.getTeamId();
    }

    /** The bot's own user id, from the envelope's authorizations; no auth.test call needed. */
    private static String botUserId(EventsApiPayload<?> payload, EventContext context) {
        List<Authorization> authorizations = payload.getAuthorizations();
        if (authorizations != null && !authorizations.isEmpty() && authorizations.get(0).getUserId() != null) {
            return authorizations.get(0).getUserId();
        }
        return context.getBotUserId();
    }
}
