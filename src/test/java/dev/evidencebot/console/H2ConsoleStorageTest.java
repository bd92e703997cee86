package dev.evidencebot.console;

import java.nio.file.Path;

/** The storage contract on the embedded default: an H2 file under the data directory. */
class H2ConsoleStorageTest extends ConsoleStorageContract {

    private Path directory;

    @Override
    Database openEmpty(String version) {
        directory = data.resolve("db-" + System.nanoTime());
        return new Database(Database.h2Under(directory), "", "", version);
    }

    @Override
    Database reopen() {
        return new Database(Database.h2Under(directory), "", "");
    }
}
