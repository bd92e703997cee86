package dev.evidencebot.console;

import dev.evidencebot.secrets.KeptSecrets;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns who asked (an IP address, a Slack user) into a salted SHA-256: the same visitor gets the
 * same hash, so repeat questions can be counted, but the log never holds the key itself. The salt
 * is {@code questions.salt} when set, else a random one kept in the data directory, so hashes stay
 * comparable across restarts and cannot be reversed by hashing every IPv4 address.
 */
@Singleton
final class ClientKeys {

    static final String SALT_FILE = "questions.salt";

    private final byte[] salt;

    @Inject
    ClientKeys(@Value("${questions.salt:}") String salt, @Value("${data.path:data}") String dataPath,
               @Value("${app.base-dir:}") String baseDir) {
        this(salt.isBlank() ? persistedSalt(Path.of(baseDir).resolve(dataPath).resolve(SALT_FILE)) : salt);
    }

    ClientKeys(String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** The hex hash of {@code clientKey}, or null when there is none. */
    String hash(String clientKey) {
        if (clientKey == null || clientKey.isBlank()) {
            return null;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update((byte) 0); // so salt "ab" + key "c" differs from salt "a" + key "bc"
            return HexFormat.of().formatHex(sha256.digest(clientKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String persistedSalt(Path file) {
        return KeptSecrets.readOrCreate(file, "questions.salt");
    }
}
