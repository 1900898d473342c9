package io.zhibiao.ingest.domain.decode;

import io.zhibiao.contracts.words.HanScript;
import io.zhibiao.ingest.domain.Rejection;
import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text for the charsets Chinese government sites use: UTF-8 (with or without a byte order
 * mark), GB18030 and its subsets GBK and GB2312, and Big5 (Taiwan, Hong Kong and some mirrors).
 *
 * <p>Every decoding is strict: a byte sequence that is not valid in a charset rules that charset
 * out, rather than turning into replacement characters. The order of trust is
 * <ol>
 *   <li>a byte order mark;</li>
 *   <li>the charset the producer declared, if the bytes are valid in it (scrapers copy the HTTP
 *       header, which is wrong often enough that a failing declaration is not fatal);</li>
 *   <li>for HTML, the page's own {@code <meta charset>};</li>
 *   <li>UTF-8, when the bytes are valid UTF-8 (multi-byte text that happens to be valid UTF-8 is
 *       almost always UTF-8);</li>
 *   <li>otherwise the candidates GB18030 and Big5, ranked first by juniversalchardet's guess and
 *       then by how plausible the decoded text is (see {@link #plausibility}). Both accept most
 *       byte pairs, so validity alone cannot tell them apart.</li>
 * </ol>
 */
public final class TextDecoder {
    public static final Charset GB18030 = Charset.forName("GB18030");
    public static final Charset BIG5 = Charset.forName("Big5");

    /** Accepted charset names (lower case, without separators) and the charset that decodes them. */
    private static final Map<String, Charset> SUPPORTED = Map.ofEntries(
            Map.entry("utf8", StandardCharsets.UTF_8),
            Map.entry("gb18030", GB18030),
            // GBK and GB2312 are subsets of GB18030: decoding them as GB18030 loses nothing
            Map.entry("gbk", GB18030),
            Map.entry("gb2312", GB18030),
            Map.entry("cp936", GB18030),
            Map.entry("euccn", GB18030),
            Map.entry("big5", BIG5),
            Map.entry("cp950", BIG5));

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{2,40})", Pattern.CASE_INSENSITIVE);

    /** How the charset was chosen; useful in logs and tests. */
    public enum Basis { BYTE_ORDER_MARK, DECLARED, HTML_META, VALID_UTF8, DETECTED }

    public record Decoded(String text, Charset charset, Basis basis) {
    }

    /**
     * The charset for a declared name, or {@link Rejection#UNSUPPORTED_CHARSET}.
     * Names are compared loosely: {@code UTF-8}, {@code utf8}, {@code GB_2312} and {@code gbk} all work.
     */
    public static Charset supportedCharset(String name) {
        return lookup(name).orElseThrow(() -> Rejection.UNSUPPORTED_CHARSET.because(
                "charset '" + name + "' is not supported; use UTF-8, GB18030, GBK, GB2312 or Big5"));
    }

    private static Optional<Charset> lookup(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (key.equals("xgbk")) {
            key = "gbk";
        }
        return Optional.ofNullable(SUPPORTED.get(key));
    }

    /**
     * @param bytes    the document's bytes
     * @param declared the charset the producer declared, or null
     * @param html     whether the bytes are an HTML page (then its {@code <meta charset>} counts)
     */
    public Decoded decode(byte[] bytes, String declared, boolean html) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8)
                    .map(text -> new Decoded(text, StandardCharsets.UTF_8, Basis.BYTE_ORDER_MARK))
                    .orElseThrow(() -> Rejection.UNDECODABLE.because(
                            "the bytes start with a UTF-8 byte order mark but are not valid UTF-8"));
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            Charset utf16 = (bytes[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return strict(bytes, 2, utf16)
                    .map(text -> new Decoded(text, utf16, Basis.BYTE_ORDER_MARK))
                    .orElseThrow(() -> Rejection.UNDECODABLE.because(
                            "the bytes start with a UTF-16 byte order mark but are not valid UTF-16"));
        }
        if (declared != null && !declared.isBlank()) {
            Charset charset = supportedCharset(declared);
            Optional<String> text = strict(bytes, 0, charset);
            if (text.isPresent()) {
                return new Decoded(text.get(), charset, Basis.DECLARED);
            }
        }
        if (html) {
            Optional<Charset> meta = metaCharset(bytes).flatMap(TextDecoder::lookup);
            if (meta.isPresent()) {
                Optional<String> text = strict(bytes, 0, meta.get());
                if (text.isPresent()) {
                    return new Decoded(text.get(), meta.get(), Basis.HTML_META);
                }
            }
        }
        Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8, Basis.VALID_UTF8);
        }
        return detect(bytes).orElseThrow(() -> Rejection.UNDECODABLE.because(
                (declared == null || declared.isBlank() ? "" : "the bytes are not valid " + declared + " as declared, and ")
                        + "the bytes are valid in none of UTF-8, GB18030/GBK or Big5"));
    }

    private Optional<Decoded> detect(byte[] bytes) {
        Set<Charset> candidates = new LinkedHashSet<>();
        guess(bytes).ifPresent(candidates::add);
        candidates.add(GB18030);
        candidates.add(BIG5);
        Decoded best = null;
        double bestScore = -1;
        for (Charset charset : candidates) {
            Optional<String> text = strict(bytes, 0, charset);
            if (text.isEmpty()) {
                continue;
            }
            double score = plausibility(text.get(), charset);
            if (score > bestScore) {
                best = new Decoded(text.get(), charset, Basis.DETECTED);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** juniversalchardet's guess, if it is one of the charsets we decode. */
    static Optional<Charset> guess(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 256 * 1024));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        return lookup(name);
    }

    /**
     * The share of Han characters in the decoded text that are everyday characters of that
     * charset's own script: GB2312's 6,763 for GB18030, Big5's 5,401 常用字 (lead bytes A4–C6)
     * for Big5. Big5 bytes read as GBK mostly land in GBK's rare extension areas, and GBK bytes read
     * as Big5 in its less common level 2, so the right reading scores clearly higher.
     */
    static double plausibility(String text, Charset charset) {
        CharsetEncoder encoder = (charset.equals(BIG5) ? BIG5 : Charset.forName("GB2312")).newEncoder();
        int han = 0;
        int common = 0;
        int odd = 0;
        int limit = Math.min(text.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (HanScript.is(c)) {
                han++;
                if (isCommon(encoder, c, charset.equals(BIG5))) {
                    common++;
                }
            } else if (Character.getType(c) == Character.PRIVATE_USE || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                odd++;
            }
        }
        if (han == 0) {
            return odd == 0 ? 0.5 : 0;
        }
        return (double) common / han - (double) odd / Math.max(1, limit);
    }

    private static boolean isCommon(CharsetEncoder encoder, char c, boolean big5) {
        if (!encoder.canEncode(c)) {
            return false;
        }
        if (!big5) {
            return true;
        }
        try {
            ByteBuffer encoded = encoder.reset().encode(CharBuffer.wrap(new char[] {c}));
            int lead = encoded.get(0) & 0xFF;
            return lead >= 0xA4 && lead <= 0xC6;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static Optional<String> metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Decodes all of {@code bytes} from {@code offset}, or nothing if any byte sequence is invalid. */
    static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
