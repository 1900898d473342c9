package io.zhibiao.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A document's id: the first 24 hex digits (96 bits) of the SHA-256 of its normalised text in
 * UTF-8. The text is the cleaned report alone, without the page furniture or the bundle around it,
 * so the same report gets the same id whichever page, bundle, charset or markup it came in.
 */
public final class DocumentId {
    public static final int HEX_DIGITS = 24;

    private DocumentId() {
    }

    public static String of(String normalizedText) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalizedText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
