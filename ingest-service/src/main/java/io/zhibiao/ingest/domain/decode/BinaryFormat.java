package io.zhibiao.ingest.domain.decode;

import java.util.Optional;

/**
 * File formats that scrapers and uploaders send by mistake instead of text, recognised by their
 * first bytes ("magic numbers"), so that the rejection can say what the file is.
 */
public enum BinaryFormat {
    PDF("a PDF document", new int[] {'%', 'P', 'D', 'F', '-'}),
    ZIP("a ZIP archive or an Office document (docx, xlsx)", new int[] {'P', 'K', 3, 4}),
    OLE("a legacy Office document (doc, xls)", new int[] {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}),
    GZIP("a gzip archive", new int[] {0x1F, 0x8B}),
    PNG("a PNG image", new int[] {0x89, 'P', 'N', 'G'}),
    JPEG("a JPEG image", new int[] {0xFF, 0xD8, 0xFF}),
    GIF("a GIF image", new int[] {'G', 'I', 'F', '8'}),
    RAR("a RAR archive", new int[] {'R', 'a', 'r', '!'});

    private final String description;
    private final int[] magic;

    BinaryFormat(String description, int[] magic) {
        this.description = description;
        this.magic = magic;
    }

    public String description() {
        return description;
    }

    public static Optional<BinaryFormat> of(byte[] bytes) {
        for (BinaryFormat format : values()) {
            if (format.matches(bytes)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] bytes) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
