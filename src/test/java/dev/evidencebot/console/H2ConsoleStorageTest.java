package dev.evidencebot.console;

/** The storage contract on the embedded default: an H2 file under the data directory. */
class H2ConsoleStorageTest extends ConsoleStorageContract {

    @Override
    Database openEmpty() {
        return reopen();
    }

    @Override
    Database reopen() {
        return new Database(Database.h2Under(data), "", "");
    }
}
