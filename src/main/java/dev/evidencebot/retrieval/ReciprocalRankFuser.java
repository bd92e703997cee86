package dev.evidencebot.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Buettcher 2009): an id scores the sum over rankings
 * of weight / (k + rank). Ranks only, never raw scores, so BM25 and cosine need no common scale.
 */
public final class ReciprocalRankFuser {

    /** The paper's k; larger k flattens the advantage of the very top ranks. */
    public static final int DEFAULT_K = 60;

    /** One fused id and its summed score. */
    public record Fused(String id, double score) {
    }

    private ReciprocalRankFuser() {
    }

    /** Fuses with weight 1 for every ranking. */
    public static List<Fused> fuse(List<List<String>> rankings, int k) {
        List<Double> weights = new ArrayList<>(rankings.size());
        for (int i = 0; i < rankings.size(); i++) {
            weights.add(1.0);
        }
        return fuse(rankings, weights, k);
    }

    /**
     * Fuses rankings (best first, ids unique within a ranking) into one, best first. Ties go to the
     * id with the better single rank, then to the id from the earlier ranking, so order is stable.
     *
     * @throws IllegalArgumentException when k is negative or the weights do not pair with the rankings
     */
    public static List<Fused> fuse(List<List<String>> rankings, List<Double> weights, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("RRF k must be >= 0, got " + k);
        }
        if (weights.size() != rankings.size()) {
            throw new IllegalArgumentException(weights.size() + " weights for " + rankings.size() + " rankings");
        }
        Map<String, double[]> byId = new HashMap<>();  // id -> {score, best rank, ranking index of best rank}
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                int rank = i + 1;
                double[] entry = byId.computeIfAbsent(ranking.get(i),
                        id -> new double[] {0, Double.MAX_VALUE, Double.MAX_VALUE});
                entry[0] += weights.get(r) / (k + rank);
                if (rank < entry[1]) {
                    entry[1] = rank;
                    entry[2] = r;
                }
            }
        }
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(byId.entrySet());
        entries.sort(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[0])
                .thenComparingDouble(e -> e.getValue()[1])
                .thenComparingDouble(e -> e.getValue()[2]));
        List<Fused> fused = new ArrayList<>(entries.size());
        for (Map.Entry<String, double[]> entry : entries) {
            fused.add(new Fused(entry.getKey(), entry.getValue()[0]));
        }
        return fused;
    }
}
