package dev.evidencebot.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every document's passage id and vector for one reader, by doc id: every search needs them for
 * every hit, so they are read once per segment ({@link SnapshotCache}) instead of once per hit.
 * Deleted documents keep their slot; searches never return them, and {@link #vectorsById} skips them.
 */
record Snapshot(IndexReader reader, String[] ids, float[][] vectors) {

    static List<IndexHit> search(IndexSearcher shared, Snapshot snapshot, Query query, int depth,
                                 Similarity similarity) throws IOException {
        IndexSearcher searcher = shared;
        if (similarity != null) {
            // a private searcher over the same reader: setting the similarity on the shared one would race
            searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setSimilarity(similarity);
        }
        ScoreDoc[] scoreDocs = searcher.search(query, depth).scoreDocs;
        List<IndexHit> hits = new ArrayList<>(scoreDocs.length);
        for (int i = 0; i < scoreDocs.length; i++) {
            ScoreDoc scoreDoc = scoreDocs[i];
            hits.add(new IndexHit(snapshot.ids()[scoreDoc.doc], i + 1, scoreDoc.score, snapshot.vectors()[scoreDoc.doc]));
        }
        return hits;
    }

    /** Live passages' vectors by passage id. */
    Map<String, float[]> vectorsById() {
        Map<String, float[]> byId = new HashMap<>(ids.length * 2);
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int local = 0; local < leaf.reader().maxDoc(); local++) {
                if (live == null || live.get(local)) {
                    int doc = leaf.docBase + local;
                    byId.put(ids[doc], vectors[doc]);
                }
            }
        }
        return byId;
    }

    /** Article id to the content hash its live documents were written with. */
    static Map<String, String> articleHashes(IndexReader reader) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        Set<String> fields = Set.of(IndexFields.ARTICLE_ID, IndexFields.ARTICLE_HASH);
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int local = 0; local < leaf.reader().maxDoc(); local++) {
                if (live == null || live.get(local)) {
                    var doc = stored.document(local, fields);
                    String hash = doc.get(IndexFields.ARTICLE_HASH);
                    // no hash: written by an older schema; null never equals a hash, so it is rewritten
                    hashes.putIfAbsent(doc.get(IndexFields.ARTICLE_ID), hash == null ? "" : hash);
                }
            }
        }
        return hashes;
    }
}
