package dev.evidencebot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
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

/** The buttons under an answer: share it in the channel, or rate it. Each button's value is the answer id. */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class AnswerActions {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerActions.class);
    static final String CHANNEL = "slack";
    static final String EXPIRED = "That answer is no longer available to share. Ask again to get a fresh one.";
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
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        runner.postLater(payload.getResponseUrl(), recent.find(answerId(payload))
                .map(asked -> AnswerBlocks.inChannel(asked, userId == null ? "someone" : userId))
                .orElseGet(() -> AnswerBlocks.notice(EXPIRED)));
        return context.ack();
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
        if (answerId == null || answerId.isBlank()) {
            reply = FEEDBACK_FAILED;
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
}
