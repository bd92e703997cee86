package dev.evidencebot.api;

/** The body of POST /api/ask and /api/ask/stream. */
record AskRequest(String question, String conversationId) {
}
