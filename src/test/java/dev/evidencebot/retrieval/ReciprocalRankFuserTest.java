package dev.evidencebot.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReciprocalRankFuserTest {

    private static List<String> ids(List<ReciprocalRankFuser.Fused> fused) {
        return fused.stream().map(ReciprocalRankFuser.Fused::id).toList();
    }

    @Test
    void anIdBothRankingsAgreeOnBeatsOneRankedFirstByOnlyOne() {
        // given: "b" is second in both, "a" first in one only, "c" first in the other only
        List<List<String>> rankings = List.of(List.of("a", "b"), List.of("c", "b"));

        // when
        List<ReciprocalRankFuser.Fused> fused = ReciprocalRankFuser.fuse(rankings, 60);

        // then: 2/62 > 1/61
        assertEquals(List.of("b", "a", "c"), ids(fused));
        assertEquals(2.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
    }

    @Test
    void smallKLetsASingleTopRankWin() {
        // given: the same rankings; with k = 0 a first place (1/1) beats two second places (1/2 + 1/2)? equal -> tie
        List<List<String>> rankings = List.of(List.of("a", "b", "x"), List.of("c", "d", "b"));

        // when
        List<ReciprocalRankFuser.Fused> fused = ReciprocalRankFuser.fuse(rankings, 0);

        // then: a = 1, c = 1, b = 1/2 + 1/3; the first places lead
        assertEquals(List.of("a", "c", "b", "d", "x"), ids(fused));
    }

    @Test
    void tiesGoToTheBetterSingleRankThenTheEarlierRanking() {
        // given: "a" and "c" tie at 1/61, "b" and "d" tie at 1/62
        List<List<String>> rankings = List.of(List.of("a", "b"), List.of("c", "d"));

        // when
        List<String> order = ids(ReciprocalRankFuser.fuse(rankings, 60));

        // then
        assertEquals(List.of("a", "c", "b", "d"), order);
    }

    @Test
    void weightsScaleEachRankingsContribution() {
        // given: the second ranking counts double
        List<List<String>> rankings = List.of(List.of("a", "b"), List.of("b", "a"));

        // when
        List<ReciprocalRankFuser.Fused> fused = ReciprocalRankFuser.fuse(rankings, List.of(1.0, 2.0), 60);

        // then
        assertEquals(List.of("b", "a"), ids(fused));
        assertEquals(1.0 / 62 + 2.0 / 61, fused.get(0).score(), 1e-12);
    }

    @Test
    void emptyRankingsFuseToNothing() {
        assertEquals(List.of(), ReciprocalRankFuser.fuse(List.of(List.of(), List.of()), 60));
    }

    @Test
    void rejectsNegativeKAndMismatchedWeights() {
        assertThrows(IllegalArgumentException.class, () -> ReciprocalRankFuser.fuse(List.of(List.of("a")), -1));
        assertThrows(IllegalArgumentException.class,
                () -> ReciprocalRankFuser.fuse(List.of(List.of("a")), List.of(1.0, 1.0), 60));
    }
}
