package io.zhibiao.ingest.fuzz;

import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.DocumentId;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.RawReportReader;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.domain.Samples;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing of ingest-service's input side (jqwik, a bounded number of tries per property): whatever
 * bytes, JSON, headers or text arrive, {@link RawReportReader} and {@link ReportIngestor} either make
 * well-formed documents or refuse with a {@link RejectedInputException}; nothing else escapes.
 * Plain tests, no Quarkus: the domain code is plain Java.
 */
class IngestFuzzTest {
    static final RawReportReader READER = RawReportReader.standard();
    /** A smaller limit than the service's, so that "too large" is reached by fuzzed inputs as well. */
    static final ReportIngestor INGESTOR = ReportIngestor.standard().withMaxBytes(256 * 1024);

    /** Runs the whole input side on a record value and headers; returns the documents or null when refused. */
    static List<IngestedDocument> ingest(byte[] value, Map<String, String> headers) {
        try {
            List<IngestedDocument> docs = INGESTOR.ingest(READER.read(value, headers));
            docs.forEach(IngestFuzzTest::wellFormed);
            return docs;
        } catch (RejectedInputException refused) {
            assertThat(refused.code()).isNotBlank();
            assertThat(refused.reason()).isNotBlank();
            return null;
        }
    }

    static List<IngestedDocument> ingest(RawReport raw) {
        try {
            List<IngestedDocument> docs = INGESTOR.ingest(raw);
            docs.forEach(IngestFuzzTest::wellFormed);
            return docs;
        } catch (RejectedInputException refused) {
            assertThat(refused.code()).isNotBlank();
            return null;
        }
    }

    static void wellFormed(IngestedDocument d) {
        assertThat(d.text()).isNotBlank();
        assertThat(d.documentId()).isEqualTo(DocumentId.of(d.text()));
        assertThat(d.metadata()).isNotNull();
        assertThat(d.metadata().indexInSource()).isNotNegative();
        if (d.metadata().year() != null) {
            assertThat(d.metadata().year()).isBetween(1900, 2200);
        }
        assertThat(d.text()).doesNotContain("\r");
    }

    // ------------------------------------------------------------------ record values

    @Property(tries = 400)
    void randomBytesAsARecordValue(@ForAll @Size(max = 4096) byte[] value, @ForAll("headers") Map<String, String> headers) {
        ingest(value, headers);
    }

