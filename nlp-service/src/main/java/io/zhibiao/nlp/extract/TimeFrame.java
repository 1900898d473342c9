package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.ReportMetadata;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a fact is about and what kind it is. A work report of year Y looks back on Y-1 (actual) and sets
 * targets for Y; a five-year plan looks back on the last year of the previous plan (actual) and sets goals
 * for the last year of its own (plan_target). Headings say which part of the document a sentence is in;
 * words in the sentence (到2020年末, 今年, "十三五"时期, 主要预期目标) say more precisely.
 */
final class TimeFrame {
    /** The year looked back on, the year ahead, or the next five years (今后五年的目标任务). */
    enum Part { REVIEW, OUTLOOK, FIVE_YEARS_AHEAD }

    /**
     * A kind and the year it is about, and where the year came from: {@code clause} (a year at the head of the
     * fact's clause, 2023年,全市…), {@code plan} (a plan period there, “十三五”时期), {@code paragraph} (a year an
     * earlier sentence of the paragraph named), {@code change} (the base year of a change's start), or
     * {@code document} (the document's years and the part it is in); null when there is no period.
     */
    record When(String kind, Integer period, String periodFrom) {
        When(String kind, Integer period) {
            this(kind, period, null);
        }
    }

    private static final List<String> REVIEW_HEADING = List.of(
            "回顾", "过去一年", "过去五年", "工作总结", "发展成就", "新成就", "完成情况", "规划背景", "发展基础", "十三五");
    private static final List<String> OUTLOOK_HEADING = List.of(
            "目标", "任务", "安排", "重点工作", "总体要求", "工作思路", "今年", "发展构想", "主要指标", "指导思想");
    private static final List<String> FIVE_YEARS_AHEAD_HEADING = List.of("今后五年", "未来五年");
    private static final List<String> TITLE = List.of("工作报告", "纲要", "国民经济和社会发展");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d(?=年)");
    /** 到2020年末, 2022年, 到2025年 at the head of a clause. */
    private static final Pattern CLAUSE_YEAR = Pattern.compile(
            "(?:^|[,，;；:：。])(?:据初步统计[,，]?|预计|初步核算[,，]?|其中[,，]?)?(?:到|截至|至)?((?:19|20)\\d\\d)年(?:末|底|全年)?"
                    + "(?!以来|以前|以后|前|后|起|至|到|和|、|的|比|相比|同期|及|与|基础上|水平|翻)"
                    + "|到((?:19|20)\\d\\d)年|为((?:19|20)\\d\\d)年(?=设定|确定|制定|提出)");
    /** "十三五"时期, 十四五期间, "十四五"末 */
    private static final Pattern PLAN_PERIOD = Pattern.compile("(十[一二三四五六七八九]五)”?(?:时期|期间|期末|末|以来|规划期)");
    /** 目前, 当前, 现在: the present, which a plan's outlook compares its goals with. */
    private static final List<String> NOW = WordList.of("目前", "当前", "现在");
    private static final Pattern THIS_YEAR = Pattern.compile("今年|年内|全年目标");
    private static final Pattern LAST_YEAR = Pattern.compile("(?<![比较])(?:去年|上年)(?!同期)");
    /** In the outlook, a sentence that looks back: 报告显示,过去五年顺德地区生产总值年均增长6.7%. */
    private static final List<String> LOOKING_BACK = WordList.of("过去五年", "过去一年", "过去的一年", "五年来", "一年来", "回顾");

    private final boolean plan;
    private final Integer year;
    private final Integer reviewed;
    private final int planFirstYear;

    private TimeFrame(boolean plan, Integer year, Integer reviewed, int planFirstYear) {
        this.plan = plan;
        this.year = year;
        this.reviewed = reviewed;
        this.planFirstYear = planFirstYear;
    }

    static TimeFrame of(ReportMetadata metadata, String text) {
        String docType = metadata == null ? null : metadata.docType();
        String title = metadata == null || metadata.title() == null ? "" : metadata.title();
        boolean plan = "five_year_plan".equals(docType)
                || (docType == null && (title.contains("五年规划") || title.contains("五规划")));
        Integer year = metadata == null ? null : metadata.year();
        Integer reviewed = metadata == null ? null : metadata.reviewedYear();
        if (reviewed == null && year != null) {
            reviewed = year - 1;
        }
        int planFirst = 0;
        if (plan) {
            Matcher m = Pattern.compile("十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年").matcher(title + text.substring(0, Math.min(text.length(), 3000)));
            if (m.find()) {
                String d = m.group(1) != null ? m.group(1) : m.group(2);
                planFirst = planFirstYear(10 + "一二三四五六七八九".indexOf(d) + 1);
            } else if (year != null) {
                planFirst = year;
            }
        }
        return new TimeFrame(plan, year, reviewed, planFirst);
    }

