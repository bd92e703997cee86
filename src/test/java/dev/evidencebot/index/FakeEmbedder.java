package dev.evidencebot.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic bag-of-words embedder: each word lights one of 16 dimensions. Counts its work. */
final class FakeEmbedder implements Embedder {

    final AtomicInteger passagesEmbedded = new AtomicInteger();
    private final String name;

    FakeEmbedder() {
        this("fake-bag-of-words");
    }

    FakeEmbedder(String name) {
        this.name = name;
    }

    @Override
    public int dimensions() {
        return 16;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        passagesEmbedded.addAndGet(passages.size());
        List<float[]> vectors = new ArrayList<>();
        for (String passage : passages) {
            vectors.add(vector(passage));
        }
        return vectors;
    }

    private float[] vector(String text) {
        float[] vector = new float[dimensions()];
        vector[0] = 0.01f;  // never the zero vector
        for (String word : text.toLowerCase().split("\\W+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), dimensions())] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
