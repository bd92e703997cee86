package dev.evidencebot.ingest;

/**
 * What happened to one URL.
 *
 * @param file   the corpus-relative file written, left as it was or deleted; null when none
 * @param reason why a page was skipped, failed or removed, or how it was known unchanged, in words; null when fetched
 */
public record PageOutcome(String url, Outcome outcome, String file, String reason) {

    public enum Outcome {
        /** Downloaded and written (new or changed). */
        FETCHED,
        /** The server said 304, or sent the bytes already on disk: nothing written. */
        UNCHANGED,
        /** Not requested on purpose: another host, robots.txt, a content type that is not an article. */
        SKIPPED,
        /** Left the sitemap it was ingested from; its file was deleted. */
        REMOVED,
        /** Asked for and not had: HTTP error, timeout, refused redirect, bad URL. */
        FAILED
    }
}
