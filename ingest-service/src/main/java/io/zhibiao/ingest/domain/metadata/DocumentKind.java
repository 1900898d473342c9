package io.zhibiao.ingest.domain.metadata;

import io.zhibiao.ingest.domain.split.ReportTitle;

import java.util.List;
import java.util.Optional;

/**
 * The document types of {@code ReportMetadata.docType}, and how a text without a title line shows
 * which it is.
 */
public enum DocumentKind {
    WORK_REPORT("work_report"),
    FIVE_YEAR_PLAN("five_year_plan"),
    OTHER("other");

    /**
     * Phrases only a government work report uses; two of them make one. From the samples:
     * {@code 各位代表:}, {@code 现在,我代表沈阳市人民政府,向大会报告工作,请予审议}, the thanks of a
     * fragment {@code 向全体人大代表、政协委员…表示衷心的感谢}, headings {@code 一、2023年工作回顾},
     * {@code 三、全面加强政府自身建设}.
     */
    static final List<String> WORK_REPORT_PHRASES = List.of(
            "各位代表", "向大会报告工作", "请予审议", "政协委员", "人大代表", "工作回顾", "政府自身建设", "政府工作报告");

    /** Phrases at the head of a five-year plan: 第十四个五年规划, “十四五”规划, 规划纲要. */
    static final List<String> PLAN_PHRASES = List.of("个五年规划", "五年规划纲要", "十四五”规划", "十五五”规划", "规划纲要");

    /** In a text without a plan's heading, only the outline's own name marks a plan. */
    static final List<String> PLAN_OUTLINE_PHRASES = List.of("个五年规划纲要", "五年规划纲要", "规划纲要");

    /** Words of a text about one year: its targets, its plan (计划), its report. */
    static final List<String> ANNUAL_PHRASES = List.of("主要预期目标", "预期目标", "年度计划", "社会发展计划", "政府工作报告");

    /** The lines where a plan's name stands when the title line is missing or unrecognised. */
    static final int TITLE_LINES = 5;

    /** How far into a text its type must show. */
    static final int HEAD_CHARS = 3000;

    private final String id;

    DocumentKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DocumentKind of(Optional<ReportTitle> title, String text) {
        if (title.isPresent()) {
            return title.get().kind() == ReportTitle.Kind.WORK_REPORT ? WORK_REPORT : FIVE_YEAR_PLAN;
        }
        // a plan names itself in a heading among its first lines; a work report mentions the plan of
        // its period in sentences (今年是实施“十四五”规划纲要的关键一年)
        String firstLines = String.join("\n", text.lines().limit(TITLE_LINES)
                .filter(l -> l.length() <= 80 && !l.contains("。") && !l.contains(",")).toList());
        if (PLAN_PHRASES.stream().anyMatch(firstLines::contains)) {
            return FIVE_YEAR_PLAN;
        }
        if (WORK_REPORT_PHRASES.stream().filter(text::contains).count() >= 2) {
            return WORK_REPORT;
        }
        // a digest of a plan names the plan's outline (“十三五”规划纲要提出…); a text about one year's work names
        // the plan only as the frame of that year (是实施“十四五”规划的关键一年) and speaks of the year's targets
        String head = text.substring(0, Math.min(text.length(), HEAD_CHARS));
        if (PLAN_OUTLINE_PHRASES.stream().anyMatch(head::contains) && ANNUAL_PHRASES.stream().noneMatch(head::contains)) {
            return FIVE_YEAR_PLAN;
        }
        return text.contains("政府工作报告") ? WORK_REPORT : OTHER;
    }
}