    /** The first year of the n-th five-year plan (the sixth began in 1981). */
    static int planFirstYear(int n) {
        return 1981 + 5 * (n - 6);
    }

    /**
     * The base year of a change's start: its own (由2006年的1595亿元), the last one the paragraph gave
     * ({@code baseYear}: 由2006年的1595亿元增长到3077亿元…区级财政收入由89亿元增长到229亿元), or the year before the
     * plan period the sentence names (回顾整个“十四五”时期,广东地区生产总值从11.47万亿元增长至14.58万亿元 → 2020);
     * null when nothing says.
     */
    static Integer changeStartYear(Integer own, Integer baseYear, String before) {
        if (own != null) {
            return own;
        }
        if (baseYear != null) {
            return baseYear;
        }
        Matcher p = PLAN_PERIOD.matcher(before);
        Integer start = null;
        while (p.find()) {
            int n = 10 + "一二三四五六七八九".indexOf(p.group(1).charAt(1)) + 1;
            start = planFirstYear(n) - 1;
        }
        return start;
    }

    /** Only the latest year's figures are estimates: 由2006年的1595亿元 in a 预计 sentence is an outcome. */
    boolean mayBeEstimated(Integer period) {
        Integer latest = plan ? (planFirstYear == 0 ? null : planFirstYear - 1) : reviewed;
        return period == null || latest == null || period >= latest;
    }

    boolean isPlan() {
        return plan;
    }

    /** The first year of the plan a five-year plan document is (十四五 → 2021); 0 for another document or when unknown. */
    int planFirstYear() {
        return plan ? planFirstYear : 0;
    }

    /** The document's year (a work report's, a plan's issue), or null. */
    Integer year() {
        return year;
    }

    /** Words of a digest's opening paragraphs that say which part of a report it retells. */
    private static final List<String> LEAD_REVIEW = List.of("回顾", "过去一年", "一年来", "去年", "预计", "初步核算");
    private static final List<String> LEAD_OUTLOOK = List.of("新的一年", "新目标", "预期目标", "目标是", "今年");

    /** What an opening paragraph retells, by the first cue in it; null when it has none. */
    Part leadCue(String text, int start, int end) {
        int review = firstIndexOfAny(text, start, end, LEAD_REVIEW);
        int outlook = firstIndexOfAny(text, start, end, LEAD_OUTLOOK);
        if (review < 0 && outlook < 0) {
            return null;
        }
        return outlook >= 0 && (review < 0 || outlook < review) ? Part.OUTLOOK : Part.REVIEW;
    }

    /**
     * A paragraph that ends in a colon and announces what follows (2016年全省国民经济和社会发展主要预期目标是:,
     * 2011年,我们主要做了以下工作:) opens a part as a heading does; null for any other paragraph.
     */
    Part classifyListLead(String text, int start, int end) {
        if (end <= start || end - start > 80 || (text.charAt(end - 1) != ':' && text.charAt(end - 1) != '：')) {
            return null;
        }
        String lead = text.substring(start, end - 1);
        if (hasTargetCue(lead)) {
            return Part.OUTLOOK;
        }
        return classify(lead.replace("国民经济和社会发展", ""));
    }

