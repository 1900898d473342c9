package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.RawReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The sample corpus of the project ({@code samples/} at the root), read from the module directory. */
public final class Samples {
    public static final String JINZHOU_2024 = "000_ad8bd8fded9599e0.txt";
    public static final String BUNDLE_2023 = "001_6b340ccef4bd5f14.txt";
    public static final String SHENYANG_2024 = "002_110bda27a7c53275.txt";
    public static final String LINGHE_PLAN = "003_821d0610ff899f65.txt";
    public static final String HULUDAO_FRAGMENT = "004_4d51fec59cea5135.txt";
    public static final List<String> ALL = List.of(JINZHOU_2024, BUNDLE_2023, SHENYANG_2024, LINGHE_PLAN, HULUDAO_FRAGMENT);

    private Samples() {
    }

    public static Path path(String name) {
        Path p = Path.of("..", "samples", name);
        if (!Files.exists(p)) {
            p = Path.of("samples", name); // when run from the repository root
        }
        return p;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The sample as a scraper would publish it: bytes in base64, no charset declared. */
    public static RawReport raw(String name) {
        return new RawReport("file:samples/" + name, Instant.parse("2024-03-01T00:00:00Z"), "text/plain", null, null,
                Base64.getEncoder().encodeToString(bytes(name)), name, null);
    }

    public static RawReport plain(String text) {
        return RawReport.text("https://example.gov.cn/report", "report.txt", text);
    }

    public static RawReport bytes(byte[] bytes, String contentType, String charset) {
        return new RawReport("https://example.gov.cn/report", null, contentType, charset, null,
                Base64.getEncoder().encodeToString(bytes), null, null);
    }
}
