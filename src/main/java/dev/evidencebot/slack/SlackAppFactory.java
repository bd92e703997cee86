package dev.evidencebot.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The Bolt app: request verification on, one slash command, three buttons, and the two events
 * the bot answers (mentions, and messages in DMs, answer channels and threads it is part of).
 */
@Factory
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class SlackAppFactory {

    /** The Web API client, pointed at slack.api-url: Slack for Government's prefix, or a test's loopback stand-in. */
    @Singleton
    @Bean(preDestroy = "close")
    Slack slack(SlackConfig config) {
        com.slack.api.SlackConfig api = new com.slack.api.SlackConfig();
        api.setMethodsEndpointUrlPrefix(config.apiUrl());
        return Slack.getInstance(api);
    }

    @Singleton
    @Bean(preDestroy = "stop")
    App slackApp(SlackConfig config, Slack slack, AskCommand ask, AnswerActions actions, MessageEvents events) {
        App app = unstarted(config, slack);
        app.command(config.command(), ask);
        app.blockAction(AnswerBlocks.SHARE_ACTION, actions::share);
        app.blockAction(AnswerBlocks.FEEDBACK_UP_ACTION, actions::helpful);
        app.blockAction(AnswerBlocks.FEEDBACK_DOWN_ACTION, actions::notHelpful);
        app.event(AppMentionEvent.class, events::mention);
        app.event(MessageEvent.class, events::message);
        // with a bot token this runs auth.test once, now, rather than inside the first 3-second ack
        return app.start();
    }

    /** The Bolt app configured, with no listeners yet and not started. */
    static App unstarted(SlackConfig config, Slack slack) {
        AppConfig appConfig = AppConfig.builder()
                .signingSecret(config.signingSecret())
                // checked first by RequestSignatures on the raw bytes (both directions of skew, replays);
                // Bolt's own check stays as a second lock for any way into the app that skips the
                // controller: it costs one more HMAC, and refuses nothing the first check accepted
                .requestVerificationEnabled(true)
                .singleTeamBotToken(config.botTokenOrNull())
                // Bolt's defaults read these from the environment; SLACK_CLIENT_ID/SECRET would switch
                // it to multi-workspace OAuth, which this app does not do
                .clientId(null)
                .clientSecret(null)
                .verificationToken(null)
                // MessageEvents drops the bot's own messages itself, from the event's authorizations,
                // so no extra auth.test is needed to learn who the bot is
                .ignoringSelfEventsEnabled(false)
                // events the bot does not answer (edits, deletions, joins) still get their 200, or
                // Slack would retry them
                .allEventsApiAutoAckEnabled(true)
                .slack(slack)
                .build();
        return config.botTokenOrNull() == null
                ? new App(appConfig, verificationOnly(appConfig)).asOAuthApp(false)
                : new App(appConfig);
    }

    /**
     * Bolt's default middleware without a token: the same checks, but Bolt would also warn at every
     * start that no authorization middleware was added. Without a token there is nothing to
     * authorize (the slash command answers through response_url), so the warning is noise.
     */
    private static List<Middleware> verificationOnly(AppConfig appConfig) {
        List<Middleware> middleware = new ArrayList<>();
        middleware.add(new SSLCheck(appConfig.getVerificationToken()));
        middleware.add(new RequestVerification(
                new SlackSignature.Verifier(new SlackSignature.Generator(appConfig.getSigningSecret()))));
        return middleware;
    }
}
