package dev.evidencebot.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback as append-only JSON Lines, one record a line, forced to disk before {@link #save}
 * returns. Appending never rewrites what is stored, so a crash can at worst leave one truncated
 * last line; reading skips such a line (and says so in the log) instead of losing the rest.
 */
public final class FileFeedbackStore implements FeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileFeedbackStore.class);

    /** The file name under the data directory. */
    public static final String FILE_NAME = "feedback.jsonl";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public FileFeedbackStore(Path file) {
        this.file = file;
    }

    /** A store writing {@value #FILE_NAME} under {@code dataDirectory}. */
    public static FileFeedbackStore in(Path dataDirectory) {
        return new FileFeedbackStore(dataDirectory.resolve(FILE_NAME));
    }

    @Override
    public synchronized void save(Feedback feedback) {
        byte[] line;
        try {
            line = (json.writeValueAsString(Line.of(feedback)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize feedback for answer " + feedback.answerId(), e);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            boolean partialLastLine = endsWithoutNewline(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                if (partialLastLine) {
                    // a crash mid-write left a partial line: start ours on a fresh one so it stays readable
                    channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false); // acknowledged feedback must survive a power cut, not just a restart
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append feedback to " + file, e);
        }
    }

    @Override
    public synchronized List<Feedback> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feedback from " + file, e);
        }
        List<Feedback> feedback = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            try {
                feedback.add(json.readValue(text, Line.class).toFeedback());
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("{}:{} is not a feedback record (a write cut short?); skipped: {}", file, i + 1, e.getMessage());
            }
        }
        return List.copyOf(feedback);
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** The stored shape: the instant as ISO-8601 text, so the file reads without a time module. */
    record Line(String answerId, String rating, String comment, String channel, String at) {

        static Line of(Feedback feedback) {
            return new Line(feedback.answerId(), feedback.rating(), feedback.comment(), feedback.channel(),
                    feedback.at() == null ? null : feedback.at().toString());
        }

        Feedback toFeedback() {
            if (answerId == null || rating == null) {
                throw new IllegalArgumentException("answerId and rating are required");
            }
            return new Feedback(answerId, rating, comment, channel, at == null ? null : Instant.parse(at));
        }
    }
}
