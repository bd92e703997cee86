package dev.evidencebot.index;

/**
 * What {@link PassageIndex#build} did.
 *
 * @param rebuilt false when the stored index already held exactly this content and was reused
 * @param hash    the content hash of passages, embedder name and schema version
 */
public record IndexReport(int passages, int articles, boolean rebuilt, long millis, String hash) {
}
