package dev.evidencebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Slack's one request URL: the slash command and the buttons (form-encoded), and the Events API
 * (JSON: url_verification, mentions, messages). The body is taken as the raw bytes Slack signed and
 * its signature, timestamp and freshness are checked ({@link RequestSignatures}) before anything
 * reads it; only then does Bolt parse, route, and answer with the ack.
 */
@Controller(SlackEventsController.PATH)
@Requires(property = SlackConfig.PREFIX + ".signing-secret")
final class SlackEventsController {

    static final String PATH = "/slack/events";
    static final String NOT_SLACK = "not a Slack request this app understands "
            + "(a slash command or a button click, form-encoded, or an Events API event, JSON)";

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

    private final App app;
    private final SlackRequestParser parser;
    private final RequestSignatures signatures;

    SlackEventsController(App app, RequestSignatures signatures) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signatures = signatures;
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> events(HttpRequest<?> request, @Nullable @Body byte[] body) throws Exception {
        byte[] signed = body == null ? new byte[0] : body;
        // first, on the bytes as they came: Bolt's parser reads the body before its own signature check,
        // and whatever it throws on should be seen only by Slack
        RequestSignatures.Verdict verdict = signatures.check(request.getHeaders().get(RequestSignatures.TIMESTAMP_HEADER),
                request.getHeaders().get(RequestSignatures.SIGNATURE_HEADER), signed);
        if (verdict != RequestSignatures.Verdict.ACCEPTED) {
            if (verdict == RequestSignatures.Verdict.REPLAYED) {
                // only someone who captured a real request can send this, so it is worth a line
                LOG.warn("Refused a replayed Slack request from {}", remoteAddress(request));
            }
            return error(401, verdict.refusal);
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getPath())
                    .queryString(request.getParameters().asMap())
                    .headers(new RequestHeaders(request.getHeaders().asMap()))
                    .requestBody(new String(signed, StandardCharsets.UTF_8))
                    .remoteAddress(remoteAddress(request))
                    .build());
        } catch (RuntimeException e) {
            // signed, yet JSON Bolt did not expect (a payload that is an array, an event without a type):
            // a bad request, not our fault
            return error(400, NOT_SLACK);
        }
        return toMicronaut(app.run(slackRequest));
    }

    /**
     * Bolt's refusals (400 "Invalid Request" as text, 401) in the JSON error shape of every other
     * door; Slack reads only the status, people and scanners read the words.
     */
    private static MutableHttpResponse<?> toMicronaut(Response response) {
        int status = response.getStatusCode();
        if (status == 400) {
            return error(status, NOT_SLACK);
        }
        if (status == 401) {
            return error(status, "the request's Slack signature or timestamp is missing or wrong");
        }
        MutableHttpResponse<String> reply = io.micronaut.http.HttpResponse.status(HttpStatus.valueOf(status));
        if (response.getHeaders() != null) {
            for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
                header.getValue().forEach(value -> reply.header(header.getKey(), value));
            }
        }
        if (response.getBody() != null) {
            reply.body(response.getBody());
            if (response.getContentType() != null) {
                reply.contentType(response.getContentType());
            }
        }
        return reply;
    }

    private static MutableHttpResponse<Refusal> error(int status, String message) {
        return io.micronaut.http.HttpResponse.<Refusal>status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new Refusal(message, status));
    }

    /** The API's error shape, {"error", "status"}, spelled here because doors do not import one another. */
    record Refusal(String error, int status) {
    }

    private static String remoteAddress(HttpRequest<?> request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
