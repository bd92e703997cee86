package dev.evidencebot.console;

import dev.evidencebot.answer.AnsweredEvent;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves each answer's citations from the answer_citations table into a column of its row
 * ({@link CitationColumn} says why), then drops the table. In Java because the two databases
 * join strings with different functions, and the column's format is this package's own.
 */
final class V3__Citations_in_answers extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE answers ADD COLUMN citations VARCHAR(" + CitationColumn.MAX_LENGTH + ")");
        }
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("UPDATE answers SET citations = ? WHERE id = ?")) {
            select.setFetchSize(BATCH); // PostgreSQL streams only inside a transaction, which Flyway's is
            try (ResultSet rows = select.executeQuery("SELECT answer_id, marker, article_id, reference_number "
                    + "FROM answer_citations ORDER BY answer_id, marker")) {
                String answer = null;
                List<AnsweredEvent.CitedReference> cited = new ArrayList<>();
                int pending = 0;
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (answer != null && !answer.equals(id)) {
                        pending = add(update, answer, cited, pending);
                    }
                    answer = id;
                    cited.add(new AnsweredEvent.CitedReference(rows.getInt(2), rows.getString(3),
                            rows.getObject(4, Integer.class)));
                }
                if (answer != null) {
                    add(update, answer, cited, pending);
                }
                update.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE answer_citations");
        }
    }

    private static int add(PreparedStatement update, String answer, List<AnsweredEvent.CitedReference> cited, int pending)
            throws SQLException {
        update.setString(1, CitationColumn.write(cited));
        update.setString(2, answer);
        update.addBatch();
        cited.clear();
        if (pending + 1 >= BATCH) {
            update.executeBatch();
            return 0;
        }
        return pending + 1;
    }
}
