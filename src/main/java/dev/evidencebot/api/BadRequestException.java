package dev.evidencebot.api;

/** A request this API refuses, with the status and the words to say why. */
final class BadRequestException extends RuntimeException {

    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
