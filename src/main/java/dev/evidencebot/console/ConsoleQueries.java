package dev.evidencebot.console;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the admin console reads from the question log and feedback: filtered pages, the questions
 * behind the coverage gaps, and the overview's daily counts. Filters are bound parameters, never
 * spliced into the SQL; every page is bounded by the caller's limit.
 */
@Singleton
public final class ConsoleQueries {

    /** Levels too weak to count as answered for the weak-evidence view. */
    public static final List<String> WEAK_LEVELS = List.of("VERY_LOW", "PRECLINICAL", "OPINION");

    private final Database database;

    ConsoleQueries(Database database) {
        this.database = database;
    }

    /** The logged answers matching {@code filter}, newest first, with their citations and ratings. */
    public Page<LoggedQuestion> questions(QuestionFilter filter, int limit, int offset) {
        Where where = new Where();
        if (filter.answered() != null) {
            where.and("abstained = ?", !filter.answered());
        }
        if (filter.door() != null) {
            where.and("door = ?", filter.door());
        }
        if (filter.text() != null) {
            where.and("LOWER(question) LIKE ? ESCAPE '\\'", "%" + likeEscaped(filter.text().toLowerCase()) + "%");
        }
        where.range("asked_at", filter.from(), filter.to());
        try (Connection connection = database.connection()) {
            // A text search reads every row in range anyway: the total then comes with the page (a window
            // count), one scan instead of two. Without one, the indexes count and find a page separately
            // far faster than a window, which would gather every matching row before the first is returned.
            boolean windowed = filter.text() != null;
            long total = windowed ? -1 : where.count(connection, "answers");
            List<LoggedQuestion> items = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT id, asked_at, door, question, abstained, "
                    + "evidence_level, latency_ms, citations, composer, fallback_reason, " + (windowed ? "COUNT(*) OVER ()" : "0") + " FROM answers" + where
                    + " ORDER BY asked_at DESC, id DESC LIMIT ? OFFSET ?", limit, offset); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(new LoggedQuestion(rows.getString(1), instant(rows, 2), rows.getString(3), rows.getString(4),
                            rows.getBoolean(5), rows.getString(6), CitationColumn.read(rows.getString(8)), rows.getLong(7), null,
                            rows.getString(9), rows.getString(10)));
                    if (windowed) {
                        total = rows.getLong(11);
                    }
                }
            }
            if (total < 0) { // no row on this page, so no window count: past the end, or nothing matched
                total = offset == 0 ? 0 : where.count(connection, "answers");
            }
            return new Page<>(total, withRatings(connection, items));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the question log: " + e.getMessage(), e);
        }
    }

    private static List<LoggedQuestion> withRatings(Connection connection, List<LoggedQuestion> items) throws SQLException {
        if (items.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> ratings = new LinkedHashMap<>();
        String ids = String.join(",", Collections.nCopies(items.size(), "?"));
        Object[] idValues = items.stream().map(LoggedQuestion::id).toArray();
        try (PreparedStatement select = prepare(connection, "SELECT answer_id, rating FROM feedback WHERE answer_id IN ("
                + ids + ") ORDER BY id", idValues); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ratings.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return items.stream().map(item -> new LoggedQuestion(item.id(), item.time(), item.door(), item.question(),
                item.abstained(), item.level(), item.citations(), item.latencyMs(),
                ratings.containsKey(item.id()) ? List.copyOf(ratings.get(item.id())) : null, item.composer(),
                item.fallbackReason())).toList();
    }

    /** Feedback matching {@code filter} (door is the channel it came through), newest first, with the question rated. */
    public Page<FeedbackItem> feedback(FeedbackFilter filter, int limit, int offset) {
        Where where = new Where();
        if (filter.rating() != null) {
            where.and("f.rating = ?", filter.rating());
        }
        if (filter.door() != null) {
            where.and("f.channel = ?", filter.door());
        }
        where.range("f.given_at", filter.from(), filter.to());
        try (Connection connection = database.connection()) {
            long total = where.count(connection, "feedback f");
            List<FeedbackItem> items = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT f.answer_id, f.given_at, f.channel, f.rating, "
                    + "f.comment_text, a.question FROM feedback f LEFT JOIN answers a ON a.id = f.answer_id" + where
                    + " ORDER BY f.given_at DESC, f.id DESC LIMIT ? OFFSET ?", limit, offset);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(new FeedbackItem(rows.getString(1), instant(rows, 2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
            return new Page<>(total, items);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read feedback: " + e.getMessage(), e);
        }
    }

    /** The {@code max} most recently asked distinct questions the bot abstained on, with how often and when. */
    public List<AskedQuestion> abstained(int max) {
        return grouped("abstained = TRUE", List.of(), max);
    }

    /** The same for questions answered only with {@link #WEAK_LEVELS weak} evidence. */
    public List<AskedQuestion> weaklyAnswered(int max) {
        return grouped("abstained = FALSE AND evidence_level IN (?,?,?)", WEAK_LEVELS, max);
    }

    private List<AskedQuestion> grouped(String condition, List<String> values, int max) {
        List<Object> parameters = new ArrayList<>(values);
        parameters.add(max);
        try (Connection connection = database.connection();
             PreparedStatement select = prepare(connection, "SELECT question, COUNT(*), MIN(asked_at), MAX(asked_at) "
                     + "FROM answers WHERE " + condition + " GROUP BY question ORDER BY MAX(asked_at) DESC LIMIT ?",
                     parameters.toArray());
             ResultSet rows = select.executeQuery()) {
            List<AskedQuestion> asked = new ArrayList<>();
            while (rows.next()) {
                asked.add(new AskedQuestion(rows.getString(1), rows.getLong(2), instant(rows, 3), instant(rows, 4)));
            }
            return asked;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the question log: " + e.getMessage(), e);
        }
    }

    /**
     * The last {@code days} days up to {@code now} (UTC days, today included): questions per day,
     * answered and abstained, thumbs up and down per day, the evidence-level mix of answers and the
     * thumbs in total. Days are counted in Java, so the SQL stays the same on H2 and PostgreSQL
     * whatever their time zone.
     */
    public Overview overview(int days, Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        OffsetDateTime since = first.atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            perDay.put(day, new long[4]); // answered, abstained, thumbs up, thumbs down
        }
        Map<String, Long> levels = new TreeMap<>();
        Map<String, Long> ratings = new TreeMap<>();
        try (Connection connection = database.connection()) {
            try (PreparedStatement select = prepare(connection,
                    "SELECT asked_at, abstained, evidence_level FROM answers WHERE asked_at >= ?", since);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long[] counts = perDay.get(rows.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDate());
                    boolean abstained = rows.getBoolean(2);
                    if (counts != null) {
                        counts[abstained ? 1 : 0]++;
                    }
                    if (!abstained) {
                        String level = rows.getString(3);
                        levels.merge(level == null ? "NONE" : level, 1L, Long::sum);
                    }
                }
            }
            try (PreparedStatement select = prepare(connection,
                    "SELECT given_at, rating FROM feedback WHERE given_at >= ?", since);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String rating = rows.getString(2);
                    ratings.merge(rating, 1L, Long::sum);
                    long[] counts = perDay.get(rows.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDate());
                    if (counts != null) {
                        counts["up".equals(rating) ? 2 : 3]++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the overview: " + e.getMessage(), e);
        }
        List<Day> daily = perDay.entrySet().stream().map(day -> new Day(day.getKey(), day.getValue()[0] + day.getValue()[1],
                day.getValue()[0], day.getValue()[1], day.getValue()[2], day.getValue()[3])).toList();
        return new Overview(days, first, daily, levels, ratings.getOrDefault("up", 0L), ratings.getOrDefault("down", 0L));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant at ? AnswerRecords.utc(at) : values[i];
                statement.setObject(i + 1, value);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** A WHERE clause gathered condition by condition, with its bound values in order. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void and(String condition, Object value) {
            conditions.add(condition);
            values.add(value);
        }

        /** From inclusive, to exclusive. */
        void range(String column, Instant from, Instant to) {
            if (from != null) {
                and(column + " >= ?", from);
            }
            if (to != null) {
                and(column + " < ?", to);
            }
        }

        long count(Connection connection, String table) throws SQLException {
            try (PreparedStatement select = prepare(connection, "SELECT COUNT(*) FROM " + table + this);
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }

        PreparedStatement prepare(Connection connection, String sql, Object... more) throws SQLException {
            List<Object> all = new ArrayList<>(values);
            all.addAll(List.of(more));
            return ConsoleQueries.prepare(connection, sql, all.toArray());
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    /** The log's filters; null means any. {@code text} matches anywhere in the question, ignoring case. */
    public record QuestionFilter(Boolean answered, String door, String text, Instant from, Instant to) {
    }

    public record FeedbackFilter(String rating, String door, Instant from, Instant to) {
    }

    public record Page<T>(long total, List<T> items) {
    }

    /** @param feedback the ratings given to this answer, oldest first; null when none */
    /**
     * @param composer       who wrote the answer ("extractive", "llm", "gradings")
     * @param fallbackReason why a configured model was not used, in full (the public API says only "model unavailable")
     */
    public record LoggedQuestion(String id, Instant time, String door, String question, boolean abstained, String level,
                                 List<Cited> citations, long latencyMs, List<String> feedback, String composer,
                                 String fallbackReason) {
    }

    /** @param reference the article's reference number, null when the answer quotes the article's own words */
    public record Cited(String article, Integer reference) {
    }

    public record FeedbackItem(String answerId, Instant time, String door, String rating, String comment, String question) {
    }

    /** One distinct question text: how often it was asked and when first and last. */
    public record AskedQuestion(String question, long count, Instant firstSeen, Instant lastSeen) {
    }

    /** @param thumbsUp the ratings given that day, whenever the answer they rate was asked */
    public record Day(LocalDate date, long questions, long answered, long abstained, long thumbsUp, long thumbsDown) {
    }

    public record Overview(int days, LocalDate from, List<Day> perDay, Map<String, Long> levels, long thumbsUp,
                           long thumbsDown) {
    }
}
