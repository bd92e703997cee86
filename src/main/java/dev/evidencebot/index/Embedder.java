package dev.evidencebot.index;

import java.util.List;

/**
 * The port to an embedding model. Queries and passages are embedded apart because some models
 * (BGE) want an instruction in front of queries only. Vectors are unit length, so the dot product
 * is the cosine.
 */
public interface Embedder {

    /** Vector length every embedding has. */
    int dimensions();

    /** A name that changes whenever vectors would change (model, prefix); part of the index's content hash. */
    String name();

    float[] embedQuery(String query);

    List<float[]> embedPassages(List<String> passages);
}
