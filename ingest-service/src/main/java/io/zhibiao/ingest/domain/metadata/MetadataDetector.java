package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.region.RegionResolver;
import io.zhibiao.ingest.domain.split.BundleSplitter.Segment;
import io.zhibiao.ingest.domain.split.ReportTitle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report is: issuing region, type, years, title, speaker, whether it is a fragment.
 *
 * <p>The issuing region comes from, in this order: the title ({@code 2023年彬州市政府工作报告},
 * {@code (辽宁省)锦州市凌河区…规划}), the speaker's line ({@code 锦州市人民政府市长 王心宇}), the opening
 * sentence ({@code 现在,我代表沈阳市人民政府,向大会报告工作}), the producer's hint, and last the places
 * the text names ({@link RegionResolver#inferFromText}). A name several units share is settled by the
 * text around it.
 */
public final class MetadataDetector {
    /** 我代表沈阳市人民政府 / 我代表国务院, in the first lines; 我代表市人民政府 names nobody. */
    static final Pattern OPENING = Pattern.compile("我代表(\\p{IsHan}{2,20}?人民政府|国务院)");
    static final int OPENING_LINES = 10;
    static final int UNTITLED_FIRST_LINE_AS_TITLE = 60;

    private final RegionResolver regions;

    public MetadataDetector(RegionResolver regions) {
        this.regions = regions;
    }

    /**
     * What the page and the producer say about a report, apart from its text.
     *
     * @param hints the producer's hints, or null: they describe a whole input, so they are given only
     *              when the input holds one report
     */
    public record PageContext(String sourceUrl, String sourceName, RawReport.Hints hints, String publishedAt,
                              String publisher) {
    }

    public ReportMetadata detect(Segment segment, PageContext page) {
        List<String> lines = segment.lines();
        String text = segment.text();
        Optional<ReportTitle> title = segment.title();
        DocumentKind kind = DocumentKind.of(title, text);
        Optional<SpeakerLine> speaker = SpeakerLine.find(lines);
        RawReport.Hints hints = page.hints();
        ReportYears years = ReportYears.of(kind, title, lines, hints == null ? null : hints.year(), page.publishedAt());
        Region region = region(title, speaker, lines, text, hints).orElse(null);
        boolean fragment = FragmentStart.isFragment(title, lines, kind);
        return new ReportMetadata(
                title(title, lines, kind, region, years, hints),
                region,
                kind.id(),
                years.year(),
                years.reviewedYear(),
                speaker.map(SpeakerLine::display).orElse(null),
                fragment,
                page.sourceUrl(),
                page.sourceName(),
                segment.index(),
                page.publishedAt(),
                page.publisher());
    }

    Optional<Region> region(Optional<ReportTitle> title, Optional<SpeakerLine> speaker, List<String> lines, String text,
                            RawReport.Hints hints) {
        RegionResolver.Mentions mentions = regions.mentions(text);
        String hintRegion = hints == null ? null : hints.region();
        List<String> scopes = new ArrayList<>();
        title.map(ReportTitle::scope).ifPresent(scopes::add);
        if (hintRegion != null) {
            scopes.add(hintRegion);
        }
        List<String> written = new ArrayList<>();
        title.filter(t -> !t.issuer().isEmpty()).ifPresent(t -> written.add(t.issuer()));
        speaker.map(SpeakerLine::organ).filter(o -> !o.isEmpty()).ifPresent(written::add);
        opening(lines).ifPresent(written::add);
        if (hintRegion != null) {
            written.add(hintRegion);
        }
        Optional<RegionResolver.Resolution> resolved = Optional.empty();
        for (String name : written) {
            resolved = regions.resolveName(name, mentions, scopes);
            if (resolved.isPresent()) {
                break;
            }
        }
        Optional<RegionResolver.Resolution> fromText = regions.inferFromText(mentions);
        if (resolved.isEmpty()) {
            resolved = fromText;
        } else if (resolved.get().ambiguous() && fromText.isPresent() && fromText.get().division() != null
                && resolved.get().candidates().contains(fromText.get().division())) {
            resolved = fromText;
        }
        return resolved.map(RegionResolver.Resolution::region);
    }

    private static Optional<String> opening(List<String> lines) {
        for (int i = 0; i < Math.min(OPENING_LINES, lines.size()); i++) {
            Matcher m = OPENING.matcher(lines.get(i));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The title as written; else the producer's; else rebuilt from what is known
     * ({@code 2024年沈阳市政府工作报告}); else, for other documents, a short first line.
     */
    static String title(Optional<ReportTitle> title, List<String> lines, DocumentKind kind, Region region,
                        ReportYears years, RawReport.Hints hints) {
        if (title.isPresent()) {
            return title.get().line();
        }
        if (hints != null && hints.title() != null && !hints.title().isBlank()) {
            return hints.title().strip();
        }
        String place = region == null ? "" : region.name();
        return switch (kind) {
            case WORK_REPORT -> (years.year() == null ? "" : years.year() + "年") + place + "政府工作报告";
            case FIVE_YEAR_PLAN -> place + "国民经济和社会发展五年规划纲要";
            case OTHER -> !lines.isEmpty() && lines.get(0).length() <= UNTITLED_FIRST_LINE_AS_TITLE ? lines.get(0) : null;
        };
    }
}
