package dev.evidencebot.admin;

import io.micronaut.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of the page read from the classpath once, with its type and the strong ETag a conditional
 * GET compares against. (The widget keeps its own twin: doors share no code.)
 */
record Asset(byte[] bytes, MediaType type, String etag) {

    static Asset load(String path, MediaType type) {
        try (InputStream in = Asset.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + path + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** True when an If-None-Match header already names this version. */
    boolean matches(String ifNoneMatch) {
        return ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"));
    }
}
