package dev.evidencebot.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Slack door's settings. Without a signing secret the door does not exist: no controller, no
 * Bolt app, nothing listening on /slack/events.
 *
 * @param signingSecret     SLACK_SIGNING_SECRET; every request's HMAC is checked against it
 * @param botToken          SLACK_BOT_TOKEN: needed to answer mentions, direct messages and threads
 *                          (chat.postMessage); /ask answers through response_url and needs none.
 *                          When set, Bolt checks it once with auth.test at {@code apiUrl}.
 * @param command           the slash command this app answers
 * @param responseUrlHosts  the only hosts answers are posted to (SLACK_RESPONSE_URL_HOSTS, comma-separated)
 * @param apiUrl            SLACK_API_URL, the Slack Web API prefix: Slack for Government's, or a loopback
 *                          stand-in in tests so nothing reaches slack.com
 * @param answerTimeout     how long an answer may take before the asker is told it failed
 * @param answerChannels    SLACK_ANSWER_CHANNELS, channel ids where every question is answered without a mention
 * @param allowHttpLoopback whether a response_url may be plain http on a loopback address; only tests,
 *                          whose stand-in for Slack cannot speak https, turn this on
 */
@ConfigurationProperties(SlackConfig.PREFIX)
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
record SlackConfig(
        String signingSecret,
        @Nullable String botToken,
        @Bindable(defaultValue = "/ask") String command,
        @Bindable(defaultValue = "hooks.slack.com") List<String> responseUrlHosts,
        @Bindable(defaultValue = "https://slack.com/api/") String apiUrl,
        @Bindable(defaultValue = "60s") Duration answerTimeout,
        @Nullable List<String> answerChannels,
        @Bindable(defaultValue = "false") boolean allowHttpLoopback) {

    static final String PREFIX = "slack";

    /** The token, or null when it is unset or blank (an empty env var means "no token"). */
    @Nullable
    String botTokenOrNull() {
        return botToken == null || botToken.isBlank() ? null : botToken.strip();
    }

    /** Never prints the signing secret or the bot token: records print every component, and configs end up in logs. */
    @Override
    public String toString() {
        return "SlackConfig[signingSecret=" + hidden(signingSecret) + ", botToken=" + hidden(botTokenOrNull())
                + ", command=" + command + ", responseUrlHosts=" + responseUrlHosts + ", apiUrl=" + apiUrl
                + ", answerTimeout=" + answerTimeout + ", answerChannels=" + answerChannels
                + ", allowHttpLoopback=" + allowHttpLoopback + "]";
    }

    private static String hidden(@Nullable String secret) {
        return secret == null || secret.isBlank() ? "none" : "***";
    }

    /** The answer channels' ids, blanks dropped (an empty env var means "none"). */
    Set<String> answerChannelIds() {
        return answerChannels == null ? Set.of() : answerChannels.stream()
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
