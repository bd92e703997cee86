package dev.evidencebot.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A classpath file read once at startup, with the strong ETag a conditional GET compares against:
 * the widget's script and demo page, the /admin page and its files. Doors share no code, so this
 * lives apart from them; it knows nothing of HTTP beyond the ETag.
 */
public record StaticResource(String path, byte[] bytes, String etag) {

    public static StaticResource load(String path) {
        try (InputStream in = StaticResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + path + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new StaticResource(path, bytes, "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** True when an If-None-Match header already names this version. */
    public boolean matches(String ifNoneMatch) {
        return ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"));
    }
}
