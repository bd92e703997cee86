package dev.evidencebot.index;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Maps one claim passage to its Lucene document. */
final class PassageDocuments {

    private PassageDocuments() {
    }

    static Document of(Article article, Passage passage, float[] vector, String articleHash) {
        Document doc = new Document();
        // StringField: one exact token, stored, so updateDocument can upsert on it and hits name their passage
        doc.add(new StringField(IndexFields.ID, passage.id(), Field.Store.YES));
        // StringField: exact article id for filtering and grouping, never tokenized
        doc.add(new StringField(IndexFields.ARTICLE_ID, passage.articleId(), Field.Store.YES));
        // StoredField: read back by the next build to tell which articles changed
        doc.add(new StoredField(IndexFields.ARTICLE_HASH, articleHash));
        // TextField: analyzed for BM25; not stored, the corpus in memory holds the text
        doc.add(new TextField(IndexFields.TEXT, passage.text(), Field.Store.NO));
        if (passage.section() != null && !passage.section().isBlank()) {
            // TextField: the heading's words say what the sentence is about when the sentence says "it"
            doc.add(new TextField(IndexFields.SECTION, passage.section(), Field.Store.NO));
        }
        if (article.title() != null && !article.title().isBlank()) {
            // TextField: the title's words, analyzed like the text but boosted lower at query time
            doc.add(new TextField(IndexFields.TITLE, article.title(), Field.Store.NO));
        }
        // KnnFloatVectorField: HNSW graph for the vector side; DOT_PRODUCT because vectors are unit length
        doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }
}
