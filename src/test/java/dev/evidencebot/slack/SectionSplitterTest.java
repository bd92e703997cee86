package dev.evidencebot.slack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SectionSplitterTest {

    @Test
    void shortTextIsOnePiece() {
        assertEquals(List.of("Semax helps [1]."), SectionSplitter.split("Semax helps [1].", 3000));
        assertEquals(List.of(), SectionSplitter.split("", 3000));
    }

    @Test
    void prefersAParagraphBoundary() {
        String first = "First paragraph, one sentence [1]. Another sentence here [2].";
        String second = "Second paragraph [3].";

        List<String> pieces = SectionSplitter.split(first + "\n\n" + second, first.length() + 10);

        assertEquals(List.of(first + "\n\n", second), pieces);
    }

    @Test
    void cutsAtASentenceAndKeepsTheMarkerWithItsSentence() {
        String text = "Rats learned faster [1]. Patients recovered sooner [2]. Nobody knows why [3].";

        List<String> pieces = SectionSplitter.split(text, 40);

        assertEquals(String.join("", pieces), text);
        assertEquals("Rats learned faster [1]. ", pieces.get(0));
        for (String piece : pieces) {
            assertFalse(piece.strip().startsWith("["), "a marker was cut off its sentence: " + pieces);
        }
    }

    @Test
    void neverCutsInsideAMarkerALinkOrAnEntity() {
        // no whitespace at all, so only the "anywhere" boundary is left
        String text = "aaaa[12]bbbb<https://example.org/x|title>cccc&amp;dddd".repeat(20);

        // from the longest unbreakable span (the 29-character link) up: below it a cut inside is unavoidable
        for (int limit = 29; limit < 80; limit++) {
            List<String> pieces = SectionSplitter.split(text, limit);
            assertEquals(text, String.join("", pieces));
            for (String piece : pieces) {
                assertTrue(piece.length() <= limit);
                assertBalanced(piece, limit);
            }
        }
    }

    @Test
    void longTextBecomesPiecesWithinTheLimitThatJoinBackExactly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("Sentence ").append(i).append(" says something measured in a study [").append(i % 7 + 1).append("]. ");
            if (i % 9 == 8) {
                text.append("\n\n");
            }
        }

        List<String> pieces = SectionSplitter.split(text.toString(), SectionSplitter.SECTION_TEXT_LIMIT);

        assertEquals(text.toString(), String.join("", pieces));
        assertTrue(pieces.size() > 5);
        pieces.forEach(piece -> assertTrue(piece.length() <= SectionSplitter.SECTION_TEXT_LIMIT));
        pieces.subList(0, pieces.size() - 1).forEach(piece -> assertTrue(piece.endsWith("\n\n") || piece.endsWith(". "), piece));
    }

    @Test
    void anUnbreakableSpanLongerThanTheLimitIsCutRatherThanExceedingIt() {
        String link = "<https://example.org/" + "x".repeat(100) + "|title>";

        List<String> pieces = SectionSplitter.split(link, 50);

        assertEquals(link, String.join("", pieces));
        pieces.forEach(piece -> assertTrue(piece.length() <= 50));
    }

    private static void assertBalanced(String piece, int limit) {
        // every opening bracket of a marker or link in the piece closes in the same piece
        Matcher openMarker = Pattern.compile("\\[\\d*$").matcher(piece);
        Matcher openLink = Pattern.compile("<[^>]*$").matcher(piece);
        Matcher openEntity = Pattern.compile("&[a-z]*$").matcher(piece);
        assertFalse(openMarker.find(), "marker cut at limit " + limit + ": " + piece);
        assertFalse(openLink.find(), "link cut at limit " + limit + ": " + piece);
        assertFalse(openEntity.find(), "entity cut at limit " + limit + ": " + piece);
    }
}