    @Property(tries = 400)
    void randomJsonShapedRecords(@ForAll("rawJson") String json, @ForAll("headers") Map<String, String> headers) {
        ingest(json.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Property(tries = 300)
    void cloudEventsEnvelopes(@ForAll("cloudEvents") String json) {
        ingest(json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    // ------------------------------------------------------------------ contents

    @Property(tries = 400)
    void randomBytesAsContentInEveryDeclaredCharset(@ForAll @Size(max = 8192) byte[] bytes, @ForAll("charsets") String charset,
                                                    @ForAll("contentTypes") String contentType) {
        ingest(new RawReport("https://fuzz.example/b", Instant.EPOCH, contentType, charset, null,
                Base64.getEncoder().encodeToString(bytes), "b.txt", null));
    }

    @Property(tries = 400)
    void chineseIshTextWithNumbersAndIndicatorWords(@ForAll("chineseIsh") String text, @ForAll("contentTypes") String contentType,
                                                    @ForAll("encodings") String encoding) {
        byte[] bytes = text.getBytes(Charset.forName(encoding));
        ingest(new RawReport("https://fuzz.example/t", Instant.EPOCH, contentType, null, null,
                Base64.getEncoder().encodeToString(bytes), "t.txt", null));
        ingest(new RawReport("https://fuzz.example/t", Instant.EPOCH, contentType, "UTF-8", text, null, "t.txt",
                new RawReport.Hints(null, "锦州市", 2024)));
    }

    @Property(tries = 200)
    void htmlWithScriptsAndDeepNesting(@ForAll("chineseIsh") String text, @ForAll("depth") int depth) {
        String html = "<html><head><script>var a = '<p>" + text + "</p>';</script><style>p{}</style></head><body>"
                + "<div>".repeat(depth) + "<p>" + text.replace("\n", "</p><p>") + "</p>" + "</div>".repeat(depth / 2)
                + "<!-- " + text + " --></body>";
        ingest(new RawReport("https://fuzz.example/h", Instant.EPOCH, "text/html", "UTF-8", html, null, "h.html", null));
    }

    // ------------------------------------------------------------------ the samples, cut and mutated

    @Property(tries = 250)
    void truncatedAndMutatedSampleReports(@ForAll("sample") byte[] sample, @ForAll("cuts") double[] cut,
                                          @ForAll("mutations") List<int[]> mutations, @ForAll("charsetsOrNull") String declared) {
        int from = (int) (cut[0] * sample.length);
        int to = Math.min(sample.length, from + 1 + (int) (cut[1] * 60_000));
        byte[] b = java.util.Arrays.copyOfRange(sample, from, to);
        for (int[] m : mutations) {
            if (b.length > 0) {
                b[Math.floorMod(m[0], b.length)] = (byte) m[1];
            }
        }
        ingest(new RawReport("https://fuzz.example/s", Instant.EPOCH, "text/plain", declared, null,
                Base64.getEncoder().encodeToString(b), "s.txt", null));
    }

    @Property(tries = 100)
    void sampleReportsReEncoded(@ForAll("sampleText") String text, @ForAll("encodings") String encoding,
                                @ForAll("contentTypes") String contentType) {
        byte[] bytes = text.getBytes(Charset.forName(encoding));
        List<IngestedDocument> docs = ingest(new RawReport("https://fuzz.example/e", Instant.EPOCH, contentType, null, null,
                Base64.getEncoder().encodeToString(bytes), "e.txt", null));
        // the same report in any supported encoding is the same document — when the encoding can hold it: GBK has
        // no '•' (U+2022, in the 温州 report), which Java writes as '?', and then it is another text
        if (docs != null && contentType.startsWith("text/plain") && Charset.forName(encoding).newEncoder().canEncode(text)) {
            List<IngestedDocument> utf8 = ingest(new RawReport("https://fuzz.example/e", Instant.EPOCH, "text/plain", "UTF-8",
                    text, null, "e.txt", null));
            assertThat(utf8).isNotNull();
            assertThat(docs.stream().map(IngestedDocument::documentId).toList())
                    .isEqualTo(utf8.stream().map(IngestedDocument::documentId).toList());
        }
    }

    /**
     * A campaign bounded by time rather than tries, off unless asked for:
     * {@code ./mvnw -pl ingest-service test -Dtest=IngestFuzzTest -Dzhibiao.fuzz.seconds=600}. Draws from the
     * same generators, round robin, until the time is up; prints how many inputs it tried.
     */
    @org.junit.jupiter.api.Test
    void timedCampaign() {
        long seconds = Long.getLong("zhibiao.fuzz.seconds", 0);
        org.junit.jupiter.api.Assumptions.assumeTrue(seconds > 0, "a timed campaign runs with -Dzhibiao.fuzz.seconds=N");
        var bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(8192).sampleStream().iterator();
        var hdrs = headers().sampleStream().iterator();
        var json = rawJson().sampleStream().iterator();
        var ce = cloudEvents().sampleStream().iterator();
        var prose = chineseIsh().sampleStream().iterator();
        var types = contentTypes().sampleStream().iterator();
        var sets = charsets().sampleStream().iterator();
        var samples = sample().sampleStream().iterator();
        var cutsIt = cuts().sampleStream().iterator();
        var muts = mutations().sampleStream().iterator();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < deadline) {
            String what = "";
            try {
                byte[] b = bytes.next();
                what = "bytes " + Base64.getEncoder().encodeToString(b);
                ingest(b, hdrs.next());
                String j = json.next();
                what = "json " + j;
                ingest(j.getBytes(StandardCharsets.UTF_8), hdrs.next());
                String c = ce.next();
                what = "cloud event " + c;
                ingest(c.getBytes(StandardCharsets.UTF_8), Map.of());
                String text = prose.next();
                String type = types.next();
                what = "text (" + type + ") " + text;
                ingest(new RawReport("https://fuzz.example/t", Instant.EPOCH, type, "UTF-8", text, null, "t.txt", null));
                String charset = sets.next();
                what = "content bytes in " + charset + " " + Base64.getEncoder().encodeToString(b);
                ingest(new RawReport("https://fuzz.example/b", Instant.EPOCH, type, charset, null,
                        Base64.getEncoder().encodeToString(b), "b.txt", null));
                byte[] s = samples.next();
                double[] cut = cutsIt.next();
                int from = (int) (cut[0] * s.length);
                byte[] w = java.util.Arrays.copyOfRange(s, from, Math.min(s.length, from + 1 + (int) (cut[1] * 60_000)));
                for (int[] m : muts.next()) {
                    if (w.length > 0) {
                        w[Math.floorMod(m[0], w.length)] = (byte) m[1];
                    }
                }
                what = "sample window " + Base64.getEncoder().encodeToString(w);
                ingest(new RawReport("https://fuzz.example/s", Instant.EPOCH, "text/plain", null, null,
                        Base64.getEncoder().encodeToString(w), "s.txt", null));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("failed on " + what + ": " + e, e);
            }
            n += 6;
        }
        System.out.printf("ingest fuzz campaign: %,d inputs in %d s, no failure%n", n, seconds);
    }

    // ------------------------------------------------------------------ generators

    static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车";
    static final List<String> INDICATOR_WORDS = List.of("地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额",
            "城镇居民人均可支配收入", "农村居民人均可支配收入", "规模以上工业增加值", "进出口总额", "实际利用外资", "粮食产量",
            "城镇调查失业率", "居民消费价格", "单位国内生产总值能耗", "常住人口城镇化率", "研发经费投入强度", "增长", "下降",
            "左右", "以上", "以内", "预计", "初步核算", "力争", "目标", "同比", "比上年", "亿元", "万元", "万吨", "%", "％", "个百分点",
            "2023年", "2024年", "二〇二四年", "十四五", "99999%", "-0.0", "1e10", "百分之五", "5.4%", "6.5%左右", "１２．３％",
            "一、", "(一)", "1.", "第一章", "第一节", "各位代表:", "政府工作报告", "锦州市", "全市", "我市", "凌河区");
    static final List<String> FURNITURE = List.of("【字体:大 中 小】", "【打印】", "【关闭】", "来源:锦州市人民政府", "发布时间:2024-01-30",
            "首页 > 政务公开", "<br>", "&nbsp;", "\u3000", "\t", "\r\n", "\n\n", " ", "|", "</p><p>", "<script>alert(1)</script>");

    @Provide
    Arbitrary<String> chineseIsh() {
        Arbitrary<String> han = Arbitraries.strings().withChars(HAN).ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e9).ofScale(2).map(String::valueOf),
                Arbitraries.integers().between(0, 100_000).map(String::valueOf));
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, han), net.jqwik.api.Tuple.of(3, Arbitraries.of(INDICATOR_WORDS)),
                net.jqwik.api.Tuple.of(2, number), net.jqwik.api.Tuple.of(1, Arbitraries.of(FURNITURE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("。", ",", ",", ";", "、", "\n", ":", "(", ")", "“", "”")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(5)));
        return piece.list().ofMaxSize(300).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> keys = Arbitraries.of("ce_specversion", "ce_id", "ce_source", "ce_type", "content-type", "ce-id",
                "ce_datacontenttype", "x-other");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("1.0", "0.3", "application/json",
                "application/cloudevents+json", "text/plain", ""), Arbitraries.strings().ofMaxLength(20));
        return Arbitraries.maps(keys, values).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> rawJson() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of((Object) true, (Object) false),
                Arbitraries.just((Object) "https://example.gov.cn/r"), chineseIsh().map(s -> (Object) s),
                Arbitraries.of((Object) "text/plain", "text/html; charset=gbk", "application/pdf", "TEXT/HTML", ""),
                Arbitraries.of((Object) "UTF-8", "GBK", "GB18030", "Big5", "latin1", "nonsense"),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                        .ofMaxLength(200).map(s -> (Object) s));
        Arbitrary<String> fields = Arbitraries.of("sourceUrl", "contentType", "content", "contentBase64", "charset", "fetchedAt",
                "fileName", "hints", "title", "region", "year", "data", "specversion");
        Arbitrary<Object> hints = Combinators.combine(scalar, scalar, scalar).as((a, b, c) -> {
            Map<String, Object> m = new HashMap<>();
            m.put("title", a);
            m.put("region", b);
            m.put("year", c);
            return (Object) m;
        });
        return Arbitraries.maps(fields, Arbitraries.oneOf(scalar, hints, scalar.list().ofMaxSize(3).map(l -> (Object) l)))
                .ofMaxSize(9).map(Json::write);
    }

    @Provide
    Arbitrary<String> cloudEvents() {
        return Combinators.combine(rawJson(), Arbitraries.of("1.0", "0.3", ""), Arbitraries.of("data", "data_base64", "nodata"),
                Arbitraries.of(true, false)).as((raw, version, mode, withId) -> {
            Map<String, Object> ce = new HashMap<>();
            ce.put("specversion", version);
            if (withId) {
                ce.put("id", "1");
            }
            ce.put("source", "fuzz");
            ce.put("type", "report");
            if (mode.equals("data")) {
                try {
                    ce.put("data", Json.mapper().readTree(raw));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            } else if (mode.equals("data_base64")) {
                ce.put("data_base64", Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
            }
            return Json.write(ce);
        });
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "utf8", "GB18030", "GBK", "GB2312", "Big5", "ISO-8859-1", "EBCDIC", "", "x-unknown")
                .injectNull(0.3);
    }

    @Provide
    Arbitrary<String> charsetsOrNull() {
        return Arbitraries.of("UTF-8", "GBK", "Big5").injectNull(0.5);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("text/plain", "text/html", "text/plain; charset=gbk", "text/html;charset=\"utf-8\"",
                "application/xhtml+xml", "", "TEXT/PLAIN");
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "GB18030", "GBK");
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(0, 3000);
    }

    @Provide
    Arbitrary<byte[]> sample() {
        return Arbitraries.of(Samples.ALL).map(Samples::bytes);
    }

    @Provide
    Arbitrary<String> sampleText() {
        // the bundle is 1 MB: a window of it; the others whole
        return Combinators.combine(Arbitraries.of(Samples.ALL), Arbitraries.integers().between(0, 900_000))
                .as((name, at) -> {
                    String t = Samples.text(name);
                    if (t.length() <= 60_000) {
                        return t;
                    }
                    int from = Math.min(at, t.length() - 60_000);
                    return t.substring(from, from + 60_000);
                });
    }

    @Provide
    Arbitrary<double[]> cuts() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1))
                .as((a, b) -> new double[]{a, b});
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(-128, 127))
                .as((at, v) -> new int[]{at, v}).list().ofMaxSize(40);
    }
}
