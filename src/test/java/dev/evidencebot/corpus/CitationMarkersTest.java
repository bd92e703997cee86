package dev.evidencebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CitationMarkersTest {

    private static List<List<Integer>> numbers(String text) {
        return CitationMarkers.find(text).stream().map(CitationMarkers.Marker::numbers).collect(Collectors.toList());
    }

    @Test
    void readsSingleListedRangedAndBracketedMarkers() {
        assertEquals(List.of(List.of(3)), numbers("It works (3)."));
        assertEquals(List.of(List.of(3, 5)), numbers("It works (3, 5)."));
        assertEquals(List.of(List.of(3, 5)), numbers("It works (3,5)."));
        assertEquals(List.of(List.of(3, 4, 5)), numbers("It works (3-5)."));
        assertEquals(List.of(List.of(3, 4, 5)), numbers("It works (3–5)."));
        assertEquals(List.of(List.of(3)), numbers("It works[3]."));
        assertEquals(List.of(List.of(1, 2, 3, 7)), numbers("It works (1-3, 7)."));
    }

    @Test
    void leavesAbbreviationsStatisticsYearsAndNamesAlone() {
        assertEquals(List.of(), numbers("brain-derived neurotrophic factor (BDNF) rose"));
        assertEquals(List.of(), numbers("a trial (n = 30) showed"));
        assertEquals(List.of(), numbers("as Smith (2014) showed"));
        assertEquals(List.of(), numbers("synthetic ACTH(4-10) analogue"));
        assertEquals(List.of(), numbers("doses (0) and (5-2) and (10-200)"));
    }

    @Test
    void removesMarkerTextAndClosesTheGapBeforePunctuation() {
        String text = "Semax boosts BDNF (2) and NGF [9], as shown (3, 5).";
        assertEquals("Semax boosts BDNF and NGF, as shown.", CitationMarkers.remove(text, CitationMarkers.find(text)));
    }

    @Test
    void reportsWhereEachMarkerStands() {
        CitationMarkers.Marker marker = CitationMarkers.find("segment. (1) ACTH").get(0);
        assertEquals(9, marker.start());
        assertEquals(12, marker.end());
    }
}
