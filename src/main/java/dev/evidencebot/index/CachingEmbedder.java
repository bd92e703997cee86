package dev.evidencebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link Embedder} that remembers every vector on disk, keyed by the model's name and a hash of
 * the text: a rebuild, a re-run of a benchmark or a corpus with one article changed embeds only
 * the texts it has never seen. One append-only file per model ({@code <model>.vectors}) of
 * fixed-size records: 32 bytes of SHA-256, then the vector's floats. A record cut short by a crash
 * is cut off on the next open, so the file never needs repair by hand. Only each record's place is
 * held in memory (a few megabytes for a site's corpus); a vector is read from the file when it is
 * needed, which is when an index is built, not when a question is answered.
 *
 * <p>Queries are remembered only when asked to: a benchmark re-asks the same thousand questions,
 * while a server should not keep what its visitors type.
 */
public final class CachingEmbedder implements Embedder {

    private static final String SUFFIX = ".vectors";
    private static final int HASH_BYTES = 32;

    private final Embedder model;
    private final boolean cacheQueries;
    private final Path file;
    private final int recordBytes;
    /** Key -> the record's number in the file. */
    private final Map<String, Integer> records = new ConcurrentHashMap<>();
    private final Object appending = new Object();
    /** Records in the file; guarded by {@link #appending}. */
    private int written;

    private CachingEmbedder(Embedder model, Path directory, boolean cacheQueries) {
        this.model = model;
        this.cacheQueries = cacheQueries;
        this.file = directory.resolve(model.name().replaceAll("[^A-Za-z0-9._-]", "_") + SUFFIX);
        this.recordBytes = HASH_BYTES + Float.BYTES * model.dimensions();
        try {
            Files.createDirectories(directory);
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the embedding cache " + file.toAbsolutePath(), e);
        }
    }

    /** Passages cached under this directory; queries embedded fresh each time (a server). */
    public static CachingEmbedder passages(Embedder model, Path directory) {
        return new CachingEmbedder(model, directory, false);
    }

    /** Passages and queries cached (benchmarks and calibration, which repeat both). */
    public static CachingEmbedder passagesAndQueries(Embedder model, Path directory) {
        return new CachingEmbedder(model, directory, true);
    }

    /** How many vectors the cache holds. */
    public int size() {
        return records.size();
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public float[] embedQuery(String query) {
        if (!cacheQueries) {
            return model.embedQuery(query);
        }
        String key = key("query", query);
        Integer record = records.get(key);
        if (record != null) {
            return read(List.of(record)).get(0);
        }
        float[] vector = model.embedQuery(query);
        store(List.of(key), List.of(vector));
        return vector.clone();
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<float[]> result = new ArrayList<>(passages.size());
        List<String> missingTexts = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        List<Integer> cachedAt = new ArrayList<>();
        List<Integer> cachedRecords = new ArrayList<>();
        for (String passage : passages) {
            String key = key("passage", passage);
            Integer record = records.get(key);
            result.add(null);
            if (record == null) {
                missingTexts.add(passage);
                missingKeys.add(key);
                missingAt.add(result.size() - 1);
            } else {
                cachedAt.add(result.size() - 1);
                cachedRecords.add(record);
            }
        }
        List<float[]> cached = read(cachedRecords);
        for (int i = 0; i < cachedAt.size(); i++) {
            result.set(cachedAt.get(i), cached.get(i));
        }
        if (!missingTexts.isEmpty()) {
            List<float[]> embedded = model.embedPassages(missingTexts);
            if (embedded.size() != missingTexts.size()) {
                throw new IllegalStateException("embedder " + model.name() + " returned " + embedded.size()
                        + " vectors for " + missingTexts.size() + " texts");
            }
            store(missingKeys, embedded);
            for (int i = 0; i < missingAt.size(); i++) {
                result.set(missingAt.get(i), embedded.get(i).clone());
            }
        }
        return result;
    }

    private void store(List<String> keys, List<float[]> embedded) {
        ByteBuffer buffer = ByteBuffer.allocate(recordBytes * keys.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < keys.size(); i++) {
            float[] vector = embedded.get(i);
            if (vector.length != model.dimensions()) {
                throw new IllegalStateException("embedder " + model.name() + " returned " + vector.length
                        + " dimensions, expected " + model.dimensions());
            }
            buffer.put(HexFormat.of().parseHex(keys.get(i)));
            for (float value : vector) {
                buffer.putFloat(value);
            }
        }
        buffer.flip();
        synchronized (appending) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                // the caller still gets its vectors; only the next run pays for them again
                throw new UncheckedIOException("cannot append to the embedding cache " + file.toAbsolutePath(), e);
            }
            for (String key : keys) {
                // known only once written: a reader never looks for a record that is not in the file yet
                records.putIfAbsent(key, written++);
            }
        }
    }

    /** These records' vectors, read from the file in one open. */
    private List<float[]> read(List<Integer> wanted) {
        List<float[]> vectors = new ArrayList<>(wanted.size());
        if (wanted.isEmpty()) {
            return vectors;
        }
        ByteBuffer buffer = ByteBuffer.allocate(Float.BYTES * model.dimensions()).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int record : wanted) {
                buffer.clear();
                long position = (long) record * recordBytes + HASH_BYTES;
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new IOException("record " + record + " lies beyond the end of the file");
                    }
                }
                buffer.flip();
                float[] vector = new float[model.dimensions()];
                buffer.asFloatBuffer().get(vector);
                vectors.add(vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file.toAbsolutePath(), e);
        }
        return vectors;
    }

    /** Reads every record's key and notes its place; the vectors stay in the file. */
    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long size = Files.size(file);
        int count = (int) (size / recordBytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (size % recordBytes != 0) {
                // a record cut short by a crash mid-append: cut it off, or every record appended after it
                // would be read out of step
                channel.truncate((long) count * recordBytes);
            }
            // whole records in large reads (one system call per thousand records, not per record)
            int perRead = Math.max(1, (1 << 20) / recordBytes);
            ByteBuffer chunk = ByteBuffer.allocate(perRead * recordBytes);
            byte[] hash = new byte[HASH_BYTES];
            for (int first = 0; first < count; first += perRead) {
                int n = Math.min(perRead, count - first);
                chunk.clear().limit(n * recordBytes);
                long position = (long) first * recordBytes;
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, position + chunk.position()) < 0) {
                        throw new IOException("the embedding cache ended inside record " + (first + chunk.position() / recordBytes));
                    }
                }
                for (int r = 0; r < n; r++) {
                    chunk.get(r * recordBytes, hash);
                    records.putIfAbsent(HexFormat.of().formatHex(hash), first + r);
                }
            }
        }
        written = count;
    }

    /** The kind is in the key: a query and a passage with the same words embed differently (BGE's query prefix). */
    private static String key(String kind, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
