package dev.evidencebot.answer;

/**
 * What a person asked, through any door.
 *
 * @param conversationId null to start a conversation; an answer's id to follow up on it
 * @param origin         which door it came through and who asked; {@link Origin#INTERNAL} for
 *                       the system's own questions (eval, bench), which no log records
 */
public record Question(String text, String conversationId, Origin origin) {

    public Question {
        origin = origin == null ? Origin.INTERNAL : origin;
    }

    public Question(String text, String conversationId) {
        this(text, conversationId, Origin.INTERNAL);
    }

    /**
     * Where a question came from.
     *
     * @param door      "api", "stream", "widget", "slack" or "cli"; null for the system's own questions
     * @param clientKey who asked as the door knows them (an IP address, a Slack user id), may be null;
     *                  whoever stores it must not keep it in the clear
     */
    public record Origin(String door, String clientKey) {
        public static final Origin INTERNAL = new Origin(null, null);
    }

    /** Longest question any door accepts; longer ones are refused before any work is done. */
    public static final int MAX_LENGTH = 2000;

    private static final java.util.regex.Pattern CONVERSATION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /** Conversation ids are ours (UUIDs) or a caller's opaque token: letters, digits, '-' and '_', at most 100. */
    public static boolean validConversationId(String conversationId) {
        return CONVERSATION_ID.matcher(conversationId).matches();
    }

    /**
     * Where {@code text} holds a control character other than tab and line breaks (a NUL byte, an
     * escape sequence), else -1. Doors refuse such text: no reader types it, and some stores
     * (PostgreSQL) cannot keep a NUL.
     */
    public static int controlCharacterAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    public static Question of(String text) {
        return new Question(text, null);
    }

    /** The same question, as asked through {@code origin}. */
    public Question from(Origin origin) {
        return new Question(text, conversationId, origin);
    }
}
