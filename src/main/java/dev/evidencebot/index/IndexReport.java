package dev.evidencebot.index;

/**
 * What {@link PassageIndex#build} did.
 *
 * @param passages        passages in the index afterwards
 * @param articles        articles in the index afterwards
 * @param rebuilt         true when anything was written; false when the stored index already held
 *                        exactly this content and was reused as it was
 * @param millis          time the build took
 * @param hash            the content hash of the whole corpus as indexed: every article's hash,
 *                        the embedder's name and the schema version
 * @param changedArticles articles added or changed, whose passages were (re)written
 * @param removedArticles articles that were in the index and are no longer in the corpus
 * @param embeddedPassages passages handed to the embedder (a caching embedder may still find most of them)
 */
public record IndexReport(int passages, int articles, boolean rebuilt, long millis, String hash,
                          int changedArticles, int removedArticles, int embeddedPassages) {
}
