package io.zhibiao.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Pages;
import io.zhibiao.contracts.words.WordSegmenter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A small corpus in the shape index-service writes, built from sentences of the sample reports: four
 * reports of three regions in three provinces and a fragment that names no government, their paragraphs
 * as passages, and indicator facts with their quotes: a first actual marked estimated (初步核算), a later
 * report restating an earlier year's actual with another value (a revision), a fact without a period and
 * one without a region (unplaced). 锦州 2024 came from a PDF of three pages whose last page is a scan read by OCR
 * ({@link #JINZHOU_2024_PAGES}): its report, passages and facts have pages as index-service writes them; the other
 * reports are text and have none. The mappings are index-service's own (read from its sources), so the query service is
 * tested against the indices it will really read.
 */
public final class Fixture {
    public static final String JINZHOU_2024 = "jinzhou2024";
    public static final String JINZHOU_2023 = "jinzhou2023";
    public static final String HANDAN_2023 = "handan2023";
    public static final String LECHANG_2023 = "lechang2023";
    /** A page that names no government: its facts have no region. */
    public static final String FRAGMENT_2023 = "fragment2023";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final StringBuilder BULK = new StringBuilder();

    static final String[][] REPORTS = {
            {JINZHOU_2024, "2024年锦州市政府工作报告", "锦州市", "210700", "辽宁省", "prefecture", "2024",
                    "一、2023年工作回顾\n"
                            + "初步核算,地区生产总值增长5.4%。居民消费价格上涨0.3%。经核实,2022年地区生产总值增长3.2%。\n"
                            + "新能源汽车产业加快发展,新能源汽车产量增长30%。\n"
                            + "二、2024年主要目标\n"
                            + "地区生产总值增长6.5%左右,居民消费价格涨幅3%左右。\n"
                            + "加快建设新能源和新能源的汽车零部件基地。<script>alert(1)</script>"},
            {JINZHOU_2023, "2023年锦州市政府工作报告", "锦州市", "210700", "辽宁省", "prefecture", "2023",
                    "一、2022年工作回顾\n"
                            + "地区生产总值增长3.1%。\n"
                            + "二、2023年主要目标\n"
                            + "地区生产总值增长6%左右,居民消费价格涨幅3%左右。\n"
                            + "推动新能源汽车推广应用。"},
            {HANDAN_2023, "2023年邯郸市政府工作报告", "邯郸市", "130400", "河北省", "prefecture", "2023",
                    "一、过去一年工作回顾\n"
                            + "新能源汽车销量增长一倍。城镇新增就业3.2万人。\n"
                            + "二、2023年目标任务\n"
                            + "生产总值增长6.5%以上。"},
            {LECHANG_2023, "2023年乐昌市政府工作报告", "乐昌市", "440281", "广东省", "county_city", "2023",
                    "一、2022年工作回顾\n"
                            + "培育新能源汽车配套企业。\n"
                            + "二、2023年主要预期目标\n"
                            + "地区生产总值增长6%。"},
            {FRAGMENT_2023, "2023年政府工作报告", null, null, null, null, "2023",
                    "去年一般公共预算收入增长8.2%。"},
    };

    /** Facts: document, indicator, kind, period, measure, value, qualifier, estimated, quote (a substring of the report), unit (% unless given). */
    static final Object[][] FACTS = {
            {JINZHOU_2024, "gdp", "actual", 2023, "growth_pct", 5.4, null, true, "初步核算,地区生产总值增长5.4%"},
            {JINZHOU_2024, "cpi", "actual", 2023, "growth_pct", 0.3, null, false, "居民消费价格上涨0.3%"},
            {JINZHOU_2024, "gdp", "target", 2024, "growth_pct", 6.5, "about", false, "地区生产总值增长6.5%左右"},
            {JINZHOU_2024, "cpi", "target", 2024, "growth_pct", 3.0, "about", false, "居民消费价格涨幅3%左右"},
            {JINZHOU_2023, "gdp", "actual", 2022, "growth_pct", 3.1, null, false, "地区生产总值增长3.1%"},
            // the 2024 report restates 2022: 3.1 → 3.2
            {JINZHOU_2024, "gdp", "actual", 2022, "growth_pct", 3.2, null, false, "经核实,2022年地区生产总值增长3.2%"},
            // unplaced: no period (the extractor could not tell the year), no region (the page names no government)
            {HANDAN_2023, "urban_new_jobs", "actual", null, "level", 3.2, null, false, "城镇新增就业3.2万人", "万人"},
            {FRAGMENT_2023, "budget_revenue", "actual", 2022, "growth_pct", 8.2, null, false, "一般公共预算收入增长8.2%"},
            {JINZHOU_2023, "gdp", "target", 2023, "growth_pct", 6.0, "about", false, "地区生产总值增长6%左右"},
            {JINZHOU_2023, "cpi", "target", 2023, "growth_pct", 3.0, "about", false, "居民消费价格涨幅3%左右"},
            {HANDAN_2023, "gdp", "target", 2023, "growth_pct", 6.5, "above", false, "生产总值增长6.5%以上"},
            {LECHANG_2023, "gdp", "target", 2023, "growth_pct", 6.0, null, false, "地区生产总值增长6%"},
    };

    /** Where 2024 锦州's pages begin: page 2 within the review (经核实…), page 3 (OCR, confidence 87) at the targets. */
    public static final Pages JINZHOU_2024_PAGES = jinzhou2024Pages();

    private static boolean loaded;

    private static Pages jinzhou2024Pages() {
        String text = REPORTS[0][7];
        return new Pages("pdf", 3, List.of(new Pages.Start(1, 0), new Pages.Start(2, text.indexOf("经核实")),
                new Pages.Start(3, text.indexOf("二、2024年主要目标"))), List.of(3), 87.0);
    }

    static Pages pages(String documentId) {
        return documentId.equals(JINZHOU_2024) ? JINZHOU_2024_PAGES : null;
    }

    /** As index-service says of a passage: true when a page that [start, end) spans was read by OCR. */
    static boolean ocr(Pages pages, int start, int end) {
        for (int page = pages.pageAt(start); page <= pages.pageAt(Math.max(start, end - 1)); page++) {
            if (pages.isOcr(page)) {
                return true;
            }
        }
        return false;
    }

    /** Creates reports-v1, passages-v1, facts-v1 with their aliases and fills them; once per JVM. */
    public static synchronized void load(String elasticsearch) {
        if (loaded) {
            return;
        }
        try {
            for (String kind : List.of("reports", "passages", "facts")) {
                send("DELETE", elasticsearch + "/" + kind + "-v1", null);
                String mapping = Files.readString(mappings().resolve(kind + ".json"));
                expectOk(send("PUT", elasticsearch + "/" + kind + "-v1", mapping));
                expectOk(send("POST", elasticsearch + "/_aliases",
                        "{\"actions\":[{\"add\":{\"index\":\"" + kind + "-v1\",\"alias\":\"" + kind + "\"}}]}"));
            }
            BULK.setLength(0);
            for (String[] r : REPORTS) {
                report(r);
            }
            int ordinal = 0;
            for (Object[] f : FACTS) {
                fact(f, ordinal++);
            }
            String result = send("POST", elasticsearch + "/_bulk?refresh=true", BULK.toString());
            if (result.contains("\"errors\":true")) {
                throw new IllegalStateException("fixture bulk failed: " + result);
            }
            loaded = true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the fixture into " + elasticsearch, e);
        }
    }

    /** index-service's mappings, the single source of truth, from the checkout. */
    static Path mappings() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path m = p.resolve("index-service/src/main/resources/elasticsearch");
            if (Files.isDirectory(m)) {
                return m;
            }
        }
        throw new IllegalStateException("index-service/src/main/resources/elasticsearch not found above the working directory");
    }

    private static void report(String[] r) {
        String id = r[0];
        String text = r[7];
        ObjectNode doc = meta(r);
        doc.put("reviewedYear", Integer.parseInt(r[6]) - 1);
        doc.put("fragment", false);
        doc.put("sourceName", "fixture.txt");
        doc.put("indexInSource", 0);
        doc.put("chars", text.length());
        doc.put("text", text);
        Pages pages = pages(id);
        if (pages != null) {
            doc.put("format", pages.format());
            doc.put("pageCount", pages.count());
            doc.put("ocr", pages.anyOcr());
            doc.put("ocrConfidence", pages.ocrConfidence());
            ArrayNode starts = doc.putArray("pageStarts");
            pages.starts().forEach(st -> starts.add(st.page()).add(st.offset()));
            ArrayNode ocrPages = doc.putArray("ocrPages");
            pages.ocrPages().forEach(ocrPages::add);
        }
        // sections: the lines that start with 一、 二、 ; paragraphs: the lines
        ArrayNode sections = doc.putArray("sections");
        List<int[]> lines = new ArrayList<>();
        int at = 0;
        for (String line : text.split("\n")) {
            lines.add(new int[]{at, at + line.length()});
            at += line.length() + 1;
        }
        int section = -1;
        List<String> headings = new ArrayList<>();
        int paragraph = 0;
        for (int[] l : lines) {
            String line = text.substring(l[0], l[1]);
            if (line.matches("^[一二三四五六七八九十]、.*")) {
                section++;
                headings.add(line);
                ObjectNode s = sections.addObject();
                s.put("index", section);
                s.put("level", 1);
                s.put("heading", line);
                s.put("start", l[0]);
                s.put("end", text.length());
            }
            ObjectNode p = meta(r);
            p.remove("speaker");
            p.put("paragraph", paragraph);
            p.put("start", l[0]);
            p.put("end", l[1]);
            p.put("text", line);
            p.put("words", WordSegmenter.standard().words(line).stream().filter(w -> !w.pos().startsWith("w"))
                    .map(w -> w.text().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" ")));
            if (section >= 0) {
                p.put("section", headings.get(section));
                p.putArray("sectionPath").add(headings.get(section));
            }
            p.put("reviewedYear", Integer.parseInt(r[6]) - 1);
            p.put("sourceName", "fixture.txt");
            if (pages != null) {
                p.put("page", pages.pageAt(l[0]));
                if (ocr(pages, l[0], l[1])) {
                    p.put("ocr", true);
                }
            }
            bulk("passages", id + ":p" + paragraph, p);
            paragraph++;
        }
        doc.put("passageCount", paragraph);
        bulk("reports", id, doc);
    }

    private static void fact(Object[] f, int ordinal) {
        String id = (String) f[0];
        String[] r = java.util.Arrays.stream(REPORTS).filter(x -> x[0].equals(id)).findFirst().orElseThrow();
        String text = r[7];
        String quote = (String) f[8];
        int start = text.indexOf(quote);
        if (start < 0) {
            throw new IllegalStateException("quote not in " + id + ": " + quote);
        }
        int paragraph = (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("documentId", id);
        d.put("passageId", id + ":p" + paragraph);
        d.put("source", "fixture.txt");
        d.put("region", r[2]);
        d.put("regionCode", r[3]);
        d.put("province", r[4]);
        d.put("level", r[5]);
        d.put("docType", "work_report");
        d.put("reportYear", Integer.parseInt(r[6]));
        d.put("title", r[1]);
        d.put("indicator", (String) f[1]);
        d.put("kind", (String) f[2]);
        d.put("estimated", (Boolean) f[7]);
        d.put("period", (Integer) f[3]);
        d.put("measure", (String) f[4]);
        d.put("value", (Double) f[5]);
        d.put("unit", f.length > 9 ? (String) f[9] : "%");
        if (f[6] != null) {
            d.put("qualifier", (String) f[6]);
        }
        d.put("quote", quote);
        d.put("start", start);
        d.put("end", start + quote.length());
        Pages pages = pages(id);
        if (pages != null) {
            d.put("page", pages.pageAt(start));
            if (pages.isOcr(pages.pageAt(start))) {
                d.put("ocr", true);
            }
        }
        bulk("facts", id + ":f" + ordinal, d);
    }

    private static ObjectNode meta(String[] r) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("documentId", r[0]);
        d.put("title", r[1]);
        d.put("region", r[2]);
        d.put("regionCode", r[3]);
        d.put("province", r[4]);
        d.put("level", r[5]);
        d.put("docType", "work_report");
        d.put("year", Integer.parseInt(r[6]));
        return d;
    }

    private static void bulk(String index, String id, ObjectNode doc) {
        BULK.append("{\"index\":{\"_index\":\"").append(index).append("-v1\",\"_id\":\"").append(id).append("\"}}\n");
        BULK.append(Json.write(doc)).append('\n');
    }

    private static String send(String method, String url, String body) throws IOException {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void expectOk(String response) {
        if (response.contains("\"error\"")) {
            throw new IllegalStateException(response);
        }
    }

    private Fixture() {
    }
}
