package dev.evidencebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms the BM25 side sees for a text (English stop words removed, Porter-stemmed), so that
 * layers above the index can reason about term overlap without importing Lucene themselves.
 */
public final class TextTerms {

    // EnglishAnalyzer is thread-safe for tokenStream(); one instance serves every caller.
    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private TextTerms() {
    }

    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Reading from a String cannot fail; keep the signature honest anyway.
            throw new UncheckedIOException("could not analyze text", e);
        }
        return terms;
    }
}
