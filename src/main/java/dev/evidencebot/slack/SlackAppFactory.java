package dev.evidencebot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The Bolt app: request verification on, one slash command, three buttons, nothing else. */
@Factory
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class SlackAppFactory {

    @Singleton
    @Bean(preDestroy = "stop")
    App slackApp(SlackConfig config, AskCommand ask, AnswerActions actions) {
        com.slack.api.SlackConfig api = new com.slack.api.SlackConfig();
        api.setMethodsEndpointUrlPrefix(config.apiUrl());
        AppConfig appConfig = AppConfig.builder()
                .signingSecret(config.signingSecret())
                // Bolt checks HMAC-SHA256 of "v0:timestamp:body" and the 5-minute timestamp window
                .requestVerificationEnabled(true)
                .singleTeamBotToken(config.botTokenOrNull())
                // Bolt's defaults read these from the environment; SLACK_CLIENT_ID/SECRET would switch
                // it to multi-workspace OAuth, which this app does not do
                .clientId(null)
                .clientSecret(null)
                .verificationToken(null)
                // the app subscribes to no events, so there are no self-events to ignore
                .ignoringSelfEventsEnabled(false)
                .slack(Slack.getInstance(api))
                .build();
        App app = new App(appConfig);
        app.command(config.command(), ask);
        app.blockAction(AnswerBlocks.SHARE_ACTION, actions::share);
        app.blockAction(AnswerBlocks.FEEDBACK_UP_ACTION, actions::helpful);
        app.blockAction(AnswerBlocks.FEEDBACK_DOWN_ACTION, actions::notHelpful);
        // with a bot token this runs auth.test once, now, rather than inside the first 3-second ack
        return app.start();
    }
}
