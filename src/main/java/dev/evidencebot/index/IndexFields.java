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

    /** Commit user-data key holding the content hash that decides reuse or rebuild. */
    static final String CONTENT_HASH = "evidencebot.content-hash";
    /** Bump whenever the document mapping changes, so old indexes rebuild. */
    static final int SCHEMA_VERSION = 1;

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
