package dev.evidencebot.cli;

import dev.evidencebot.cli.SoakReport.Kind;
import dev.evidencebot.cli.SoakReport.Outcome;
import dev.evidencebot.cli.SoakReport.Row;
import dev.evidencebot.cli.SoakReport.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's aggregation: status classes per kind, what counts as unexpected, windows, the log summary. */
class SoakReportTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void countsStatusClassesPerKindAndFlagsWhatTheRequestDidNotCallFor() {
        List<Outcome> outcomes = List.of(
                new Outcome(Kind.ASK, 0, 200, 10_000_000, false),
                new Outcome(Kind.ASK, 1, 200, 30_000_000, false),
                new Outcome(Kind.ASK, 2, 500, 5_000_000, false),
                new Outcome(Kind.ASK, 3, 0, -1, false),
                new Outcome(Kind.STREAM, 4, 200, 8_000_000, true),
                new Outcome(Kind.FEEDBACK, 5, 201, 1_000_000, false),
                new Outcome(Kind.FEEDBACK, 6, 404, 1_000_000, false),
                new Outcome(Kind.BAD_REQUEST, 7, 413, 2_000_000, false),
                new Outcome(Kind.BAD_REQUEST, 8, 200, 2_000_000, false));

        Map<Kind, Row> rows = SoakReport.rows(outcomes, false);

        Row ask = rows.get(Kind.ASK);
        assertEquals(4, ask.requests());
        assertEquals(2, ask.ok());
        assertEquals(1, ask.serverErrors());
        assertEquals(1, ask.connectionErrors());
        assertEquals(2, ask.unexpected(), "the 500 and the failed connection");
        assertEquals(10.0, ask.p50Millis(), 1e-9, "latencies of requests that got an answer, connection errors left out");
        assertEquals(30.0, ask.p99Millis(), 1e-9);
        assertEquals(1, rows.get(Kind.STREAM).serverErrors(), "an error event inside a 200 stream is a 5xx");
        assertEquals(0, rows.get(Kind.FEEDBACK).unexpected(), "404 for an unknown answer is the right answer");
        assertEquals(1, rows.get(Kind.BAD_REQUEST).unexpected(), "a bad request that got 200");
        assertFalse(rows.containsKey(Kind.HANG_UP));
    }

    @Test
    void tooManyRequestsIsExpectedOnlyWithTheLimitsOn() {
        List<Outcome> limited = List.of(new Outcome(Kind.ASK, 0, 429, 1_000_000, false));

        assertEquals(1, SoakReport.rows(limited, false).get(Kind.ASK).unexpected());
        Row withLimits = SoakReport.rows(limited, true).get(Kind.ASK);
        assertEquals(0, withLimits.unexpected());
        assertEquals(1, withLimits.tooMany());
        assertEquals(0, withLimits.clientErrors());
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = new java.util.ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            hundred.add(i * 1_000_000);
        }

        assertEquals(50.0, SoakReport.percentileMillis(hundred, 0.50), 1e-9);
        assertEquals(99.0, SoakReport.percentileMillis(hundred, 0.99), 1e-9);
        assertTrue(Double.isNaN(SoakReport.percentileMillis(List.of(), 0.5)));
    }

    @Test
    void windowsAverageAndMaximizeOnlyTheirOwnSamplesAndSkipUnknowns() {
        List<Sample> samples = List.of(
                new Sample(0, 100, 10, 1000, 40, 30),
                new Sample(5 * SECOND, 300, -1, 1200, 44, 90),
                new Sample(50 * SECOND, 500, 20, -1, 60, 95),
                new Sample(59 * SECOND, 700, 22, 2000, 61, 94));

        assertEquals(200, SoakReport.mean(samples, 0, 10 * SECOND, Sample::heapUsed));
        assertEquals(600, SoakReport.mean(samples, 50 * SECOND, Long.MAX_VALUE, Sample::heapUsed));
        assertEquals(10, SoakReport.mean(samples, 0, 10 * SECOND, Sample::heapAfterGc), "the unknown -1 is not averaged in");
        assertEquals(2000, SoakReport.mean(samples, 50 * SECOND, Long.MAX_VALUE, Sample::rss));
        assertEquals(90, SoakReport.max(samples, 0, 10 * SECOND, sample -> sample.fds()));
        assertEquals(-1, SoakReport.mean(samples, 20 * SECOND, 30 * SECOND, Sample::rss), "no samples: unknown");
        assertEquals(List.of(20_000_000L), SoakReport.latencies(List.of(
                new Outcome(Kind.ASK, 1 * SECOND, 200, 10_000_000, false),
                new Outcome(Kind.ASK, 55 * SECOND, 200, 20_000_000, false),
                new Outcome(Kind.STREAM, 55 * SECOND, 200, 30_000_000, false)), Kind.ASK, 50 * SECOND, Long.MAX_VALUE));
    }

    @Test
    void theLogSummaryCountsWarningsErrorsAndDistinctExceptions() {
        SoakReport.LogSummary summary = SoakReport.summarize(List.of(
                "01:26:48.413 INFO  o.f.core - Successfully applied 4 migrations",
                "01:26:57.194 WARN  i.n.u.c.AbstractEventExecutor - A task raised an exception.",
                "java.lang.IllegalStateException: onNext before request?",
                "\tat io.micronaut.http.server.netty.handler.PipeliningServerHandler.add0(PipeliningServerHandler.java:1216)",
                "01:26:58.000 WARN  i.n.u.c.AbstractEventExecutor - A task raised an exception.",
                "java.lang.IllegalStateException: onNext before request?",
                "01:27:00.000 ERROR d.e.api.AskStreamController - streamed answer failed",
                "java.lang.NullPointerException",
                "Caused by: java.io.IOException: Broken pipe"));

        assertEquals(2, summary.warnings());
        assertEquals(1, summary.errors());
        assertEquals(Map.of("java.lang.IllegalStateException: onNext before request?", 2,
                "java.lang.NullPointerException", 1, "Caused by: java.io.IOException: Broken pipe", 1), summary.exceptions());
    }

    @Test
    void sixtyFourConnectionsSplitAsTheIssueAsksAndOtherCountsKeepEveryKind() {
        assertEquals(Map.of(Kind.ASK, 40, Kind.STREAM, 10, Kind.SLOW_STREAM, 4, Kind.HANG_UP, 4, Kind.FEEDBACK, 3,
                Kind.BAD_REQUEST, 3), SoakBenchmark.mix(64));
        for (int connections : new int[]{6, 7, 16, 100, 1024}) {
            Map<Kind, Integer> mix = SoakBenchmark.mix(connections);
            assertEquals(connections, mix.values().stream().mapToInt(Integer::intValue).sum(), "total for " + connections);
            assertTrue(mix.values().stream().allMatch(count -> count >= 1), "every kind for " + connections + ": " + mix);
        }
    }

    @Test
    void aStreamFailsOnlyOnAnErrorEventWithA5xxStatus() {
        assertTrue(SoakClients.serverErrorEvent("event: delta\ndata: {\"text\":\"a\"}\n\n"
                + "event: error\ndata: {\"error\":\"internal error\",\"status\":500}\n\n"));
        assertFalse(SoakClients.serverErrorEvent("event: error\ndata: {\"error\":\"blank\",\"status\":400}\n\n"));
        assertFalse(SoakClients.serverErrorEvent("event: done\ndata: {\"answer\":\"status 500 was seen\"}\n\n"));
    }
}
