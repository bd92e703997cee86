package dev.evidencebot.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.util.json.GsonFactory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts messages to a Slack response_url, and only to the hosts {@link SlackConfig#responseUrlHosts()}
 * allows. Redirects are not followed: a redirect could lead past the host check.
 */
@Singleton
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class ResponseUrlPoster {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrlPoster.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    // Slack's own serializer: snake_case names and the block type adapters Block Kit needs
    private final Gson gson = GsonFactory.createSnakeCase();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ResponseUrlPolicy policy;

    ResponseUrlPoster(SlackConfig config) {
        this.policy = new ResponseUrlPolicy(config.responseUrlHosts(), config.allowHttpLoopback());
    }

    boolean allows(String responseUrl) {
        return policy.allows(responseUrl);
    }

    /** Posts the message; false (and a log line) when the URL is not allowed or Slack refuses it. */
    boolean post(String responseUrl, ActionResponse message) {
        if (!policy.allows(responseUrl)) {
            LOG.warn("Not posting to response_url {}: its host is not in slack.response-url-hosts, or it is not https",
                    responseUrl);
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl.strip()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(gson.toJson(message)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("Slack refused the message posted to its response_url: HTTP {} {}",
                        response.statusCode(), response.body());
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warn("Could not post to the response_url: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
