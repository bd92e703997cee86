package dev.evidencebot.index;

import dev.evidencebot.corpus.Article;
import dev.evidencebot.corpus.Passage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Content hashes of what the index stores. An article's hash covers everything its documents are
 * made of (ids, title, sections, sentence texts) plus the embedder and schema, so an equal hash
 * means its stored documents are still exactly right; the corpus hash covers every article's.
 */
final class ContentHashes {

    private ContentHashes() {
    }

    static String article(Article article, String embedder) {
        MessageDigest digest = sha256();
        update(digest, "schema " + IndexFields.SCHEMA_VERSION);
        update(digest, embedder);
        update(digest, article.id());
        update(digest, article.title());
        for (Passage passage : article.passages()) {
            update(digest, passage.id());
            update(digest, passage.articleId());
            update(digest, passage.section());
            update(digest, passage.text());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** @param articles article id to article hash, in corpus order */
    static String corpus(Map<String, String> articles, String embedder) {
        MessageDigest digest = sha256();
        update(digest, "schema " + IndexFields.SCHEMA_VERSION);
        update(digest, embedder);
        for (Map.Entry<String, String> article : articles.entrySet()) {
            update(digest, article.getKey());
            update(digest, article.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Length-prefixed, so ("ab","c") and ("a","bc") hash differently; null differs from "". */
    private static void update(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
