package dev.evidencebot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The three Web API calls the bot makes with its token (chat.postMessage, chat.update,
 * chat.postEphemeral), at slack.api-url. A 429 is waited out for its Retry-After and retried, up
 * to {@link #ATTEMPTS} tries; any other failure is logged and reported as such, never thrown.
 * Calls block, so they run on the event workers, never on a request thread.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class ChatApi {

    private static final Logger LOG = LoggerFactory.getLogger(ChatApi.class);
    static final int ATTEMPTS = 3;
    // Slack's waits are seconds; a longer one than this means the message is stale by the time it could go
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final MethodsClient client;

    ChatApi(Slack slack, SlackConfig config) {
        this.client = slack.methods(config.botTokenOrNull());
    }

    /** Posts in {@code channel} (in the thread when {@code threadTs} is set); the new message's ts, or null when it failed. */
    String post(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
        var response = call("chat.postMessage", () -> client.chatPostMessage(request -> request
                .channel(channel).threadTs(threadTs).text(text).blocks(blocks)));
        return response == null ? null : response.getTs();
    }

    /** Replaces the message at {@code ts}; false when it failed. */
    boolean update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        return call("chat.update", () -> client.chatUpdate(request -> request
                .channel(channel).ts(ts).text(text).blocks(blocks))) != null;
    }

    /** A message only {@code user} sees; false when it failed. */
    boolean postPrivately(String channel, String threadTs, String user, String text) {
        return call("chat.postEphemeral", () -> client.chatPostEphemeral(request -> request
                .channel(channel).threadTs(threadTs).user(user).text(text))) != null;
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    LOG.warn("Slack refused {}: {}", method, response.getError());
                    return null;
                }
                return response;
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429 || attempt == ATTEMPTS) {
                    LOG.warn("Slack {} failed (attempt {} of {}): {}", method, attempt, ATTEMPTS, e.getMessage());
                    return null;
                }
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                if (wait.compareTo(LONGEST_WAIT) > 0) {
                    LOG.warn("Slack rate-limited {} for {} s; giving up on this message", method, wait.toSeconds());
                    return null;
                }
                LOG.info("Slack rate-limited {}; retrying in {} s (attempt {} of {})", method, wait.toSeconds(), attempt, ATTEMPTS);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not call Slack {}: {}", method, e.toString());
                return null;
            }
        }
        return null;
    }

    /** Retry-After in whole seconds, as Slack sends it; one second when it is missing or unreadable. */
    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }
}
