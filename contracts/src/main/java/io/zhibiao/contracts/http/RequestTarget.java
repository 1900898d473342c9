package io.zhibiao.contracts.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The request target of an HTTP request as people type it. {@code curl 'http://host/api/search?q=新能源'} sends
 * the UTF-8 bytes of 新能源 unescaped, and the HTTP codec hands them over one byte per character
 * (ISO-8859-1). {@link #normalized} turns such a target into the percent-encoded one its sender meant
 * ({@code ?q=%E6%96%B0%E8%83%BD%E6%BA%90}), or says in a sentence why it cannot be read.
 */
public final class RequestTarget {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestTarget() {
    }

    /** A target that cannot be read, with the reason to show its sender. */
    public static final class Unreadable extends IllegalArgumentException {
        public Unreadable(String reason) {
            super(reason);
        }
    }

    /**
     * The target itself when it is a valid URI reference in ASCII; else with every run of bytes beyond ASCII
     * percent-encoded, when those bytes are UTF-8.
     *
     * @throws Unreadable when the bytes are not UTF-8, or the target is no URI even so
     */
    public static String normalized(String target) {
        String encoded = needsEncoding(target) ? percentEncoded(target) : target;
        try {
            new URI(encoded);
        } catch (URISyntaxException e) {
            throw new Unreadable("the URL is not valid (" + e.getReason() + " at character " + e.getIndex()
                    + "); percent-encode the characters of the query string, e.g. "
                    + "curl --get --data-urlencode 'q=新能源' http://…/api/search");
        }
        return encoded;
    }

    static boolean needsEncoding(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    static String percentEncoded(String target) {
        StringBuilder out = new StringBuilder(target.length() * 3);
        int i = 0;
        while (i < target.length()) {
            char c = target.charAt(i);
            if (c < 0x80) {
                out.append(c);
                i++;
            } else if (c > 0xFF) {
                // already a character, not a byte (a codec that decoded the line itself): its UTF-8 bytes
                int cp = target.codePointAt(i);
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    hex(out, b);
                }
                i += Character.charCount(cp);
            } else {
                int j = i;
                while (j < target.length() && target.charAt(j) >= 0x80 && target.charAt(j) <= 0xFF) {
                    j++;
                }
                byte[] bytes = new byte[j - i];
                for (int k = i; k < j; k++) {
                    bytes[k - i] = (byte) target.charAt(k);
                }
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                } catch (CharacterCodingException e) {
                    throw new Unreadable("the URL holds bytes that are not UTF-8 (at character " + i
                            + "); send it in UTF-8, percent-encoded: 新能源 is %E6%96%B0%E8%83%BD%E6%BA%90");
                }
                for (byte b : bytes) {
                    hex(out, b);
                }
                i = j;
            }
        }
        return out.toString();
    }

    private static void hex(StringBuilder out, byte b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
