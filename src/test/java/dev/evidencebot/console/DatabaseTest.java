package dev.evidencebot.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {

    @TempDir
    Path directory;

    @Test
    void toStringHidesTheDatasourcePassword() {
        try (Database database = new Database(Database.h2Under(directory), "sa", "s3cret-db-password")) {
            String printed = database.toString();

            assertFalse(printed.contains("s3cret-db-password"), printed);
            assertTrue(printed.startsWith("Database[url=jdbc:h2:file:"), printed);
        }
    }

    @Test
    void aPasswordInsideTheUrlIsHiddenWhereverTheUrlIsShown() {
        assertEquals("jdbc:postgresql://db:5432/bot?user=bot&password=***&ssl=true",
                Database.withoutPassword("jdbc:postgresql://db:5432/bot?user=bot&password=s3cret&ssl=true"));
        assertEquals("jdbc:postgresql://db/bot?PASSWORD=***",
                Database.withoutPassword("jdbc:postgresql://db/bot?PASSWORD=s3cret"));
        assertEquals("jdbc:h2:file:/data/bot;USER=sa;PASSWORD=***;AUTO_SERVER=FALSE",
                Database.withoutPassword("jdbc:h2:file:/data/bot;USER=sa;PASSWORD=s3cret;AUTO_SERVER=FALSE"));
        assertEquals("jdbc:postgresql://bot:***@db:5432/bot",
                Database.withoutPassword("jdbc:postgresql://bot:s3cret@db:5432/bot"));
        assertEquals("jdbc:postgresql://db:5432/bot", Database.withoutPassword("jdbc:postgresql://db:5432/bot"));
    }
}
