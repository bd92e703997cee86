package dev.evidencebot.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps visitors' questions no longer than {@code questions.retention} (default 90 days): once a
 * day, answers older than that go, with their citations and feedback. The database is looked up
 * when the purge runs, so a command that starts the application briefly never opens it for this.
 */
@Singleton
final class RetentionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final Provider<AnswerRecords> records;
    private final Duration retention;
    private final Clock clock;

    @Inject
    RetentionPurge(Provider<AnswerRecords> records, @Value("${questions.retention:90d}") Duration retention) {
        this(records, retention, Clock.systemUTC());
    }

    RetentionPurge(Provider<AnswerRecords> records, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("questions.retention must be positive, got " + retention);
        }
        this.records = records;
        this.retention = retention;
        this.clock = clock;
    }

    // the first run a minute after start, so a restart does not wait a day for overdue deletions
    @Scheduled(initialDelay = "1m", fixedDelay = "1d")
    void daily() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("retention purge failed; it runs again tomorrow: {}", e.toString());
        }
    }

    /** @return how many answers were older than the retention and deleted */
    int purge() throws SQLException {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = records.get().purgeBefore(cutoff);
        if (deleted > 0) {
            LOG.info("deleted {} answers asked before {} (questions.retention {})", deleted, cutoff, retention);
        }
        return deleted;
    }
}
