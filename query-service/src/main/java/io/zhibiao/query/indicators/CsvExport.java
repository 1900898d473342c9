package io.zhibiao.query.indicators;

import io.zhibiao.query.catalog.Labels;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Facts as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads the Chinese right),
 * RFC 4180 quoting, CRLF line ends, one fact a row with its provenance; {@code page} is the page of the
 * source that holds the quote (empty for text and HTML), last so that the columns before keep their places.
 */
public final class CsvExport {
    public static final List<String> COLUMNS = List.of("region", "province", "level", "indicator", "indicator_zh",
            "kind", "estimated", "period", "measure", "value", "value_max", "unit", "qualifier", "quote",
            "document_id", "passage_id", "title", "report_year", "source", "start", "end", "page");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static byte[] write(List<Fact> facts) {
        StringBuilder sb = new StringBuilder(256 * (facts.size() + 1));
        sb.append(String.join(",", COLUMNS)).append("\r\n");
        for (Fact f : facts) {
            row(sb, text(f.region()), text(f.province()), text(f.level()), text(f.indicator()),
                    text(Labels.indicator(f.indicator()).map(Labels.Indicator::zh).orElse(null)), text(f.kind()),
                    String.valueOf(f.estimated()), number(f.period()), text(f.measure()), number(f.value()),
                    number(f.valueMax()), text(f.unit()), text(f.qualifier()), text(f.quote()), text(f.documentId()),
                    text(f.passageId()), text(f.title()), number(f.reportYear()), text(f.source()),
                    String.valueOf(f.start()), String.valueOf(f.end()), number(f.page()));
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(body, 0, out, BOM.length, body.length);
        return out;
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cells[i]);
        }
        sb.append("\r\n");
    }

    /** A text cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(v.strip())) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    static String number(Number n) {
        if (n == null) {
            return "";
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private CsvExport() {
    }
}
