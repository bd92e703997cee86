package dev.evidencebot.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * The Slack door's settings. Without a signing secret the door does not exist: no controller, no
 * Bolt app, nothing listening on /slack/events.
 *
 * @param signingSecret    SLACK_SIGNING_SECRET; every request's HMAC is checked against it
 * @param botToken         SLACK_BOT_TOKEN, optional: answers travel through response_url, which needs
 *                         no token. When set, Bolt checks it once with auth.test at {@code apiUrl}.
 * @param command          the slash command this app answers
 * @param responseUrlHosts the only hosts answers are posted to (SLACK_RESPONSE_URL_HOSTS, comma-separated)
 * @param apiUrl           Slack Web API prefix; tests point it at loopback so nothing reaches slack.com
 * @param answerTimeout    how long an answer may take before the asker is told it failed
 */
@ConfigurationProperties(SlackConfig.PREFIX)
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
record SlackConfig(
        String signingSecret,
        @Nullable String botToken,
        @Bindable(defaultValue = "/ask") String command,
        @Bindable(defaultValue = "hooks.slack.com") List<String> responseUrlHosts,
        @Bindable(defaultValue = "https://slack.com/api/") String apiUrl,
        @Bindable(defaultValue = "60s") Duration answerTimeout) {

    static final String PREFIX = "slack";

    /** The token, or null when it is unset or blank (an empty env var means "no token"). */
    @Nullable
    String botTokenOrNull() {
        return botToken == null || botToken.isBlank() ? null : botToken.strip();
    }
}
