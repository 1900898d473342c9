package io.zhibiao.ingest.domain.decode;

import java.util.Optional;

/**
 * File formats this service does not read, recognised by their first bytes ("magic numbers"), so that the
 * rejection can say what the file is. The formats it reads (PDF, Word, WPS, RTF, ODT, page images) are
 * recognised first, by {@link io.zhibiao.ingest.domain.formats.SourceFormat#sniff}.
 */
public enum BinaryFormat {
    ZIP("a ZIP archive or an Office file that is no Word document (xlsx, pptx)", new int[] {'P', 'K', 3, 4}),
    GZIP("a gzip archive", new int[] {0x1F, 0x8B}),
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
