package dev.evidencebot.slack;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * What an id taken from a Slack payload (a button's answer id, an event id, a channel id, a message
 * ts) may look like before it is looked up, used as a key or stored. Slack's own ids and ours (UUIDs)
 * are short and plain; anything longer or stranger did not come from a message this app sent.
 */
final class SlackIds {

    static final int MAX_LENGTH = 100;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private SlackIds() {
    }

    /** True for 1 to {@link #MAX_LENGTH} letters, digits, '.', '_' or '-'; false for null. */
    static boolean plain(@Nullable String id) {
        return id != null && PLAIN.matcher(id).matches();
    }
}
