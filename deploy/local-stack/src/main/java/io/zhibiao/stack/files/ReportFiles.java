package io.zhibiao.stack.files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reports as governments publish them, made from their text for tests and demos: a PDF laid out in lines of print
 * on A4 pages with a running header and page numbers (so that the reader must take them off and join the lines
 * again), the same PDF "scanned" (each page rendered to an image and wrapped in a PDF without a text layer), a
 * DOCX, and the bad files the input tests feed in. The Chinese font is WenQuanYi Micro Hei (Debian
 * {@code fonts-wqy-microhei}), embedded as a subset.
 */
public final class ReportFiles {
    /** Where Debian's fonts-wqy-microhei puts the font. */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final float MARGIN = 72;
    private static final float SIZE = 12;
    private static final float LEADING = 18;

    private ReportFiles() {
    }

    /** The font, or an exception that says which package to install. */
    public static Path font() {
        Path env = System.getenv("ZHIBIAO_CJK_FONT") == null ? null : Path.of(System.getenv("ZHIBIAO_CJK_FONT"));
        Path font = env != null ? env : DEFAULT_FONT;
        if (!Files.isRegularFile(font)) {
            throw new IllegalStateException("no CJK font at " + font + ": install fonts-wqy-microhei (apt-get install"
                    + " fonts-wqy-microhei) or set ZHIBIAO_CJK_FONT to a TrueType font with Chinese glyphs");
        }
        return font;
    }

