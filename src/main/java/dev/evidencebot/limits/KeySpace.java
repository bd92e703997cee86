package dev.evidencebot.limits;

/**
 * Whose bucket a key names. The prefix is part of the key, so one store (a map today, Redis
 * later) holds every space without collisions, and the limiter can tell from a key alone which
 * limit applies to it.
 */
public enum KeySpace {
    /** A visitor's questions through the API and the widget, by client IP address. */
    CLIENT("client"),
    /** Questions within one conversation, whoever sends them: a shared or rotating IP does not escape it. */
    CONVERSATION("conversation"),
    /** Ratings posted to /api/feedback, by client IP address. */
    FEEDBACK("feedback"),
    /** A Slack user's questions, by workspace and user. */
    SLACK("slack"),
    /** Every call to the language model, from anyone: the one global budget. */
    MODEL_CALLS("model-calls");

    private final String prefix;

    KeySpace(String prefix) {
        this.prefix = prefix;
    }

    /** The key for {@code parts} in this space: {@code client:203.0.113.7}, {@code slack:T1:U2}. */
    public String key(String... parts) {
        return parts.length == 0 ? prefix : prefix + ":" + String.join(":", parts);
    }

    /** The space a key belongs to. @throws IllegalArgumentException for a key no space made */
    static KeySpace of(String key) {
        for (KeySpace space : values()) {
            if (key.equals(space.prefix) || key.startsWith(space.prefix + ":")) {
                return space;
            }
        }
        throw new IllegalArgumentException("no key space for rate-limit key \"" + key + "\"");
    }
}
