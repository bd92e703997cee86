package dev.evidencebot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds and sends requests exactly as Slack does: form-encoded, signed with the signing secret. */
final class SlackRequests {

    static final String SECRET = "test-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    SlackRequests(URI serverUrl) {
        this.endpoint = serverUrl.resolve(SlackEventsController.PATH);
    }

    /** The form body of a slash command, field for field what Slack posts. */
    static String commandBody(String command, String text, String responseUrl) {
        return commandBody(command, text, responseUrl, "U2147483697");
    }

    /** The same, from {@code userId}. */
    static String commandBody(String command, String text, String responseUrl, String userId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy-verification-token");
        fields.put("team_id", "T0001");
        fields.put("team_domain", "example");
        fields.put("channel_id", "C2147483705");
        fields.put("channel_name", "general");
        fields.put("user_id", userId);
        fields.put("user_name", "alice");
        fields.put("command", command);
        fields.put("text", text);
        fields.put("api_app_id", "A123456");
        fields.put("is_enterprise_install", "false");
        fields.put("response_url", responseUrl);
        // unique per command, as Slack's are, so two identical questions are never one signature
        fields.put("trigger_id", "13345224609.738474920." + java.util.UUID.randomUUID());
        return form(fields);
    }

    /** The form body of a button click: one field, "payload", holding the block_actions JSON. */
    static String blockActionBody(String actionId, String value, String responseUrl) {
        return blockActionBody(actionId, value, responseUrl, "U2147483697", "C2147483705");
    }

    /** The same, pressed by {@code userId} in {@code channelId}. */
    static String blockActionBody(String actionId, String value, String responseUrl, String userId, String channelId) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", userId).put("username", "alice").put("team_id", "T0001");
        payload.put("api_app_id", "A123456");
        payload.put("token", "legacy-verification-token");
        payload.putObject("container").put("type", "message").put("message_ts", "1548261231.000200")
                .put("channel_id", channelId).put("is_ephemeral", true);
        // unique per click, as Slack's are, so two clicks are never one signature
        payload.put("trigger_id", "12321423423.333649436676." + java.util.UUID.randomUUID());
        payload.putObject("team").put("id", "T0001").put("domain", "example");
        payload.putObject("channel").put("id", channelId).put("name", "general");
        payload.put("response_url", responseUrl);
        ArrayNode actions = payload.putArray("actions");
        ObjectNode action = actions.addObject();
        action.put("action_id", actionId);
        action.put("block_id", "actions");
        action.putObject("text").put("type", "plain_text").put("text", "button").put("emoji", true);
        action.put("value", value);
        action.put("type", "button");
        action.put("action_ts", "1548426417.840180");
        return form(Map.of("payload", payload.toString()));
    }

    /** An Events API envelope (event_callback) around {@code event}, as Slack posts it to the bot's workspace. */
    static String eventBody(String eventId, ObjectNode event) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("token", "legacy-verification-token");
        envelope.put("team_id", "T0001");
        envelope.put("api_app_id", "A123456");
        envelope.set("event", event);
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", Instant.now().getEpochSecond());
        // who the app is in this workspace: the bot user's id comes from here, no auth.test needed
        envelope.putArray("authorizations").addObject()
                .putNull("enterprise_id").put("team_id", "T0001").put("user_id", SlackApiStub.BOT_USER)
                .put("is_bot", true).put("is_enterprise_install", false);
        envelope.put("is_ext_shared_channel", false);
        envelope.put("event_context", "4-eyJldCI6ImFwcF9tZW50aW9uIn0");
        return envelope.toString();
    }

    /** An app_mention: someone tagged the bot in {@code channel}; {@code threadTs} null outside threads. */
    static ObjectNode mention(String channel, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "app_mention");
        event.put("user", user);
        event.put("text", text);
        event.put("ts", ts);
        event.put("channel", channel);
        event.put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return event;
    }

    /** A message event in {@code channel} of {@code channelType} ("im", "channel"); {@code threadTs} null outside threads. */
    static ObjectNode message(String channel, String channelType, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "message");
        event.put("client_msg_id", java.util.UUID.randomUUID().toString());
        event.put("user", user);
        event.put("text", text);
        event.put("ts", ts);
        event.put("team", "T0001");
        event.put("channel", channel);
        event.put("event_ts", ts);
        event.put("channel_type", channelType);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return event;
    }

    /** Posts a correctly signed Events API body (JSON), with any extra headers (X-Slack-Retry-Num, ...). */
    HttpResponse<String> sendEvent(String json, String... headers) throws IOException, InterruptedException {
        String timestamp = now();
        return sendEventSignedAs(json, sign(SECRET, timestamp, json), timestamp, headers);
    }

    /** The same, signed at {@code timestamp}: how Slack sends a retry, signed anew a little later. */
    HttpResponse<String> sendEventAt(String json, String timestamp, String... headers) throws IOException, InterruptedException {
        return sendEventSignedAs(json, sign(SECRET, timestamp, json), timestamp, headers);
    }

    HttpResponse<String> sendEventSignedAs(String json, String signature, String timestamp, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    /** {@code seconds} from now (negative: ago), as X-Slack-Request-Timestamp spells it. */
    static String inSeconds(long seconds) {
        return String.valueOf(Instant.now().getEpochSecond() + seconds);
    }

    /** Posts a correctly signed request. */
    HttpResponse<String> send(String body) throws IOException, InterruptedException {
        String timestamp = now();
        return send(body, timestamp, sign(SECRET, timestamp, body));
    }

    HttpResponse<String> send(String body, String timestamp, String signature) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
