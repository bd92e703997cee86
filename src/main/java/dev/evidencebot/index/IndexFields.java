package dev.evidencebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The Lucene field names of a passage document, and the one analyzer that indexes and queries them. */
public final class IndexFields {

    /** Passage id, "{articleId}#{ordinal}": the stable upsert key. */
    public static final String ID = "id";
    public static final String ARTICLE_ID = "article";
    /** The sentence itself: the field BM25 ranks on first. */
    public static final String TEXT = "text";
    public static final String SECTION = "section";
    public static final String TITLE = "title";
    /** Unit-length embedding of the sentence; dot product = cosine. */
    public static final String VECTOR = "vector";
    /** The content hash of the passage's article: a build rewrites an article only when it differs. */
    static final String ARTICLE_HASH = "article_hash";

    /** Commit user-data key holding the whole corpus' content hash: equal means nothing to do. */
    static final String CONTENT_HASH = "evidencebot.content-hash";
    /** Commit user-data keys of the schema version and embedder the stored documents were written with. */
    static final String SCHEMA = "evidencebot.schema";
    static final String EMBEDDER = "evidencebot.embedder";
    /** Bump whenever the document mapping changes, so old indexes rebuild. 2: per-article hashes. */
    static final int SCHEMA_VERSION = 2;

    private IndexFields() {
    }

    /**
     * The analyzer for every text field, at index and query time alike: English stop words,
     * possessives and Porter stemming ("studies" matches "study").
     */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }
}
