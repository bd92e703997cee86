package dev.evidencebot.api;

/** The one error shape every endpoint returns: what went wrong, in words a caller can act on. */
record ApiError(String error, int status) {
}
