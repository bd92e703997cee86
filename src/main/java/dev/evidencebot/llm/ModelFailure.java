package dev.evidencebot.llm;

/**
 * A model call that gave no usable answer. The message is short, safe to show a reader as an
 * answer's fallbackReason, and never contains the key or the provider's response body.
 */
final class ModelFailure extends RuntimeException {

    private final boolean modelsFault;

    ModelFailure(String reason) {
        this(reason, true);
    }

    private ModelFailure(String reason, boolean modelsFault) {
        super(reason, null, false, false);
        this.modelsFault = modelsFault;
    }

    /** No answer, but not for anything the model did (our own pools were full): the circuit breaker ignores it. */
    static ModelFailure notTheModels(String reason) {
        return new ModelFailure(reason, false);
    }

    String reason() {
        return getMessage();
    }

    /** Whether it says something about the model's health, and so counts towards opening the circuit. */
    boolean modelsFault() {
        return modelsFault;
    }
}
