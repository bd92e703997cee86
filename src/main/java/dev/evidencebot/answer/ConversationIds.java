package dev.evidencebot.answer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Conversation ids are the server's to issue: 128 random bits and an HMAC of them under a key only
 * the server knows ({@code conversation.key}, env CONVERSATION_KEY, else one kept in the data
 * directory). A client cannot pick an id (to read another conversation's turns, or to push others
 * out of memory with made-up ones); an id the server did not issue starts a new conversation.
 * Replicas share the key by configuration, so an id from one is good on all.
 */
public final class ConversationIds {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}-[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public ConversationIds(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("conversation.key (CONVERSATION_KEY) must be at least 16 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A key for this process only: tests and tools, whose conversations need not outlive them. */
    static ConversationIds ephemeral() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new ConversationIds(HEX.formatHex(bytes));
    }

    /** A new id: 32 hex digits of randomness, a dash, 32 of its signature (65 characters, as conversation ids allow). */
    public String issue() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String id = HEX.formatHex(nonce);
        return id + "-" + signature(id);
    }

    /** Whether this server (or a replica with the same key) issued {@code id}. */
    public boolean issued(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return false;
        }
        String nonce = id.substring(0, 32);
        return MessageDigest.isEqual(signature(nonce).getBytes(StandardCharsets.US_ASCII),
                id.substring(33).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(full, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "ConversationIds[key=***]";
    }
}
