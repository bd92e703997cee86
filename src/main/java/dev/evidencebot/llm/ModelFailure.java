package dev.evidencebot.llm;

/**
 * A model call that gave no usable answer. The message is short, safe to show a reader as an
 * answer's fallbackReason, and never contains the key or the provider's response body.
 */
final class ModelFailure extends RuntimeException {

    ModelFailure(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
