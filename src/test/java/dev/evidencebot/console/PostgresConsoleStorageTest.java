package dev.evidencebot.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The storage contract on PostgreSQL, in a throwaway schema of the server named by
 * TEST_POSTGRES_URL (with TEST_POSTGRES_USER, TEST_POSTGRES_PASSWORD). Without one it is skipped,
 * saying what to install; with CI=true it fails instead, so CI cannot pass without having run it.
 */
class PostgresConsoleStorageTest extends ConsoleStorageContract {

    private static final String URL = System.getenv("TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "");
    private static final String PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");

    private final List<String> schemas = new ArrayList<>();

    @Override
    Database openEmpty(String version) throws SQLException {
        requireServer();
        String schema = "console_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return new Database(url(schema), USER, PASSWORD, version);
    }

    @Override
    Database reopen() {
        return new Database(url(schemas.get(schemas.size() - 1)), USER, PASSWORD);
    }

    private static String url(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        for (String schema : schemas) {
            try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = admin.createStatement()) {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void requireServer() {
        String why = null;
        if (URL == null || URL.isBlank()) {
            why = "TEST_POSTGRES_URL is not set";
        } else {
            try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
                return;
            } catch (SQLException e) {
                why = "cannot connect to " + URL + ": " + e.getMessage();
            }
        }
        String message = "PostgreSQL storage tests need a server (" + why + "): install PostgreSQL "
                + "(apt-get install postgresql) and set TEST_POSTGRES_URL=jdbc:postgresql://localhost:5432/db, "
                + "TEST_POSTGRES_USER, TEST_POSTGRES_PASSWORD, or run .ci/run, which starts a throwaway one";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
