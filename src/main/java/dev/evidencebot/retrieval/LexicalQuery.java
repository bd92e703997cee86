package dev.evidencebot.retrieval;

import dev.evidencebot.index.IndexFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a question into a BM25 query without a query parser: the question's analyzed tokens become
 * SHOULD term queries, so quotes, parentheses and AND/OR are just words (no query-syntax injection).
 */
final class LexicalQuery {

    /** Keeps fields x terms under Lucene's clause limit (1024) even for a pasted paragraph. */
    static final int MAX_TERMS = 64;

    private LexicalQuery() {
    }

    /** The query, or null when the question has no searchable word (only stop words or punctuation). */
    static Query of(String question, Analyzer analyzer, Map<String, Float> fieldBoosts) {
        Set<String> terms = terms(question, analyzer);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
            if (field.getValue() <= 0) {
                continue;
            }
            for (String term : terms) {
                Query termQuery = new TermQuery(new Term(field.getKey(), term));
                if (field.getValue() != 1f) {
                    termQuery = new BoostQuery(termQuery, field.getValue());
                }
                query.add(termQuery, BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /** Every field shares one analyzer (IndexFields.analyzer), so analyzing once for TEXT serves all. */
    private static Set<String> terms(String question, Analyzer analyzer) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(IndexFields.TEXT, question)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze the question", e);
        }
        return terms;
    }
}
