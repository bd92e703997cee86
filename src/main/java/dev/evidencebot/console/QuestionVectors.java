package dev.evidencebot.console;

import dev.evidencebot.index.Embedder;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The question_vectors table: each grouped question's embedding, stored once, so the gaps view
 * embeds only questions no replica has seen before (embedding costs about 10 ms a question, and
 * the view groups up to 2,000). Keyed by a hash of the model and the text, so another model never
 * reads this one's vectors.
 */
@Singleton
final class QuestionVectors {

    /** Bound on one IN list: well under every driver's parameter limit. */
    private static final int CHUNK = 500;
    /** The SQL state both databases give a duplicate primary key: another replica stored it first. */
    private static final String DUPLICATE_KEY = "23505";

    private final Database database;
    private final String model;

    QuestionVectors(Database database, Embedder embedder) {
        this.database = database;
        this.model = embedder.name();
    }

    /** The stored vectors of those texts that have one, by text. */
    Map<String, float[]> find(Collection<String> texts) throws SQLException {
        Map<String, String> textByKey = new HashMap<>();
        for (String text : texts) {
            textByKey.put(key(text), text);
        }
        List<String> keys = new ArrayList<>(textByKey.keySet());
        Map<String, float[]> found = new HashMap<>();
        try (Connection connection = database.connection()) {
            for (int start = 0; start < keys.size(); start += CHUNK) {
                List<String> chunk = keys.subList(start, Math.min(keys.size(), start + CHUNK));
                try (PreparedStatement select = connection.prepareStatement("SELECT question_key, vector FROM question_vectors "
                        + "WHERE question_key IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.put(textByKey.get(rows.getString(1)), decode(rows.getString(2)));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Stores these vectors; a text already stored (by another thread or replica) is left as it is. */
    void save(Map<String, float[]> vectors) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO question_vectors (question_key, vector) VALUES (?, ?)")) {
            connection.setAutoCommit(true); // one row at a time: a duplicate then costs only itself
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                insert.setString(1, key(entry.getKey()));
                insert.setString(2, encode(entry.getValue()));
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    private String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static float[] decode(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return vector;
    }
}