    /**
     * A text PDF of the report: each line of {@code text} a paragraph, wrapped at the page's measure with a first
     * line indent of two characters; {@code header} on top of every page (null for none) and "- N -" at its foot.
     * A line whose cells are separated by {@code " | "} is drawn as a table row, its cells in columns.
     */
    public static byte[] pdf(String text, String header) {
        try (PDDocument pdf = new PDDocument()) {
            PDType0Font font = loadFont(pdf);
            Layout layout = new Layout(pdf, font, header);
            for (String paragraph : text.split("\n")) {
                if (paragraph.isBlank()) {
                    continue;
                }
                if (paragraph.contains(" | ")) {
                    layout.row(paragraph.split(" \\| "));
                } else {
                    layout.paragraph(paragraph.strip());
                }
            }
            layout.finish();
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's pages rendered at {@code dpi} in grey and wrapped, one image a page, in a PDF with no text. */
    public static byte[] scanned(byte[] textPdf, int dpi) {
        try (PDDocument source = org.apache.pdfbox.Loader.loadPDF(textPdf); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                PDPage page = new PDPage(PDRectangle.A4);
                scan.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(scan, image);
                try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            return save(scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page of the PDF as an image (a scanner's PNG). */
    public static byte[] pageImage(byte[] textPdf, int page, int dpi) {
        try (PDDocument source = org.apache.pdfbox.Loader.loadPDF(textPdf)) {
            BufferedImage image = new PDFRenderer(source).renderImageWithDPI(page, dpi, ImageType.GRAY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DOCX of the report: a paragraph per line, a table for each run of lines with {@code " | "} cells, and a
     * page break after every {@code paragraphsPerPage} paragraphs (0 for none).
     */
    public static byte[] docx(String text, int paragraphsPerPage) {
        try (XWPFDocument doc = new XWPFDocument()) {
            int count = 0;
            XWPFTable table = null;
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.contains(" | ")) {
                    String[] cells = line.split(" \\| ");
                    XWPFTableRow row;
                    if (table == null) {
                        table = doc.createTable(1, cells.length);
                        row = table.getRow(0);
                    } else {
                        row = table.createRow();
                    }
                    for (int c = 0; c < cells.length; c++) {
                        (c < row.getTableCells().size() ? row.getCell(c) : row.addNewTableCell()).setText(cells[c].strip());
                    }
                    continue;
                }
                table = null;
                XWPFParagraph p = doc.createParagraph();
                p.createRun().setText(line.strip());
                count++;
                if (paragraphsPerPage > 0 && count % paragraphsPerPage == 0) {
                    p.createRun().addBreak(BreakType.PAGE);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ bad files

    /** A PDF that opens only with a user password. */
    public static byte[] encryptedPdf(String text) {
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pdf(text, null))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF cut off in the middle and scrambled: a header, then nothing a reader can parse. */
    public static byte[] corruptPdf(String text) {
        byte[] good = pdf(text, null);
        byte[] bad = Arrays.copyOf(good, Math.max(64, good.length / 3));
        for (int i = 40; i < bad.length; i += 7) {
            bad[i] = (byte) (bad[i] ^ 0x5A);
        }
        return bad;
    }

    /** A PDF of {@code pages} empty pages. */
    public static byte[] manyPagesPdf(int pages) {
        try (PDDocument pdf = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                pdf.addPage(new PDPage(PDRectangle.A4));
            }
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DOCX whose {@code word/document.xml} is {@code inflatedMegabytes} MB of one repeated character: a few
     * hundred KB on the wire, hundreds of MB if a reader inflates it.
     */
    public static byte[] zipBombDocx(int inflatedMegabytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                        + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                        + "application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/"
                        + "document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml."
                        + "document.main+xml\"/></Types>");
                put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
                        + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                        + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/"
                        + "document.xml\"/></Relationships>");
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats"
                        + ".org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8);
                zip.write(head);
                byte[] block = new byte[1 << 20];
                Arrays.fill(block, (byte) 'a');
                for (int i = 0; i < inflatedMegabytes; i++) {
                    zip.write(block);
                }
                zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ------------------------------------------------------------------ layout

    private static PDType0Font loadFont(PDDocument pdf) throws IOException {
        Path path = font();
        if (path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            org.apache.fontbox.ttf.TrueTypeCollection collection = new org.apache.fontbox.ttf.TrueTypeCollection(path.toFile());
            org.apache.fontbox.ttf.TrueTypeFont[] first = new org.apache.fontbox.ttf.TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return PDType0Font.load(pdf, first[0], true);
        }
        return PDType0Font.load(pdf, path.toFile());
    }

    private static byte[] save(PDDocument pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }

    /** Lines of print on A4 pages. */
    private static final class Layout {
        private final PDDocument pdf;
        private final PDType0Font font;
        private final String header;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream cs;
        private float y;
        private int pages;

        Layout(PDDocument pdf, PDType0Font font, String header) {
            this.pdf = pdf;
            this.font = font;
            this.header = header;
        }

        void paragraph(String text) throws IOException {
            String indented = "\u3000\u3000" + text;
            for (String line : wrap(indented)) {
                show(line, MARGIN);
            }
        }

        void row(String[] cells) throws IOException {
            ensureLine();
            // the first column (the indicator's name) takes two fifths of the measure, the others share the rest
            float first = cells.length > 1 ? width * 0.4f : width;
            float column = cells.length > 1 ? (width - first) / (cells.length - 1) : 0;
            float end = MARGIN;
            for (int c = 0; c < cells.length; c++) {
                String cell = printable(cells[c].strip());
                // on its column, or two characters after the cell before when that one is wider than its column
                float x = Math.max(c == 0 ? MARGIN : MARGIN + first + (c - 1) * column, c == 0 ? MARGIN : end + 2 * SIZE);
                text(cell, x, y);
                end = x + width(cell);
            }
            y -= LEADING;
        }

        private void show(String line, float x) throws IOException {
            ensureLine();
            text(line, x, y);
            y -= LEADING;
        }

        private void ensureLine() throws IOException {
            if (cs == null || y < MARGIN + LEADING) {
                newPage();
            }
        }

        private void text(String s, float x, float at) throws IOException {
            cs.beginText();
            cs.setFont(font, SIZE);
            cs.newLineAtOffset(x, at);
            cs.showText(s);
            cs.endText();
        }

        private void newPage() throws IOException {
            closePage();
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            pages++;
            cs = new PDPageContentStream(pdf, page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            if (header != null) {
                text(header, MARGIN + width / 2 - width(header) / 2, top + 24);
            }
            y = top - LEADING;
        }

        private void closePage() throws IOException {
            if (cs != null) {
                String number = "- " + pages + " -";
                text(number, MARGIN + width / 2 - width(number) / 2, MARGIN - 30);
                cs.close();
                cs = null;
            }
        }

        void finish() throws IOException {
            if (cs == null) {
                newPage();
            }
            closePage();
        }

        private List<String> wrap(String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float w = 0;
            String printable = printable(text);
            for (int i = 0; i < printable.length(); ) {
                int cp = printable.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float cw = width(ch);
                if (w + cw > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    w = 0;
                }
                line.append(ch);
                w += cw;
                i += Character.charCount(cp);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private float width(String s) throws IOException {
            return font.getStringWidth(s) / 1000 * SIZE;
        }

        /** The characters the font has; the others (rare ones) become 〓, as a typesetter's would. */
        private String printable(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                boolean ok;
                try {
                    ok = font.hasGlyph(cp);
                } catch (IOException e) {
                    ok = false;
                }
                sb.appendCodePoint(ok ? cp : '〓');
                i += Character.charCount(cp);
            }
            return sb.toString();
        }
    }
}
