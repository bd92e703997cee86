package dev.evidencebot.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's bytes as text, and which pages are articles. The corpus reader takes only UTF-8, so
 * every page is decoded here with the charset the server or the page declares and saved as UTF-8.
 */
final class PageText {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    /** Browsers sniff a meta charset in the first 1024 bytes; a little more costs nothing. */
    private static final int META_WINDOW = 2048;

    private PageText() {
    }

    /** @return "html" or "md" for a media type the corpus can hold as an article, else null */
    static String extensionFor(String mediaType) {
        return switch (mediaType) {
            case "text/html", "application/xhtml+xml" -> "html";
            case "text/markdown", "text/x-markdown" -> "md";
            default -> null;
        };
    }

    /** Header charset, else a meta charset, else UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what browsers assume). */
    static String decode(byte[] body, String contentType) {
        Charset declared = charset(contentType == null ? null : CHARSET.matcher(contentType));
        if (declared == null) {
            String head = new String(body, 0, Math.min(body.length, META_WINDOW), StandardCharsets.ISO_8859_1);
            declared = charset(META_CHARSET.matcher(head));
        }
        String text;
        if (declared != null) {
            text = new String(body, declared);
        } else {
            text = strictUtf8(body);
            if (text == null) {
                text = new String(body, Charset.forName("windows-1252"));
            }
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Charset charset(Matcher matcher) {
        if (matcher == null || !matcher.find()) {
            return null;
        }
        try {
            return Charset.forName(matcher.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null; // an unknown name is treated as no declaration, not as a reason to drop the page
        }
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
