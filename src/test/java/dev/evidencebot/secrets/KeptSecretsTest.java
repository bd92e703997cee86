package dev.evidencebot.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A secret the application makes for itself is kept where only the service's user can read it. */
class KeptSecretsTest {

    @TempDir
    Path work;

    @Test
    void aNewSecretIsRandomPersistedAndReadableByItsOwnerOnly() throws Exception {
        Path file = work.resolve("data/conversation.key");

        String first = KeptSecrets.readOrCreate(file, "conversation.key");
        String again = KeptSecrets.readOrCreate(file, "conversation.key");

        assertEquals(64, first.length());
        assertEquals(first, again, "a restart reads the same secret");
        assertNotEquals(first, KeptSecrets.readOrCreate(work.resolve("other/conversation.key"), "conversation.key"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }
}
