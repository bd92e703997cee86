package dev.evidencebot.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Secrets the application makes for itself when none is configured (the client-key salt, the key
 * that signs conversation ids) and keeps in the data directory, so they survive a restart. The
 * directory is made 0700 and each file 0600 where the file system has POSIX permissions: only the
 * service's own user reads them. Several replicas must be given the same value by configuration
 * instead, since each has a data directory of its own.
 */
public final class KeptSecrets {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private KeptSecrets() {
    }

    /**
     * The secret stored in {@code file}, or a new random one (32 bytes, hex) written there first.
     *
     * @param setting the configuration that would replace it, named in the error when the file cannot be made
     */
    public static synchronized String readOrCreate(Path file, String setting) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            privateDirectory(file.toAbsolutePath().getParent());
            if (POSIX && !Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE)));
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            restrict(file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + " (or set " + setting + ")", e);
        }
    }

    /** Creates the directory if needed, readable by its owner only (0700). */
    public static void privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            if (POSIX) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    /** Makes an existing file readable and writable by its owner only (0600). */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.isRegularFile(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