    /**
     * Where an estimate frame opens the text of a paragraph ({@code 初步预计,2019年,…}, {@code 预计全年:},
     * {@code 2024年预计全省…}): at the head of a clause, before its subject. -1 when there is none.
     */
    static int estimateFrame(String text, int from, int to) {
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (c != '预' && c != '初' && c != '据') {
                continue;
            }
            for (String w : Cues.ESTIMATE_FRAME) {
                if (w.charAt(0) == c && at + w.length() <= to && Cues.regionMatches(text, at, w) && clauseHead(text, from, at)) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** Nothing but a clause boundary, a year, or words of saying (报告透露,) before {@code at} in its clause. */
    private static boolean clauseHead(String text, int from, int at) {
        int i = at;
        while (i > from && Character.isDigit(text.charAt(i - 1)) || i > from && text.charAt(i - 1) == '年') {
            i--;
        }
        return i == from || ",，:：。;；".indexOf(text.charAt(i - 1)) >= 0;
    }

    /** 7%(预计,下同), 7%(预计): a note right after a value that marks it as an estimate. */
    static boolean estimateNoteAfter(String text, int valueEnd, int end) {
        int i = valueEnd;
        if (i >= end || (text.charAt(i) != '(' && text.charAt(i) != '（')) {
            return false;
        }
        return Cues.containsAny(text, i + 1, Math.min(end, i + 8), Cues.ESTIMATE);
    }

    /** (预计,下同): the note holds for every figure after it. */
    static boolean estimateNoteOnward(String text, int valueEnd, int end) {
        return estimateNoteAfter(text, valueEnd, end) && Cues.containsAny(text, valueEnd, Math.min(end, valueEnd + 10),
                List.of("下同"));
    }

    private static int firstIndexOfAny(String text, int from, int to, List<String> words) {
        int best = -1;
        for (String w : words) {
            int at = Cues.indexOf(text, from, to - w.length() + 1, w);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** Which part of the document a heading opens, or null if it does not say. */
    Part classify(String heading) {
        if (heading == null || Cues.containsAny(heading, 0, heading.length(), TITLE)) {
            return null;
        }
        if (Cues.containsAny(heading, 0, heading.length(), REVIEW_HEADING)) {
            return Part.REVIEW;
        }
        if (!plan && Cues.containsAny(heading, 0, heading.length(), FIVE_YEARS_AHEAD_HEADING)) {
            return Part.FIVE_YEARS_AHEAD;
        }
        Matcher m = YEAR.matcher(heading);
        if (m.find() && year != null && !plan) {
            return Integer.parseInt(m.group()) < year ? Part.REVIEW : Part.OUTLOOK;
        }
        if (Cues.containsAny(heading, 0, heading.length(), OUTLOOK_HEADING)) {
            return Part.OUTLOOK;
        }
        return null;
    }

    /**
     * The year a clause is explicitly about, from the text of its sentence before the fact: a year at the
     * head of a clause ({@code 2023年,全市…}, {@code 2024年预计全省…}, {@code 到2025年}) or a plan period
     * ({@code “十三五”时期}); null when it names none.
     */
    static Integer explicitYear(String before) {
        Integer explicit = clauseYear(before);
        if (explicit != null || before.indexOf('五') < 0) {
            return explicit;
        }
        Matcher p = PLAN_PERIOD.matcher(before);
        Integer planEnd = null;
        while (p.find()) {
            int n = 10 + "一二三四五六七八九".indexOf(p.group(1).charAt(1)) + 1;
            planEnd = planFirstYear(n) + 4;
        }
        return explicit != null ? explicit : planEnd;
    }

    /** The last year at the head of a clause of {@code before}, or null (plan periods not counted). */
    static Integer clauseYear(String before) {
        if (!namesAYear(before, 0, before.length())) {
            return null;
        }
        Integer explicit = null;
        Matcher m = CLAUSE_YEAR.matcher(before);
        while (m.find()) {
            explicit = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return explicit;
    }

    /** 目前, 当前, 现在 at the head of a clause: the present, which a plan's outlook compares its goals with. */
    static boolean speaksOfNow(String before) {
        for (int at = Cues.lastIndexOfAny(before, 0, before.length(), NOW); at >= 0;
             at = at == 0 ? -1 : Cues.lastIndexOfAny(before, 0, at, NOW)) {
            if (at == 0 || ",，;；。".indexOf(before.charAt(at - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Does {@code text[from, to)} hold a year written in digits (2023年)? A cheap test before the patterns. */
    static boolean namesAYear(CharSequence text, int from, int to) {
        for (int i = from + 4; i < to; i++) {
            if (text.charAt(i) == '年' && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i - 4))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Kind and period of a fact read at {@code r}, within a part of the document.
     *
     * @param sentenceStart where the fact's sentence starts (a sentence runs to 。！？, over ；)
     * @param topicYear     the year an earlier sentence of the paragraph named ({@code 2012年,全市生产总值…;
     *                      地方财政收入…}), or null
     * @param ownYear       the year the clause gives the value itself ({@code 由2006年的1595亿元}), or null
     */
    When when(Part part, String text, int sentenceStart, Reading r, Integer topicYear, Integer ownYear) {
        String before = text.substring(sentenceStart, r.start());
        Integer clause = clauseYear(before);
        Integer named = clause != null ? clause : explicitYear(before);
        boolean current = speaksOfNow(before);
        String from;
        Integer explicit;
        if (ownYear != null) {
            from = r.changeStart() && r.year() == null ? "change" : "clause";
            explicit = ownYear;
        } else if (named != null) {
            from = clause != null ? "clause" : "plan";
            explicit = named;
        } else if (topicYear != null && !current) {
            from = "paragraph";
            explicit = topicYear;
        } else {
            from = null;
            explicit = null;
        }
        When w = decide(part, before, r, explicit, clause == null && named != null);
        if (w.period() == null) {
            return w;
        }
        return new When(w.kind(), w.period(), from != null && w.period().equals(explicit) ? from : "document");
    }

    /**
     * @param explicit  the year the clause, its plan period or its paragraph names, or null
     * @param planGoal  that year is the end of a plan period the clause names (“十二五”时期…)
     */
    private When decide(Part part, String before, Reading r, Integer explicit, boolean planGoal) {
        boolean expected = r.expected();
        boolean ranked = r.ranked();
        boolean targetCue = hasTargetCue(before) || r.targetWording();
        if (ranked || part != Part.REVIEW && !targetCue && Cues.containsAny(before, 0, before.length(), LOOKING_BACK)) {
            if (explicit != null && (year == null || explicit < year)) {
                return new When("actual", explicit);
            }
            return new When("actual", plan ? (planFirstYear == 0 ? null : planFirstYear - 1) : reviewed);
        }
        if (expected) {
            Integer period = explicit != null ? explicit : part == Part.OUTLOOK ? year : reviewed;
            return new When("target", period);
        }
        if (explicit != null && year != null) {
            return byYear(explicit);
        }
        if (explicit != null) {
            // the document's year is unknown: the clause's own words say what kind of number it is
            if (plan) {
                return planFirstYear != 0 && explicit < planFirstYear || part == Part.REVIEW && !targetCue
                        ? new When("actual", explicit) : new When("plan_target", explicit);
            }
            boolean estimate = Cues.containsAny(before, 0, before.length(), Cues.ESTIMATE);
            boolean ahead = targetCue && !estimate || part == Part.OUTLOOK && !estimate;
            // “十二五”时期…主要预期目标是: the goal of a plan period is a plan's target
            String kind = !ahead ? "actual" : planGoal ? "plan_target" : "target";
            return new When(kind, explicit);
        }
        if (plan) {
            if (speaksOfNow(before)) {
                return new When("actual", planFirstYear == 0 ? null : planFirstYear - 1);
            }
            if (planFirstYear == 0) {
                return new When(part == Part.REVIEW ? "actual" : "plan_target", null);
            }
            return part == Part.REVIEW ? new When("actual", planFirstYear - 1) : new When("plan_target", planFirstYear + 4);
        }
        if (part == Part.FIVE_YEARS_AHEAD) {
            return new When("plan_target", year == null ? null : year + 4);
        }
        if (targetCue) {
            return new When("target", year);
        }
        if (part == Part.OUTLOOK && LAST_YEAR.matcher(before).find() && !THIS_YEAR.matcher(before).find()) {
            return new When("actual", reviewed);
        }
        return part == Part.REVIEW ? new When("actual", reviewed) : new When("target", year);
    }

    /**
     * 主要预期目标是:, 报告提出, 目标为 — but not 完成全年主要目标任务 (a review that says the targets were met).
     */
    static boolean hasTargetCue(String before) {
        int at = Cues.lastIndexOfAny(before, 0, before.length(), Cues.TARGET);
        if (at < 0) {
            return false;
        }
        return !Cues.endsWithAny(before, at, Math.max(0, at - 6), Cues.TARGET_MET)
                && !Cues.containsAny(before, Math.max(0, at - 6), at, Cues.TARGET_MET);
    }

    private When byYear(int y) {
        if (plan) {
            return y < planFirstYear || planFirstYear == 0 && year != null && y < year
                    ? new When("actual", y) : new When("plan_target", y);
        }
        if (y < year) {
            return new When("actual", y);
        }
        return y == year ? new When("target", y) : new When("plan_target", y);
    }
}
