package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimExtractorTest {

    @Test
    void givesAMarkerAfterTheFullStopToTheSentenceBefore() {
        // given the seed's habit of writing the marker after the full stop
        Paragraph paragraph = Paragraph.of("From its 4-7 segment. (1) ACTH is secreted. It pulses. (2, 3)", 14);
        // when
        List<ClaimExtractor.Claim> claims = ClaimExtractor.extract(paragraph, true);
        // then
        assertEquals(List.of(new ClaimExtractor.Claim("From its 4-7 segment.", 14, List.of(1)),
                new ClaimExtractor.Claim("ACTH is secreted.", 14, List.of()),
                new ClaimExtractor.Claim("It pulses.", 14, List.of(2, 3))), claims);
    }

    @Test
    void keepsAMarkerBeforeTheFullStopWithItsSentence() {
        List<ClaimExtractor.Claim> claims = ClaimExtractor.extract(Paragraph.of("Segment (1). ACTH [2] is secreted.", 3), true);
        assertEquals(List.of(new ClaimExtractor.Claim("Segment.", 3, List.of(1)),
                new ClaimExtractor.Claim("ACTH is secreted.", 3, List.of(2))), claims);
    }

    @Test
    void leavesNumbersAsTextWhenMarkersAreNotParsed() {
        List<ClaimExtractor.Claim> claims = ClaimExtractor.extract(Paragraph.of("It works (3).", 1), false);
        assertEquals(List.of(new ClaimExtractor.Claim("It works (3).", 1, List.of())), claims);
    }

    @Test
    void tracesSentencesOfAWrappedParagraphToTheirOwnLines() {
        Paragraph paragraph = new Paragraph.Builder().add("First sentence here. Second one", 7)
                .add("goes on. Third starts", 8).add("late.", 9).build();
        List<ClaimExtractor.Claim> claims = ClaimExtractor.extract(paragraph, false);
        assertEquals(List.of(7, 7, 8), claims.stream().map(ClaimExtractor.Claim::line).toList());
        assertEquals("Third starts late.", claims.get(2).text());
    }
}
