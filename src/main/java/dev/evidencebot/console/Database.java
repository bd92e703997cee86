package dev.evidencebot.console;

import dev.evidencebot.secrets.KeptSecrets;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The console's database: PostgreSQL when {@code datasources.default.url} (env DATASOURCE_URL) is
 * set, else an embedded H2 file under the data directory, so a single-machine install needs no
 * server. The schema is brought up to date by Flyway before anything reads or writes.
 *
 * <p>Plain JDBC over a Hikari pool rather than Micronaut Data: three tables, a handful of
 * statements, and batch inserts that are clearer written out than generated.
 */
@Singleton
final class Database implements AutoCloseable {

    /** Migrations live apart from any other schema the application may one day have. */
    static final String MIGRATIONS = "classpath:db/console";

    // a JDBC URL may carry the password (?password=..., ;password=..., //user:password@host)
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("(//[^/:@?;]*:)[^/@?;]*@");

    private final HikariDataSource pool;
    private final boolean shared;
    private final String url;

    @Inject
    Database(@Value("${datasources.default.url:}") String url,
             @Value("${datasources.default.username:}") String username,
             @Value("${datasources.default.password:}") String password,
             @Value("${data.path:data}") String dataPath,
             @Value("${app.base-dir:}") String baseDir) {
        this(url.isBlank() ? h2Under(Path.of(baseDir).resolve(dataPath)) : url, username, password);
        if (url.isBlank()) {
            restrictH2File(Path.of(baseDir).resolve(dataPath));
        }
    }

    /** The question log holds visitors' questions: the file is its owner's alone (0600). */
    private static void restrictH2File(Path directory) {
        try {
            KeptSecrets.restrict(directory.toAbsolutePath().normalize().resolve("evidence-bot.mv.db"));
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(Database.class).warn("cannot restrict the question log's file: {}", e.toString());
        }
    }

    Database(String url, String username, String password) {
        this(url, username, password, null);
    }

    /** Migrated only up to {@code targetVersion} (null: the latest), so a test can fill an older schema. */
    Database(String url, String username, String password, String targetVersion) {
        // an embedded H2 file belongs to this process; a server may be shared by several replicas
        this.shared = !url.startsWith("jdbc:h2:");
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (username != null && !username.isBlank()) {
            config.setUsername(username);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        // one writer thread, feedback saves and a daily purge: a few connections are plenty
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setPoolName("console");
        this.pool = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS)
                    .javaMigrations(new V3__Citations_in_answers());
            if (targetVersion != null) {
                flyway.target(targetVersion);
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot migrate the console database at " + withoutPassword(url) + ": " + e.getMessage(), e);
        }
    }

    /**
     * An H2 file database in {@code directory}. The path is made absolute because H2 refuses
     * implicitly relative ones; AUTO_SERVER stays off: one process owns the file.
     */
    static String h2Under(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve("evidence-bot") + ";AUTO_SERVER=FALSE";
    }

    /** The JDBC URL with any password in it replaced by ***: what logs and messages may show. */
    static String withoutPassword(String url) {
        String hidden = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return PASSWORD_IN_AUTHORITY.matcher(hidden).replaceAll("$1***@");
    }

    /** Never the password: neither the one given apart nor one inside the URL. */
    @Override
    public String toString() {
        return "Database[url=" + withoutPassword(url) + ", shared=" + shared + "]";
    }

    /** Whether other processes (replicas) may write to this database too. */
    boolean shared() {
        return shared;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @PreDestroy
    @Override
    public void close() {
        pool.close();
    }
}
