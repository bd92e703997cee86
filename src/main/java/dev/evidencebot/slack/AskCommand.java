package dev.evidencebot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.evidencebot.answer.Question;
import dev.evidencebot.limits.Decision;
import dev.evidencebot.limits.KeySpace;
import dev.evidencebot.limits.RateLimiter;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash command: acknowledges at once (Slack gives up after 3 seconds) and leaves the answer
 * to {@link AnswerRunner}, which delivers it through the command's response_url. A user over their
 * rate limit (rate-limit.slack-*) gets a private "try again in N s" instead.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class AskCommand implements SlashCommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AskCommand.class);

    static final String LOOKING = "Looking that up… :mag:";
    static final String BUSY = "I'm answering too many questions right now. Please try again in a minute.";
    static final String UNREADABLE = "That question contains characters I can't read (control characters). Please retype it.";
    static final String CANNOT_DELIVER =
            "I can't deliver answers here: this workspace's response URL is not one I'm allowed to post to.";

    private final AnswerRunner runner;
    private final ResponseUrlPoster poster;
    private final RateLimiter limiter;
    private final String command;

    AskCommand(AnswerRunner runner, ResponseUrlPoster poster, RateLimiter limiter, SlackConfig config) {
        this.runner = runner;
        this.poster = poster;
        this.limiter = limiter;
        this.command = config.command();
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        String text = request.getPayload().getText() == null ? "" : request.getPayload().getText().strip();
        if (text.isEmpty() || text.equalsIgnoreCase("help")) {
            return ephemeralAck(context, usage(command));
        }
        if (text.length() > Question.MAX_LENGTH) {
            return ephemeralAck(context, "That question is " + text.length() + " characters long; the limit is "
                    + Question.MAX_LENGTH + ". Please shorten it.");
        }
        if (Question.controlCharacterAt(text) >= 0) {
            return ephemeralAck(context, UNREADABLE);
        }
        String responseUrl = request.getPayload().getResponseUrl();
        // checked here as well as at posting, so no answer is computed that could never be delivered
        if (!poster.allows(responseUrl)) {
            LOG.warn("Refusing {} from team {}: response_url {} is not allowed by slack.response-url-hosts",
                    command, request.getPayload().getTeamId(), responseUrl);
            return ephemeralAck(context, CANNOT_DELIVER);
        }
        // the limiter answers from memory at once, so the ack stays well inside Slack's 3 seconds
        Decision decision = limiter.tryTake(KeySpace.SLACK.key(request.getPayload().getTeamId(), request.getPayload().getUserId()));
        if (!decision.allowed()) {
            return ephemeralAck(context, tooFast(decision.retryAfterSeconds()));
        }
        Asker asker = new Asker(request.getPayload().getTeamId(), request.getPayload().getUserId(),
                request.getPayload().getChannelId());
        return ephemeralAck(context, runner.submit(text, responseUrl, asker) ? LOOKING : BUSY);
    }

    static String tooFast(long seconds) {
        return "You're asking fast — try again in " + seconds + " s.";
    }

    static String usage(String command) {
        return "Ask a health or science question and I'll answer from the article corpus, citing a numbered source "
                + "for each claim and saying how strong the evidence is.\n"
                + "Usage: `" + command + " does semax improve memory?`";
    }

    private static Response ephemeralAck(SlashCommandContext context, String text) {
        return context.ack(response -> response.responseType(AnswerBlocks.EPHEMERAL).text(text));
    }
}
