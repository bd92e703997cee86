package dev.evidencebot.console;

import dev.evidencebot.index.Embedder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups questions by meaning: each distinct text is embedded with the bot's own embedding model,
 * then joined bottom-up (agglomerative, average linkage) while two groups are on average at least
 * {@link #THRESHOLD} cosine-similar. The threshold is the middle of the range with the best
 * pairwise F1 on eval/gap-questions.jsonl (GapClustersTest prints the sweep).
 *
 * <p>Vectors are remembered by text in a bounded cache and in the console's database
 * ({@link QuestionVectors}), and {@link GapVectorWarmer} embeds each new abstained or weakly
 * answered question soon after it is logged: the view itself then rarely embeds anything, even
 * after a restart or on another replica.
 */
@Singleton
public final class GapClusters {

    /** Cosine similarity at which two groups of questions are taken to ask the same thing. */
    public static final double THRESHOLD = 0.64;
    /** How many distinct questions are clustered at most: the most recent ones (the work is quadratic). */
    public static final int MAX_QUESTIONS = 2_000;
    static final int EXAMPLES = 5;
    private static final int CACHE = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(GapClusters.class);

    private final Embedder embedder;
    /** Null: vectors are kept in memory only (tests, tools). */
    private final Provider<QuestionVectors> stored;
    private final Map<String, float[]> vectors = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE;
        }
    });

    /** Vectors in memory only. */
    public GapClusters(Embedder embedder) {
        this(embedder, null);
    }

    @Inject
    GapClusters(Embedder embedder, Provider<QuestionVectors> stored) {
        this.embedder = embedder;
        this.stored = stored;
    }

    /** The questions grouped at {@link #THRESHOLD}, largest group (most asks) first. */
    public List<Cluster> cluster(List<ConsoleQueries.AskedQuestion> questions) {
        return cluster(questions, THRESHOLD);
    }

    public List<Cluster> cluster(List<ConsoleQueries.AskedQuestion> questions, double threshold) {
        List<ConsoleQueries.AskedQuestion> asked = questions.size() > MAX_QUESTIONS ? questions.subList(0, MAX_QUESTIONS) : questions;
        Map<String, float[]> known = vectors(asked.stream().map(ConsoleQueries.AskedQuestion::question).toList());
        List<float[]> embedded = asked.stream().map(question -> known.get(normal(question.question()))).toList();
        List<List<Integer>> groups = groups(embedded, threshold);
        List<Cluster> clusters = new ArrayList<>();
        for (List<Integer> group : groups) {
            List<ConsoleQueries.AskedQuestion> members = group.stream().map(asked::get)
                    .sorted(Comparator.comparingLong(ConsoleQueries.AskedQuestion::count).reversed()).toList();
            long count = members.stream().mapToLong(ConsoleQueries.AskedQuestion::count).sum();
            Instant first = members.stream().map(ConsoleQueries.AskedQuestion::firstSeen).min(Comparator.naturalOrder()).orElse(null);
            Instant last = members.stream().map(ConsoleQueries.AskedQuestion::lastSeen).max(Comparator.naturalOrder()).orElse(null);
            clusters.add(new Cluster(count, members.stream().limit(EXAMPLES).map(ConsoleQueries.AskedQuestion::question).toList(),
                    first, last));
        }
        clusters.sort(Comparator.comparingLong(Cluster::count).reversed().thenComparing(Cluster::lastSeen,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return clusters;
    }

    /**
     * The vectors of these questions by their grouped form ({@link #normal}): from memory, else
     * from the database, else embedded now and stored for next time. A database that cannot be
     * read or written costs time, never the view.
     */
    Map<String, float[]> vectors(Collection<String> questions) {
        Map<String, float[]> found = new HashMap<>();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (String question : questions) {
            String text = normal(question);
            float[] cached = vectors.get(text);
            if (cached != null) {
                found.put(text, cached);
            } else {
                missing.add(text);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        if (stored != null) {
            try {
                Map<String, float[]> fromDatabase = stored.get().find(missing);
                remember(fromDatabase, found);
                missing.removeAll(fromDatabase.keySet());
            } catch (Exception e) {
                LOG.warn("cannot read stored question vectors, embedding them instead: {}", e.toString());
            }
        }
        Map<String, float[]> embedded = new HashMap<>();
        for (String text : missing) {
            embedded.put(text, embedder.embedQuery(text));
        }
        remember(embedded, found);
        if (stored != null && !embedded.isEmpty()) {
            try {
                stored.get().save(embedded);
            } catch (Exception e) {
                LOG.warn("cannot store {} question vectors: {}", embedded.size(), e.toString());
            }
        }
        return found;
    }

    /** Whether this question's vector is in memory already (no database read, no embedding). */
    boolean remembers(String question) {
        return vectors.containsKey(normal(question));
    }

    private void remember(Map<String, float[]> vectorsByText, Map<String, float[]> found) {
        vectors.putAll(vectorsByText);
        found.putAll(vectorsByText);
    }

    /** Questions are grouped as they read, whatever their case or surrounding space (the model ignores case too). */
    static String normal(String question) {
        return question.strip().toLowerCase();
    }

    /**
     * Average-linkage agglomerative clustering over unit vectors: indices of {@code vectors} per
     * group. Each row remembers its most similar other row, so a merge costs O(n) updates rather
     * than a fresh O(n^2) search.
     */
    static List<List<Integer>> groups(List<float[]> vectors, double threshold) {
        int n = vectors.size();
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                similarity[i][j] = similarity[j][i] = dot(vectors.get(i), vectors.get(j));
            }
        }
        boolean[] active = new boolean[n];
        int[] size = new int[n];
        int[] best = new int[n];
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            active[i] = true;
            size[i] = 1;
            members.add(new ArrayList<>(List.of(i)));
        }
        for (int i = 0; i < n; i++) {
            best[i] = bestOf(i, similarity, active);
        }
        while (true) {
            int a = -1;
            for (int i = 0; i < n; i++) {
                if (active[i] && best[i] >= 0 && (a < 0 || similarity[i][best[i]] > similarity[a][best[a]])) {
                    a = i;
                }
            }
            if (a < 0 || similarity[a][best[a]] < threshold) {
                break;
            }
            int b = best[a];
            // Lance-Williams for average linkage: the merged group's mean similarity to every other group
            for (int k = 0; k < n; k++) {
                if (active[k] && k != a && k != b) {
                    similarity[a][k] = similarity[k][a] = (size[a] * similarity[a][k] + size[b] * similarity[b][k]) / (size[a] + size[b]);
                }
            }
            active[b] = false;
            size[a] += size[b];
            members.get(a).addAll(members.get(b));
            for (int k = 0; k < n; k++) {
                if (!active[k]) {
                    continue;
                }
                if (k == a || best[k] == a || best[k] == b) {
                    best[k] = bestOf(k, similarity, active);
                } else if (similarity[k][a] > similarity[k][best[k]]) {
                    best[k] = a;
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (active[i]) {
                groups.add(members.get(i));
            }
        }
        return groups;
    }

    private static int bestOf(int row, double[][] similarity, boolean[] active) {
        int best = -1;
        for (int k = 0; k < similarity.length; k++) {
            if (k != row && active[k] && (best < 0 || similarity[row][k] > similarity[row][best])) {
                best = k;
            }
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Questions that ask the same thing: how often in all, a few of the most asked, and when. */
    public record Cluster(long count, List<String> examples, Instant firstSeen, Instant lastSeen) {
    }
}
