package dev.evidencebot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.evidencebot.answer.Feedback;
import dev.evidencebot.answer.FeedbackStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The buttons under an answer: share it in the channel (only the person who asked, where they
 * asked), or rate it. Each button's value is the answer id; a value that is no plain id of at most
 * {@link SlackIds#MAX_LENGTH} characters is not one this app put there, and is neither looked up nor stored.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class AnswerActions {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerActions.class);
    static final String CHANNEL = "slack";
    static final String EXPIRED = "That answer is no longer available to share. Ask again to get a fresh one.";
    static final String ONLY_ASKER = "Only the person who asked can share this answer.";
    static final String NOT_OURS = "That button does not belong to an answer I gave.";
    static final String THANKS = "Thanks, your feedback was recorded.";
    static final String FEEDBACK_FAILED = "Sorry, your feedback could not be saved. Please try again later.";

    private final RecentAnswers recent;
    private final FeedbackStore feedback;
    private final AnswerRunner runner;
    private final Clock clock = Clock.systemUTC();

    AnswerActions(RecentAnswers recent, FeedbackStore feedback, AnswerRunner runner) {
        this.recent = recent;
        this.feedback = feedback;
        this.runner = runner;
    }

    Response share(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String answerId = answerId(payload);
        runner.postLater(payload.getResponseUrl(), !SlackIds.plain(answerId) ? AnswerBlocks.notice(NOT_OURS)
                : recent.find(answerId).map(kept -> shared(kept, payload)).orElseGet(() -> AnswerBlocks.notice(EXPIRED)));
        return context.ack();
    }

    /** The answer for the whole channel when the asker pressed Share where they asked; a private refusal otherwise. */
    private static ActionResponse shared(RecentAnswers.Kept kept, BlockActionPayload payload) {
        String presser = payload.getUser() == null ? null : payload.getUser().getId();
        String channel = channelId(payload);
        if (!kept.asker().is(presser, channel)) {
            LOG.info("Refused to share answer {} of {} (team {}) for {} in {}: only the asker may share it, where they asked",
                    kept.asked().answer().id(), kept.asker().userId(), kept.asker().teamId(), presser, channel);
            return AnswerBlocks.notice(ONLY_ASKER);
        }
        return AnswerBlocks.inChannel(kept.asked(), presser);
    }

    Response helpful(BlockActionRequest request, ActionContext context) {
        return rate(request, context, "up");
    }

    Response notHelpful(BlockActionRequest request, ActionContext context) {
        return rate(request, context, "down");
    }

    private Response rate(BlockActionRequest request, ActionContext context, String rating) {
        BlockActionPayload payload = request.getPayload();
        String answerId = answerId(payload);
        String reply;
        if (!SlackIds.plain(answerId)) {
            reply = NOT_OURS;
        } else {
            try {
                feedback.save(new Feedback(answerId, rating, null, CHANNEL, clock.instant()));
                reply = THANKS;
            } catch (RuntimeException e) {
                LOG.error("Could not save Slack feedback on answer {}", answerId, e);
                reply = FEEDBACK_FAILED;
            }
        }
        runner.postLater(payload.getResponseUrl(), AnswerBlocks.notice(reply));
        return context.ack();
    }

    private static String answerId(BlockActionPayload payload) {
        return payload.getActions() == null || payload.getActions().isEmpty()
                ? null : payload.getActions().get(0).getValue();
    }

    /** Where the button was pressed: the payload's channel, or the message's container's. */
    private static String channelId(BlockActionPayload payload) {
        if (payload.getChannel() != null && payload.getChannel().getId() != null) {
            return payload.getChannel().getId();
        }
        return payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    }
}
