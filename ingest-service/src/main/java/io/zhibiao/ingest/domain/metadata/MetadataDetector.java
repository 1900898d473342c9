package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.ingest.domain.region.Division;
import io.zhibiao.ingest.domain.region.RegionResolver;
import io.zhibiao.ingest.domain.region.SourceSite;
import io.zhibiao.ingest.domain.split.BundleSplitter.Segment;
import io.zhibiao.ingest.domain.split.ReportTitle;

import io.zhibiao.contracts.words.NormalizedText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a report is: issuing region, type, years, title, speaker, whether it is a fragment.
 *
 * <p>The issuing region comes from, in this order: the title ({@code 2023年彬州市政府工作报告},
 * {@code (辽宁省)锦州市凌河区…规划}), the speaker's line ({@code 锦州市人民政府市长 王心宇}), then the clues of
 * {@link IssuerClues} in the text (the opening sentence {@code 现在,我代表沈阳市人民政府,向大会报告工作}, the
 * session line, a portal's metadata rows), the producer's hint, the weaker clues of a news lead
 * ({@code 河北省省长王正谱作河北省人民政府工作报告}), and last the places the text names
 * ({@link RegionResolver#inferFromText}), and for a text that names none, the site it came from
 * ({@link SourceSite}: {@code z.hangzhou.com.cn}). A name several units share is settled by the text around it.
 * The metadata's {@code foundBy} says which of these gave the region and the years.
 */
public final class MetadataDetector {
    static final int UNTITLED_FIRST_LINE_AS_TITLE = 60;

    private final RegionResolver regions;
    private final SourceSite sites;

    public MetadataDetector(RegionResolver regions) {
        this.regions = regions;
        this.sites = new SourceSite(regions.directory());
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
        // rules read the lines in one way of writing: simplified script, no spaces left by layout
        List<String> lines = segment.lines().stream().map(NormalizedText::normalize).toList();
        String text = WrappedLines.join(lines);
        Optional<ReportTitle> title = segment.title()
                .or(() -> segment.lines().isEmpty() ? Optional.empty() : ReportTitle.parseLeading(segment.lines().get(0)));
        DocumentKind kind = DocumentKind.of(title, text);
        Optional<SpeakerLine> speaker = SpeakerLine.find(segment.lines());
        RawReport.Hints hints = page.hints();
        ReportYears years = ReportYears.of(kind, title, lines, hints == null ? null : hints.year(), page.publishedAt());
        Optional<Found> region = region(title, speaker, text, hints, page.sourceUrl());
        boolean fragment = FragmentStart.isFragment(title, segment.lines(), kind);
        Map<String, String> foundBy = new LinkedHashMap<>();
        region.ifPresent(r -> foundBy.put("region", r.how()));
        if (years.yearFoundBy() != null) {
            foundBy.put("year", years.yearFoundBy());
        }
        if (years.reviewedFoundBy() != null) {
            foundBy.put("reviewedYear", years.reviewedFoundBy());
        }
        Region issuer = region.map(Found::region).orElse(null);
        return new ReportMetadata(
                title(title, segment.lines(), kind, issuer, years, hints),
                issuer,
                kind.id(),
                years.year(),
                years.reviewedYear(),
                speaker.map(SpeakerLine::display).orElse(null),
                fragment,
                page.sourceUrl(),
                page.sourceName(),
                segment.index(),
                page.publishedAt(),
                page.publisher(),
                foundBy);
    }

    /** A region and how it was found (the names are those of {@link IssuerClues}). */
    record Found(Region region, String how) {
    }

    Optional<Found> region(Optional<ReportTitle> title, Optional<SpeakerLine> speaker, String text, RawReport.Hints hints,
                           String sourceUrl) {
        RegionResolver.Mentions mentions = regions.mentions(text);
        String hintRegion = hints == null ? null : hints.region();
        List<String> scopes = new ArrayList<>();
        title.map(ReportTitle::scope).ifPresent(scopes::add);
        if (hintRegion != null) {
            scopes.add(hintRegion);
        }
        List<IssuerClues.Clue> clues = new ArrayList<>();
        title.filter(t -> !t.issuer().isEmpty()).ifPresent(t -> clues.add(new IssuerClues.Clue(t.issuer(), "title")));
        speaker.map(SpeakerLine::organ).filter(o -> !o.isEmpty())
                .ifPresent(o -> clues.add(new IssuerClues.Clue(o, "speaker")));
        clues.addAll(IssuerClues.inText(text));
        if (hintRegion != null) {
            clues.add(new IssuerClues.Clue(hintRegion, "hint"));
        }
        clues.addAll(IssuerClues.inLead(text));
        Optional<RegionResolver.Resolution> resolved = Optional.empty();
        String how = null;
        for (IssuerClues.Clue clue : clues) {
            resolved = clue.loose() ? resolveEnding(clue.written(), mentions, scopes)
                    : regions.resolveName(clue.written(), mentions, scopes);
            if (resolved.isPresent()) {
                how = clue.how();
                break;
            }
        }
        Optional<RegionResolver.Resolution> fromText = regions.inferFromText(mentions);
        if (resolved.isEmpty() && fromText.isPresent()) {
            resolved = fromText;
            how = "text";
        } else if (resolved.isPresent() && resolved.get().ambiguous() && fromText.isPresent() && fromText.get().division() != null
                && resolved.get().candidates().contains(fromText.get().division())) {
            resolved = fromText;
        }
        if (resolved.isEmpty()) {
            // a text that never names its government: the site it was fetched from may (z.hangzhou.com.cn)
            Division site = sites.place(sourceUrl);
            if (site != null) {
                return Optional.of(new Found(site.toRegion(), "site"));
            }
        }
        if (resolved.isEmpty() && IssuerClues.speaksOfTheCountry(text)) {
            return Optional.of(new Found(RegionResolver.CHINA, "self"));
        }
        String by = how;
        return resolved.map(r -> new Found(r.region(), by));
    }

    /** The shortest ending of a name cut out of running text that names a place: 南昌联合召开江西省 → 江西省. */
    private Optional<RegionResolver.Resolution> resolveEnding(String written, RegionResolver.Mentions mentions,
                                                              List<String> scopes) {
        for (int from = written.length() - 2; from >= 0; from--) {
            Optional<RegionResolver.Resolution> r = regions.resolveName(written.substring(from), mentions, scopes);
            if (r.isPresent()) {
                // 广东省佛山市顺德区: the enclosing names before it settle a shared name, so take them along
                Optional<RegionResolver.Resolution> whole = regions.resolveName(written, mentions, scopes);
                return whole.isPresent() && whole.get().region().name().equals(r.get().region().name()) ? whole : r;
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
