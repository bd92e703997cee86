package dev.evidencebot.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a paragraph into claims: one per sentence, each with the citation markers that belong to
 * it. A marker standing after a full stop ("...4-7 segment. (1) ACTH is...") opens the next span
 * the splitter cuts, but the author wrote it for the sentence before, so leading markers move back
 * to the previous sentence; a marker inside or at the end of a sentence ("segment (1).") stays.
 */
final class ClaimExtractor {

    /** One sentence with its marker text removed; markers in the order written, no repeats. */
    record Claim(String text, int line, List<Integer> markers) {
    }

    private ClaimExtractor() {
    }

    /** @param parseMarkers false when the article has no reference list, so "(3)" is only text */
    static List<Claim> extract(Paragraph paragraph, boolean parseMarkers) {
        String text = paragraph.text();
        List<String> sentences = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<Set<Integer>> markers = new ArrayList<>();
        for (SentenceSplitter.Span span : SentenceSplitter.split(text)) {
            String raw = span.of(text);
            List<CitationMarkers.Marker> found = parseMarkers ? CitationMarkers.find(raw) : List.of();
            int leading = leadingCount(raw, found);
            boolean hasPrevious = !sentences.isEmpty();
            Set<Integer> own = new LinkedHashSet<>();
            for (int i = 0; i < found.size(); i++) {
                Set<Integer> owner = i < leading && hasPrevious ? markers.get(markers.size() - 1) : own;
                owner.addAll(found.get(i).numbers());
            }
            String cleaned = CitationMarkers.remove(raw, found);
            if (cleaned.chars().noneMatch(Character::isLetterOrDigit)) {
                continue; // nothing but markers: they went to the sentence before
            }
            sentences.add(cleaned);
            lines.add(paragraph.lineAt(span.start()));
            markers.add(own);
        }
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            claims.add(new Claim(sentences.get(i), lines.get(i), List.copyOf(markers.get(i))));
        }
        return claims;
    }

    /** How many markers open the sentence, with only spaces or commas before and between them. */
    private static int leadingCount(String sentence, List<CitationMarkers.Marker> markers) {
        int count = 0;
        int from = 0;
        for (CitationMarkers.Marker marker : markers) {
            if (!sentence.substring(from, marker.start()).replace(",", "").isBlank()) {
                break;
            }
            count++;
            from = marker.end();
        }
        return count;
    }
}
