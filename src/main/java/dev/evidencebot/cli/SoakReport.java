package dev.evidencebot.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * What the soak's clients saw, per kind of client, and what the server's process looked like
 * early and late: the aggregation behind `bench --soak`, kept apart from the sockets so it can
 * be tested without a server.
 */
final class SoakReport {

    /** The kinds of client in the mix, and which answers each of them expects. */
    enum Kind {
        ASK("ask", "latency"),
        STREAM("stream", "first byte"),
        SLOW_STREAM("stream, slow reader", "first byte"),
        HANG_UP("stream, hang-up", "first byte"),
        FEEDBACK("feedback", "latency"),
        BAD_REQUEST("bad request", "latency");

        final String label;
        final String timed;

        Kind(String label, String timed) {
            this.label = label;
            this.timed = timed;
        }

        /** Whether a status is what this kind asks for; 0 (no answer at all) never is. */
        boolean expects(int status, boolean limits) {
            if (limits && status == 429) {
                return true;
            }
            return switch (this) {
                case ASK, STREAM, SLOW_STREAM, HANG_UP -> status == 200;
                // 404: a rating for an answer the log has not seen (made-up ids, or one not yet written)
                case FEEDBACK -> status == 201 || status == 404;
                case BAD_REQUEST -> status >= 400 && status < 500 && status != 429;
            };
        }
    }

    /**
     * One request as a client saw it.
     *
     * @param atNanos     when it was sent, from the start of the soak
     * @param status      the HTTP status, or 0 when the connection failed before one arrived
     * @param nanos       latency (whole response), or time to the first body byte for streams; -1 when none
     * @param errorEvent  a stream that started 200 and then sent an `error` event with a 5xx status
     */
    record Outcome(Kind kind, long atNanos, int status, long nanos, boolean errorEvent) {
    }

    /** One look at the server's process. Negative values: not known. */
    record Sample(long atNanos, long heapUsed, long heapAfterGc, long rss, int threads, int fds) {
    }

    /** Counts for one kind of client. */
    record Row(Kind kind, int requests, int ok, int clientErrors, int tooMany, int serverErrors, int connectionErrors,
               int unexpected, double p50Millis, double p99Millis) {
    }

    /** The server log's warnings and errors, and each distinct exception line with how often it came. */
    record LogSummary(int warnings, int errors, Map<String, Integer> exceptions) {
    }

    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^(Caused by: )?[\\w.$]+(Exception|Error)(: .*)?$");
    private static final int MAX_EXCEPTIONS = 5;

    private SoakReport() {
    }

    static Map<Kind, Row> rows(List<Outcome> outcomes, boolean limits) {
        Map<Kind, List<Outcome>> byKind = new EnumMap<>(Kind.class);
        for (Outcome outcome : outcomes) {
            byKind.computeIfAbsent(outcome.kind(), kind -> new ArrayList<>()).add(outcome);
        }
        Map<Kind, Row> rows = new EnumMap<>(Kind.class);
        byKind.forEach((kind, list) -> {
            int ok = 0;
            int clientErrors = 0;
            int tooMany = 0;
            int serverErrors = 0;
            int connectionErrors = 0;
            int unexpected = 0;
            List<Long> latencies = new ArrayList<>();
            for (Outcome outcome : list) {
                int status = outcome.status();
                if (status == 0) {
                    connectionErrors++;
                } else if (status >= 500 || outcome.errorEvent()) {
                    serverErrors++;
                } else if (status == 429) {
                    tooMany++;
                } else if (status >= 400) {
                    clientErrors++;
                } else {
                    ok++;
                }
                if (!kind.expects(status, limits) || outcome.errorEvent()) {
                    unexpected++;
                }
                if (outcome.nanos() >= 0 && status != 0) {
                    latencies.add(outcome.nanos());
                }
            }
            rows.put(kind, new Row(kind, list.size(), ok, clientErrors, tooMany, serverErrors, connectionErrors,
                    unexpected, percentileMillis(latencies, 0.50), percentileMillis(latencies, 0.99)));
        });
        return rows;
    }

    /** Nearest-rank percentile in milliseconds; NaN for no values. */
    static double percentileMillis(List<Long> nanos, double quantile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    /** The outcomes of one kind sent within [fromNanos, toNanos). */
    static List<Long> latencies(List<Outcome> outcomes, Kind kind, long fromNanos, long toNanos) {
        List<Long> latencies = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.kind() == kind && outcome.status() != 0 && outcome.nanos() >= 0
                    && outcome.atNanos() >= fromNanos && outcome.atNanos() < toNanos) {
                latencies.add(outcome.nanos());
            }
        }
        return latencies;
    }

    /** The mean of a sample's field over [fromNanos, toNanos), ignoring unknown (negative) values; -1 for none. */
    static long mean(List<Sample> samples, long fromNanos, long toNanos, ToLongFunction<Sample> field) {
        long sum = 0;
        int count = 0;
        for (Sample sample : samples) {
            long value = field.applyAsLong(sample);
            if (sample.atNanos() >= fromNanos && sample.atNanos() < toNanos && value >= 0) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? -1 : sum / count;
    }

    /** The largest of a sample's field over [fromNanos, toNanos); -1 for none. */
    static long max(List<Sample> samples, long fromNanos, long toNanos, ToLongFunction<Sample> field) {
        long max = -1;
        for (Sample sample : samples) {
            if (sample.atNanos() >= fromNanos && sample.atNanos() < toNanos) {
                max = Math.max(max, field.applyAsLong(sample));
            }
        }
        return max;
    }

    static void printTable(PrintStream out, Map<Kind, Row> rows, Map<Kind, Integer> clients) {
        out.printf("%-20s %7s %8s %7s %6s %5s %5s %8s %10s %9s %9s%n", "kind", "clients", "requests", "2xx", "4xx",
                "429", "5xx", "conn.err", "unexpected", "p50 ms", "p99 ms");
        for (Row row : rows.values()) {
            out.printf("%-20s %7d %8d %7d %6d %5d %5d %8d %10d %9.1f %9.1f  (%s)%n", row.kind().label,
                    clients.getOrDefault(row.kind(), 0), row.requests(), row.ok(), row.clientErrors(), row.tooMany(),
                    row.serverErrors(), row.connectionErrors(), row.unexpected(), row.p50Millis(), row.p99Millis(),
                    row.kind().timed);
        }
    }

    /** Reads a Logback-style log ("12:00:00.000 WARN  logger - message"), keeping at most five distinct exceptions. */
    static LogSummary summarize(List<String> lines) {
        int warnings = 0;
        int errors = 0;
        Map<String, Integer> exceptions = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.contains(" WARN ")) {
                warnings++;
            } else if (line.contains(" ERROR ")) {
                errors++;
            } else if (EXCEPTION_LINE.matcher(line.strip()).matches()
                    && (exceptions.containsKey(line.strip()) || exceptions.size() < MAX_EXCEPTIONS)) {
                exceptions.merge(line.strip(), 1, Integer::sum);
            }
        }
        return new LogSummary(warnings, errors, exceptions);
    }

    /** Megabytes for bytes, "?" when not known. */
    static String megabytes(long bytes) {
        return bytes < 0 ? "?" : Long.toString(bytes / (1024 * 1024));
    }

    static String count(long value) {
        return value < 0 ? "?" : Long.toString(value);
    }
}
