package io.zhibiao.cli.load;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.region.Division;
import io.zhibiao.ingest.domain.region.RegionDirectory;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Makes N distinct reports out of the sample corpus, the same N for the same seed: each a sample report
 * moved to another region of the same level (checked: ingestion detects the new region), to other years
 * and with other figures, sent as UTF-8 text, GB18030 bytes or an HTML page. Every report has its own
 * source URL and its own text, so its own document id (checked), and comes with what the pipeline must
 * make of it ({@link Expected}), computed by the services' code.
 */
public final class CorpusGenerator {
    /** Regions tried before a variant keeps its sample's region. */
    static final int REGION_ATTEMPTS = 6;
    /** Spread of the figures: each is scaled by a factor in 1 ± this. */
    static final double FIGURE_SPREAD = 0.2;

    private final List<BaseReport> bases;
    private final RegionDirectory directory = RegionDirectory.standard();
    private final ExpectedPipeline pipeline = new ExpectedPipeline();
    private final List<List<Division>> substitutes;

    public CorpusGenerator(List<BaseReport> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no sample reports to derive from");
        }
        this.bases = List.copyOf(bases);
        this.substitutes = this.bases.stream()
                .map(b -> b.division() == null ? List.<Division>of() : Variation.substitutes(b.division(), directory))
                .toList();
    }

    /** The generator over {@code samples/} of a checkout. */
    public static CorpusGenerator fromSamples(java.nio.file.Path samples) {
        return new CorpusGenerator(SampleCorpus.read(samples));
    }

    public List<BaseReport> bases() {
        return bases;
    }

    /**
     * {@code count} reports for the seed: report i is derived from sample report i mod (number of samples).
     * Runs on all cores; the result does not depend on their number.
     */
    public Corpus generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        GeneratedReport[] out = new GeneratedReport[count];
        IntStream.range(0, count).parallel().forEach(i -> out[i] = variant(i, seed, 0));
        // a collision of two variants' texts is all but impossible; if it happens, the later one is made again
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int attempt = 0;
            while (!ids.add(out[i].expected().documentId())) {
                out[i] = variant(i, seed, ++attempt);
            }
        }
        return new Corpus(seed, List.of(out));
    }

    /** Report {@code i} of the seed's corpus. */
    GeneratedReport variant(int i, long seed, int attempt) {
        BaseReport base = bases.get(i % bases.size());
        List<Division> targets = substitutes.get(i % bases.size());
        Random random = new Random(mix(seed, i, attempt));
        int yearDelta = random.nextInt(6) - 3;
        String figures = Variation.varyFigures(Variation.shiftYears(base.text(), yearDelta), FIGURE_SPREAD, random);
        GeneratedReport.Encoding encoding = encoding(random);
        String fileName = String.format(Locale.ROOT, "r%05d%s", i, encoding.extension());
        String sourceUrl = String.format(Locale.ROOT, "https://load.zhibiao.test/s%d/%s%s", seed, fileName,
                attempt == 0 ? "" : "?attempt=" + attempt);
        Instant fetchedAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        for (int tryRegion = 0; tryRegion <= REGION_ATTEMPTS && !targets.isEmpty(); tryRegion++) {
            Division target = targets.get(random.nextInt(targets.size()));
            String text = Variation.replaceAll(figures, Variation.renames(base.division(), target, directory));
            GeneratedReport g = tryMake(i, fileName, sourceUrl, fetchedAt, base, text, encoding, target.code());
            if (g == null && encoding != GeneratedReport.Encoding.UTF8_TEXT) {
                g = tryMake(i, fileName.replace(".html", ".txt"), sourceUrl.replace(".html", ".txt"), fetchedAt, base,
                        text, GeneratedReport.Encoding.UTF8_TEXT, target.code());
            }
            if (g != null) {
                return g;
            }
        }
        // no region would do: the sample's own region, other years and figures
        String own = base.division() == null ? null : base.division().code();
        GeneratedReport g = tryMake(i, fileName, sourceUrl, fetchedAt, base, figures, GeneratedReport.Encoding.UTF8_TEXT, own);
        if (g == null) {
            g = tryMake(i, fileName, sourceUrl, fetchedAt, base, figures, GeneratedReport.Encoding.UTF8_TEXT, null);
        }
        if (g == null) {
            throw new IllegalStateException("sample report " + base.name() + " does not survive ingestion as report " + i);
        }
        return g;
    }

    /** The report, if ingestion makes exactly one document of it, from the expected region (when one is given). */
    private GeneratedReport tryMake(int i, String fileName, String sourceUrl, Instant fetchedAt, BaseReport base,
                                    String text, GeneratedReport.Encoding encoding, String regionCode) {
        byte[] bytes = (encoding == GeneratedReport.Encoding.HTML ? html(text) : text).getBytes(encoding.charset());
        GeneratedReport draft = new GeneratedReport(i, fileName, sourceUrl, encoding, bytes, fetchedAt, base.name(), null);
        RawReport raw = draft.toRawReport();
        List<Expected> expected;
        try {
            var docs = pipeline.ingest(raw);
            if (docs.size() != 1) {
                return null;
            }
            if (regionCode != null && (docs.get(0).metadata().region() == null
                    || !regionCode.equals(docs.get(0).metadata().region().code()))) {
                return null;
            }
            expected = List.of(pipeline.expect(docs.get(0)));
        } catch (RejectedInputException e) {
            return null;
        }
        return new GeneratedReport(i, fileName, sourceUrl, encoding, bytes, fetchedAt, base.name(), expected.get(0));
    }

    /** 80 % UTF-8 text, 12 % GB18030 bytes, 8 % HTML pages. */
    private static GeneratedReport.Encoding encoding(Random random) {
        int r = random.nextInt(100);
        return r < 80 ? GeneratedReport.Encoding.UTF8_TEXT
                : r < 92 ? GeneratedReport.Encoding.GB18030_BASE64 : GeneratedReport.Encoding.HTML;
    }

    /** The text as a simple government web page: a title, a script, a navigation line, one paragraph per line. */
    static String html(String text) {
        String[] lines = text.split("\n");
        StringBuilder sb = new StringBuilder(text.length() * 11 / 10 + 400);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(lines.length == 0 ? "" : lines[0]))
                .append("</title><script>var _hmt = _hmt || []; if (1 < 2) { document.title += ''; }</script>")
                .append("<style>p { text-indent: 2em; }</style></head>\n<body><div class=\"article\">\n");
        for (String line : lines) {
            if (!line.isBlank()) {
                sb.append("<p>").append(escape(line)).append("</p>\n");
            }
        }
        return sb.append("</div></body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static long mix(long seed, int i, int attempt) {
        long h = seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + attempt * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Statistics of a corpus, for a report line. */
    public static Map<String, Long> encodings(Corpus corpus) {
        return corpus.reports().stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.encoding().name(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
}
