package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.words.NormalizedText;
import io.zhibiao.nlp.segment.TableLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule {@value #RULE}: the rows of an indicator table (a plan's 主要指标 table) as ingestion writes them, one row a
 * line with its cells separated by {@code " | "} ({@link TableLine}):
 * <pre>
 * 表1 “十四五”时期经济社会发展主要指标
 * 类别 | 指标 | 单位 | 2020年 | 2025年 | 年均增长 | 属性
 * 经济发展 | 地区生产总值增长 | % | 3.6 | — | 6左右 | 预期性
 * 一般公共预算收入 | 亿元 | 312 | 400 | 5 | 预期性
 * </pre>
 * A header row says what each column is (the indicator, its unit, a base year, a target year, the average growth over
 * the plan, a cumulative figure, the attribute); without one a row is read as
 * {@code indicator | unit | base-year value | target value | attribute}. The base year's cell is an {@code actual}, a
 * target's a {@code plan_target} (a work report's own year: a {@code target}), an average growth a growth
 * {@code plan_target}. The years come from the header ({@code 2020年}, {@code “十四五”目标}), else from the table's
 * caption ({@code 表1 “十四五”时期…}), else from the plan the document is; a cell without a year is no fact.
 *
 * <p>Only names the lexicon knows become facts, and only when the name cell is that name alone, or with a word that
 * says the measure ({@code 增长}, {@code 年均增长}, {@code 降低}, {@code 比重}) and its unit in parentheses
 * ({@code 地区生产总值(亿元)}); any other row is skipped. A value in square brackets ({@code [14.5]}) or in a
 * cumulative column is a change over the whole plan: the figure of an indicator whose goals are such changes (energy
 * intensity, {@code cumulative=yes} in the lexicon), no fact for the others (a sum over five years), as in prose.
 * Every fact's quote is its whole row. Stateless after construction.
 */
final class TableRows {
    /** The name of the rule, in each of its facts' {@code foundBy.rule}. */
    static final String RULE = "table-row";

    /**
     * A fact read from a row.
     *
     * @param periodFrom how its year was found: {@code header} (written in the column's header, 2025年), {@code plan}
     *                   (the plan period the header or the caption names, “十四五”目标), {@code document} (the plan the
     *                   document is)
     * @param start      the row's start in the original text (the quote is the whole row)
     * @param end        the row's end
     */
    record Fact(String indicator, String kind, int period, String periodFrom, boolean estimated, String measure,
                double value, Double valueMax, String unit, String qualifier, int start, int end) {
    }

    /** The table rows of a text (headers and skipped rows too: no other rule reads them) and their facts. */
    record Result(List<int[]> rows, List<Fact> facts) {
        static final Result NONE = new Result(List.of(), List.of());
    }

    private enum Role { CATEGORY, INDEX, NAME, UNIT, ATTRIBUTE, BASE, TARGET, GROWTH, CUMULATIVE, OTHER }

    /** A column: its role and, for a value column, its year, how that was found, and its wording. */
    private record Column(Role role, Integer year, String yearFrom, boolean fall, boolean estimated) {
        boolean holdsValues() {
            return role == Role.BASE || role == Role.TARGET || role == Role.GROWTH || role == Role.CUMULATIVE;
        }

        Column at(Integer y, String from) {
            return new Column(role, y, from, fall, estimated);
        }
    }

    /** What a name cell says: the indicator, the measure its wording gives, its unit in parentheses. */
    private record Name(IndicatorLexicon.Indicator indicator, int sign, boolean growth, boolean share,
                        boolean cumulative, IndicatorLexicon.Unit unit) {
    }

    /** A value cell: the number, a range's upper bound, its qualifier, brackets, a unit written in the cell. */
    private record Value(double value, Double max, String qualifier, boolean bracketed, IndicatorLexicon.Unit unit) {
    }

    /** The plan a table is of and where that was read. */
    private record Plan(int end, String from) {
    }

    private static final Pattern PLAN = Pattern.compile("十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)(?:年|(?![0-9]))");
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:[0-9]{1,2}[.、．](?![0-9])|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、)");
    private static final Pattern MARKS = Pattern.compile("[*※△▲★☆#①-⑳]+$");
    /** An abbreviation in parentheses after a name: (GDP), (R&D), (CPI). */
    private static final Pattern ABBREVIATION = Pattern.compile("[(（][A-Za-z&]+[)）]");
    /** 指标, 主要指标, 指标名称, 名称, 项目. */
    private static final Pattern NAME_HEADER = Pattern.compile("^(?:(?:主要)?指标(?:名称|项)?|名称|项目)$");
    /** 属性, 指标属性, 性质. */
    private static final Pattern ATTRIBUTE_HEADER = Pattern.compile("^(?:指标)?(?:属性|性质|类型)$");
    /** A header's cell is short: 2025年(目标), “十四五”年均增长, 2021—2025年累计. */
    static final int MAX_HEADER_CELL = 16;
    /** 单位, 计量单位, 单位(%), 单位:亿元. */
    private static final Pattern UNIT_HEADER = Pattern.compile("^(?:计量)?单位(?:[(（:：].*)?$");
    private static final Pattern PARENTHESIS = Pattern.compile("[(（]([^()（）]*)[)）]");
    /** 占地区生产总值比重, 占GDP的比重: a share of the region's own output (as in prose). */
    private static final Pattern OWN_SHARE = Pattern.compile("^(?:占(?:地区生产总值|国内生产总值|生产总值|GDP|经济总量)的?)?比重$");
    private static final List<String> GROWTH_WORDS = List.of("年均实际增长", "年均增长速度", "年均增长率", "年均增长", "年均增速",
            "年均增幅", "增长速度", "实际增长", "名义增长", "年增长", "年增速", "增长率", "增长", "增速", "增幅", "上涨");
    private static final List<String> FALL_WORDS = List.of("年均下降", "年均降低", "降低率", "下降率", "降低", "下降", "降幅", "减少");
    private static final List<String> LEVEL_WORDS = List.of("总量", "总额", "规模", "总值");
    private static final List<String> ATTRIBUTES = List.of("预期性", "约束性", "指导性", "预期", "约束");
    private static final String EMPTY_MARKS = "—–-－―─/／\\、…·.~～×x";

    private final IndicatorLexicon lexicon;

    TableRows(IndicatorLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * The rows of {@code original} and the facts they state, in the order of the text.
     *
     * @param region the issuer (a name cell 全市… counts only in a city's report, as in prose), or null
     */
    Result read(String original, TimeFrame time, String region) {
        if (original.indexOf('|') < 0 && original.indexOf('｜') < 0) {
            return Result.NONE;
        }
        List<int[]> rows = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        Table table = null;
        int caption = -1;
        int captionEnd = -1;
        int n = original.length();
        for (int lineStart = 0; lineStart < n; ) {
            int lineEnd = original.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            List<int[]> cells = TableLine.cells(original, lineStart, lineEnd);
            if (cells == null) {
                if (!blank(original, lineStart, lineEnd)) {
                    table = null; // a line of prose ends the table, and may be the caption of the next
                    caption = lineStart;
                    captionEnd = lineEnd;
                }
            } else {
                int rowStart = cells.get(0)[0];
                int rowEnd = cells.get(cells.size() - 1)[1];
                rowStart = trimStart(original, lineStart, rowStart);
                rowEnd = trimEnd(original, rowEnd, lineEnd);
                rows.add(new int[]{rowStart, rowEnd});
                List<String> texts = new ArrayList<>(cells.size());
                for (int[] c : cells) {
                    texts.add(strip(NormalizedText.normalize(original.substring(c[0], c[1]))));
                }
                if (table == null) {
                    table = new Table(time, captionPlan(original, caption, captionEnd, time));
                }
                List<Column> header = header(texts, table, time);
                if (header != null) {
                    table.header = header;
                } else {
                    table.read(texts, rowStart, rowEnd, region, facts);
                }
            }
            lineStart = lineEnd + 1;
        }
        return new Result(rows, facts);
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u3000') {
                return false;
            }
        }
        return true;
    }

    /** A row's span: its line trimmed (a bar that opens or closes the line is part of it). */
    private static int trimStart(String text, int lineStart, int firstCell) {
        int i = lineStart;
        while (i < firstCell && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int lastCell, int lineEnd) {
        int i = lineEnd;
        while (i > lastCell && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The plan the caption line before a table names (表1 “十四五”时期经济社会发展主要指标), else the document's. */
    private static Plan captionPlan(String text, int caption, int captionEnd, TimeFrame time) {
        if (caption >= 0 && captionEnd - caption <= 80) {
            Integer end = planEnd(NormalizedText.normalize(text.substring(caption, captionEnd)));
            if (end != null) {
                return new Plan(end, "plan");
            }
        }
        return time.planFirstYear() > 0 ? new Plan(time.planFirstYear() + 4, "document") : null;
    }

    /** The last year of the plan that {@code s} names (十四五, 第十四个五年 → 2025), or null. */
    private static Integer planEnd(String s) {
        Matcher m = PLAN.matcher(s);
        if (!m.find()) {
            return null;
        }
        String d = m.group(1) != null ? m.group(1) : m.group(2);
        return TimeFrame.planFirstYear(10 + "一二三四五六七八九".indexOf(d) + 1) + 4;
    }

    // ------------------------------------------------------------------ the header

    /**
     * The columns of a header row, or null when the row is no header: a header names at least one column of values
     * (a year, a plan's end or target, 基期/目标, 年均增长, 累计) and a column of names, units, attributes or categories,
     * or else two columns of values in words ({@code 2020年 | 2025年}; two bare numbers such as {@code 2000 | 2050}
     * are a row's values); it holds no other number and no indicator's name.
     */
    private List<Column> header(List<String> cells, Table table, TimeFrame time) {
        List<Column> cols = new ArrayList<>();
        int values = 0;
        int worded = 0;
        int structure = 0;
        int other = 0;
        for (String c : cells) {
            Column col = column(c);
            boolean number = value(c) != null;
            if (number && (col.year() == null || !YEAR.matcher(c).matches()) || ATTRIBUTES.contains(c)
                    || name(c, null) != null) {
                return null; // a value, an attribute (预期性), an indicator: a row of the table
            }
            cols.add(col);
            if (col.holdsValues() || col.role() == null) {
                values++;
                worded += number ? 0 : 1;
            } else if (col.role() != Role.OTHER) {
                structure++;
            } else if (!c.isEmpty()) {
                other++;
            }
        }
        if (values == 0 || structure == 0 && (worded < 2 || other > 0)) {
            return null;
        }
        return resolve(cols, table, time);
    }

    /** What one header cell says its column holds; a value column's year when the cell writes one. */
    private static Column column(String c) {
        if (c.length() > MAX_HEADER_CELL) {
            return new Column(Role.OTHER, null, null, false, false);
        }
        if (ATTRIBUTE_HEADER.matcher(c).matches()) {
            return new Column(Role.ATTRIBUTE, null, null, false, false);
        }
        if (UNIT_HEADER.matcher(c).matches()) {
            return new Column(Role.UNIT, null, null, false, false);
        }
        if (c.equals("序号") || c.equals("编号")) {
            return new Column(Role.INDEX, null, null, false, false);
        }
        if (c.equals("类别") || c.equals("分类") || c.equals("领域") || c.equals("方面") || c.equals("维度")) {
            return new Column(Role.CATEGORY, null, null, false, false);
        }
        if (NAME_HEADER.matcher(c).matches()) {
            return new Column(Role.NAME, null, null, false, false);
        }
        boolean fall = c.contains("降低") || c.contains("下降");
        boolean estimated = c.contains("预计");
        Integer year = null;
        String from = null;
        Matcher y = YEAR.matcher(c);
        while (y.find()) {
            year = Integer.valueOf(y.group(1)); // 2021—2025年年均增长: the last year
            from = "header";
        }
        if (year == null) {
            year = planEnd(c);
            from = year == null ? null : "plan";
        }
        Role role;
        if (c.contains("累计") && !c.contains("年均")) {
            role = Role.CUMULATIVE; // (年均/累计, 年均增长[累计]: annual figures, cumulative ones in brackets)
        } else if (c.contains("年均") || c.contains("增长") || c.contains("增速") || fall) {
            role = Role.GROWTH;
        } else if ((c.contains("基期") || c.contains("现状") || c.contains("基数") || c.contains("基准") || c.contains("完成")
                || c.contains("实际") || c.contains("实现")) && !c.contains("目标")) {
            role = Role.BASE; // 2020年(基期), 现状值, 2020年完成: what was, an actual

        } else if (c.contains("目标") || c.contains("规划") || c.contains("预期")) {
            role = Role.TARGET;
        } else if (year != null) {
            role = null; // 2020年, “十三五”末, “十四五”: a base or a target, by the other columns and the table's plan
        } else if (c.contains("期末")) {
            role = Role.TARGET;
        } else {
            return new Column(Role.OTHER, null, null, false, false);
        }
        return new Column(role, year, from, fall, estimated);
    }

    /**
     * The years of the value columns: a year column that says nothing more is the base when it is not after the
     * plan's base year (without a plan: when it is before the year of a target column, or the first of several); the
     * others are targets. A column that writes no year takes the table's: the base year before the plan, the plan's
     * end, or the header's target year.
     */
    private static List<Column> resolve(List<Column> cols, Table table, TimeFrame time) {
        Integer planEnd = table.plan == null ? null : table.plan.end();
        String planFrom = table.plan == null ? null : table.plan.from();
        Integer firstYear = null;
        Integer writtenTarget = null;
        Integer writtenBase = null;
        int undecided = 0;
        for (Column c : cols) {
            if (c.role() == null) {
                undecided++;
                firstYear = firstYear == null || c.year() < firstYear ? c.year() : firstYear;
            } else if (c.role() == Role.TARGET && c.year() != null) {
                writtenTarget = writtenTarget == null ? c.year() : Math.min(writtenTarget, c.year());
            } else if (c.role() == Role.BASE && c.year() != null) {
                writtenBase = writtenBase == null ? c.year() : Math.max(writtenBase, c.year());
            }
        }
        List<Column> out = new ArrayList<>(cols.size());
        for (Column c : cols) {
            if (c.role() != null) {
                out.add(c);
                continue;
            }
            boolean base;
            if (planEnd != null) {
                base = c.year() <= planEnd - 5;
            } else if (writtenTarget != null) {
                base = c.year() < writtenTarget; // 2023年 | 2024年目标, “十三五”末 | “十四五”目标
            } else if (writtenBase != null) {
                base = c.year() <= writtenBase;
            } else if (undecided > 1) {
                base = c.year().equals(firstYear);
            } else {
                base = !time.isPlan() && time.year() != null && c.year() < time.year();
            }
            out.add(new Column(base ? Role.BASE : Role.TARGET, c.year(), c.yearFrom(), c.fall(), c.estimated()));
        }
        Integer baseYear = null;
        for (Column c : out) {
            if (c.role() == Role.BASE && c.year() != null) {
                baseYear = baseYear == null ? c.year() : Math.max(baseYear, c.year());
            }
        }
        // the first target after the base (2025年 before 2035年) is the year of the plan's average growth
        Integer targetYear = null;
        for (Column c : out) {
            if (c.role() == Role.TARGET && c.year() != null && (baseYear == null || c.year() > baseYear)) {
                targetYear = targetYear == null ? c.year() : Math.min(targetYear, c.year());
            }
        }
        for (int i = 0; i < out.size(); i++) {
            Column c = out.get(i);
            if (!c.holdsValues() || c.year() != null) {
                continue;
            }
            if (c.role() == Role.BASE) {
                out.set(i, planEnd != null ? c.at(planEnd - 5, planFrom)
                        : targetYear != null ? c.at(targetYear - 5, "header") : c);
            } else if (targetYear != null) {
                out.set(i, c.at(targetYear, "header"));
            } else if (planEnd != null) {
                out.set(i, c.at(planEnd, planFrom));
            } else if (baseYear != null && time.isPlan()) {
                out.set(i, c.at(baseYear + 5, "header"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ cells

    /** A cell's text in the normalised view without any whitespace (≥ 80 is ≥80). */
    private static String strip(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00a0') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The indicator a name cell names, or null: after a number (1., (一)) and the issuer's own 全市/全省, the longest
     * name of the lexicon, then nothing but a word of measure (增长, 年均增长, 降低, 比重, 总量), units or 累计 in
     * parentheses and footnote marks. 常住人口城镇化率, 新增高新技术企业, 一般公共预算收入占全省比重 name nothing we know.
     */
    private Name name(String cell, String region) {
        String s = NUMBERING.matcher(cell).replaceFirst("");
        s = MARKS.matcher(s).replaceFirst("");
        s = ABBREVIATION.matcher(s).replaceAll(""); // 国内生产总值(GDP)增长(%), 研究与试验发展(R&D)经费投入强度
        int at = 0;
        String self = null;
        for (String w : Cues.SELF) {
            if (s.startsWith(w) && (self == null || w.length() > self.length())) {
                self = w;
            }
        }
        if (self != null) {
            if (region != null && !region.isEmpty() && !IndicatorGrammar.speaksOfItself(self, region)) {
                return null;
            }
            at = self.length();
        }
        int len = lexicon.terms().longest(s, at, s.length());
        if (len == 0) {
            return null;
        }
        IndicatorLexicon.Entry entry = lexicon.terms().get(s, at, len);
        if (entry.requires() != null) {
            return null; // 产量, 增加值: a word that needs the sentence before it
        }
        IndicatorLexicon.Indicator ind = entry.indicators().size() == 1 ? entry.indicators().get(0) : entry.whole();
        if (ind == null || ind.id() == null) {
            return null;
        }
        String rest = s.substring(at + len);
        IndicatorLexicon.Unit unit = null;
        boolean cumulative = false;
        Matcher p = PARENTHESIS.matcher(rest);
        StringBuilder words = new StringBuilder();
        int last = 0;
        while (p.find()) {
            String inside = p.group(1);
            IndicatorLexicon.Unit u = unit(inside);
            if (u != null) {
                unit = u;
            } else if (inside.contains("累计")) {
                cumulative = true;
            } else if (!ATTRIBUTES.contains(inside) && !inside.isEmpty()) {
                return null; // 地区生产总值(现价), 出口(一般贸易): something else than the indicator
            }
            words.append(rest, last, p.start());
            last = p.end();
        }
        words.append(rest.substring(last));
        String w = words.toString();
        if (w.startsWith("累计")) {
            cumulative = true;
            w = w.substring(2);
        }
        int sign = 0;
        boolean growth = false;
        boolean share = false;
        if (w.isEmpty() || LEVEL_WORDS.contains(w)) {
            // the indicator itself
        } else if (GROWTH_WORDS.contains(w)) {
            growth = true;
            sign = 1;
        } else if (FALL_WORDS.contains(w)) {
            growth = true;
            sign = -1;
        } else if (OWN_SHARE.matcher(w).matches()) {
            share = true;
        } else {
            return null;
        }
        return new Name(ind, sign, growth, share, cumulative, unit);
    }

    /** The unit a cell writes alone ({@code 亿元}, {@code (%)}, {@code 万人}), or null. */
    private IndicatorLexicon.Unit unit(String cell) {
        String s = cell;
        Matcher p = PARENTHESIS.matcher(s);
        if (p.matches()) {
            s = p.group(1);
        }
        if (s.isEmpty()) {
            return null;
        }
        int len = lexicon.units().longest(s, 0, s.length());
        return len == s.length() ? lexicon.units().get(s, 0, len) : null;
    }

    private static boolean isEmptyCell(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (EMPTY_MARKS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value cell read whole, or null: {@code 3.6}, {@code 6左右}, {@code >5}, {@code ≥80}, {@code <5.5},
     * {@code 6.5以上}, {@code 约5}, {@code 6-6.5}, {@code [14.5]}, {@code 400亿元}, {@code -2}. An empty cell
     * ({@code —}, {@code -}, {@code /}) or words ({@code 与经济增长同步}, {@code 完成省下达任务}) give none.
     */
    private Value value(String cell) {
        String s = MARKS.matcher(cell).replaceFirst("");
        if (isEmptyCell(s)) {
            return null;
        }
        boolean bracketed = false;
        if ((s.startsWith("[") || s.startsWith("【")) && (s.endsWith("]") || s.endsWith("】")) && s.length() > 2) {
            bracketed = true;
            s = s.substring(1, s.length() - 1);
        }
        String qualifier = null;
        String[][] before = {{">=", "above"}, {"≥", "above"}, {"＞＝", "above"}, {"≧", "above"}, {">", "above"},
                {"不低于", "above"}, {"不少于", "above"}, {"超过", "above"}, {"高于", "above"}, {"大于", "above"},
                {"<=", "at_most"}, {"≤", "at_most"}, {"≦", "at_most"}, {"<", "at_most"}, {"不超过", "at_most"},
                {"不高于", "at_most"}, {"低于", "at_most"}, {"小于", "at_most"}, {"控制在", "at_most"}, {"约", "about"}};
        for (String[] b : before) {
            if (s.startsWith(b[0])) {
                qualifier = b[1];
                s = s.substring(b[0].length());
                break;
            }
        }
        int i = 0;
        double sign = 1;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '−' || s.charAt(i) == '－')) {
            sign = -1;
            i++;
        }
        int numberEnd = number(s, i);
        if (numberEnd < 0) {
            return null;
        }
        double v = sign * parse(s, i, numberEnd);
        i = numberEnd;
        Double max = null;
        IndicatorLexicon.Unit unit = unitAt(s, i);
        if (unit != null) {
            i += unit.written().length();
        }
        if (i < s.length() && "—–-~～至".indexOf(s.charAt(i)) >= 0) {
            int second = number(s, i + 1);
            if (second < 0) {
                return null;
            }
            max = sign * parse(s, i + 1, second);
            i = second;
            IndicatorLexicon.Unit unit2 = unitAt(s, i);
            if (unit2 != null) {
                if (unit != null && !unit.unit().equals(unit2.unit())) {
                    return null;
                }
                unit = unit2;
                i += unit2.written().length();
            }
            if (max < v) {
                return null;
            }
        }
        String after = s.substring(i);
        switch (after) {
            case "" -> {
            }
            case "左右" -> qualifier = "about";
            case "以上", "及以上", "以上(含)", "余" -> qualifier = "above";
            case "以内", "以下", "及以下" -> qualifier = "at_most";
            default -> {
                return null;
            }
        }
        if (max != null) {
            qualifier = "range";
        }
        double factor = unit == null ? 1 : unit.factor();
        return new Value(round(v * factor), max == null ? null : round(max * factor), qualifier, bracketed, unit);
    }

    /** The end of an arabic number at {@code i} (digits, thousands separators, one decimal point), or -1. */
    private static int number(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) && s.charAt(j) < 128
                || s.charAt(j) == ',' && j > i && digits(s, j + 1, 3))) {
            j++;
        }
        if (j == i) {
            return -1;
        }
        if (j + 1 < s.length() && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1)) && s.charAt(j + 1) < 128) {
            j++;
            while (j < s.length() && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) {
                j++;
            }
        }
        return j;
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!Character.isDigit(s.charAt(k)) || s.charAt(k) >= 128) {
                return false;
            }
        }
        return from + count == s.length() || !Character.isDigit(s.charAt(from + count));
    }

    private static double parse(String s, int from, int to) {
        return Double.parseDouble(s.substring(from, to).replace(",", ""));
    }

    private IndicatorLexicon.Unit unitAt(String s, int i) {
        int len = lexicon.units().longest(s, i, Math.min(s.length(), i + 6));
        return len == 0 ? null : lexicon.units().get(s, i, len);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    // ------------------------------------------------------------------ a table

    /** The state of one table while its rows are read: the plan it is of and the last header seen. */
    private final class Table {
        final TimeFrame time;
        final Plan plan;
        List<Column> header;

        Table(TimeFrame time, Plan plan) {
            this.time = time;
            this.plan = plan;
        }

        /**
         * The columns of a row of two values that its header does not place: the header's base and target, or
         * without a header the plan's base year and end; null when there are none.
         */
        private List<Column> defaults() {
            if (header != null) {
                Column base = null;
                Column target = null;
                for (Column c : header) {
                    if (c.role() == Role.BASE && base == null) {
                        base = c;
                    }
                    if (c.role() == Role.TARGET && target == null) {
                        target = c;
                    }
                }
                return base != null && target != null ? List.of(base, target) : null;
            }
            if (plan == null) {
                return null;
            }
            return List.of(new Column(Role.BASE, plan.end() - 5, plan.from(), false, false),
                    new Column(Role.TARGET, plan.end(), plan.from(), false, false));
        }

        void read(List<String> cells, int rowStart, int rowEnd, String region, List<Fact> out) {
            int nameAt = -1;
            Name name = null;
            for (int i = 0; i < Math.min(3, cells.size()) && name == null; i++) {
                name = name(cells.get(i), region);
                nameAt = i;
            }
            if (name == null) {
                return; // no indicator we know: 常住人口城镇化率 | % | 60 | 65 | — | 预期性
            }
            List<String> values = new ArrayList<>();
            List<Column> columns = new ArrayList<>();
            String unitCell = null;
            int headerName = headerNameIndex();
            if (header != null && headerName >= 0 && cells.size() - nameAt == header.size() - headerName) {
                // aligned with the header (a category cell that only the first row of its group has may be missing)
                for (int j = nameAt + 1; j < cells.size(); j++) {
                    Column c = header.get(j - nameAt + headerName);
                    if (c.role() == Role.UNIT) {
                        unitCell = cells.get(j);
                    } else if (c.holdsValues()) {
                        values.add(cells.get(j));
                        columns.add(c);
                    }
                }
            } else {
                int j = nameAt + 1;
                if (j < cells.size() && unit(cells.get(j)) != null) {
                    unitCell = cells.get(j);
                    j++;
                }
                int last = cells.size();
                if (last > j && ATTRIBUTES.contains(cells.get(last - 1))) {
                    last--;
                }
                values.addAll(cells.subList(j, last));
                List<Column> headerValues = header == null ? List.of()
                        : header.stream().filter(Column::holdsValues).toList();
                if (!headerValues.isEmpty() && headerValues.size() == values.size()) {
                    columns.addAll(headerValues);
                } else if (values.size() == 2 && defaults() != null) {
                    columns.addAll(defaults()); // indicator | unit | base-year value | target value | attribute
                } else {
                    return; // which value is which is not known
                }
            }
            IndicatorLexicon.Unit rowUnit = name.unit();
            if (unitCell != null && !isEmptyCell(unitCell)) {
                rowUnit = unit(unitCell);
                if (rowUnit == null) {
                    return; // a unit we do not know (‰, 岁, 万人/年): the figures are not ours to read
                }
            }
            for (int k = 0; k < values.size(); k++) {
                Column col = columns.get(k);
                Value v = value(values.get(k));
                if (v == null || col.year() == null) {
                    continue;
                }
                Fact f = fact(name, col, v, rowUnit, rowStart, rowEnd);
                if (f != null) {
                    out.add(f);
                }
            }
        }

        private int headerNameIndex() {
            if (header == null) {
                return -1;
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).role() == Role.NAME) {
                    return i;
                }
            }
            for (int i = 0; i < header.size(); i++) {
                Role r = header.get(i).role();
                if (r != Role.CATEGORY && r != Role.INDEX) {
                    return i;
                }
            }
            return -1;
        }

        /** The fact of one value cell, or null when the row's wording and units do not say what it measures. */
        private Fact fact(Name name, Column col, Value v, IndicatorLexicon.Unit rowUnit, int start, int end) {
            IndicatorLexicon.Indicator ind = name.indicator();
            IndicatorLexicon.Unit unit = v.unit() != null ? v.unit() : rowUnit;
            String unitName = unit == null ? null : unit.unit();
            double scale = v.unit() == null && unit != null ? unit.factor() : 1;
            int sign = name.sign() != 0 ? name.sign() : col.fall() ? -1 : 1;
            String measure;
            if (v.bracketed() || col.role() == Role.CUMULATIVE || name.cumulative()) {
                // [14.5]: a change over the whole plan, the figure only of an indicator whose goals are such changes
                if (!ind.cumulative() || unitName != null && !"%".equals(unitName)) {
                    return null;
                }
                measure = "growth_pct";
            } else if (col.role() == Role.GROWTH && !name.growth() && (name.share() || "share".equals(ind.percentMeasure()))) {
                // 城镇调查失业率(%) | 5.2 | — | <5.5 under 年均/累计: a rate held every year is the rate, not a growth
                if (unitName != null && !"%".equals(unitName)) {
                    return null;
                }
                measure = "share_pct";
            } else if (col.role() == Role.GROWTH) {
                if (v.unit() != null && !"%".equals(v.unit().unit())) {
                    return null; // a level written in the growth column
                }
                measure = "growth_pct";
            } else if (name.growth()) {
                if (unitName != null && !"%".equals(unitName)) {
                    return null;
                }
                measure = "growth_pct";
            } else if (name.share()) {
                if (unitName != null && !"%".equals(unitName)) {
                    return null;
                }
                measure = "share_pct";
            } else if (unitName == null && ind.units().isEmpty() || "%".equals(unitName)) {
                // a rate (城镇调查失业率, 研发经费投入强度) is a share; another indicator's bare % is its growth
                measure = "share".equals(ind.percentMeasure()) ? "share_pct" : "growth_pct";
            } else if (unitName != null && ind.units().contains(unitName)) {
                measure = "家".equals(unitName) || "个".equals(unitName) ? "count" : "level";
            } else {
                return null;
            }
            double value = v.value();
            Double max = v.max();
            if (measure.equals("growth_pct")) {
                value *= sign;
                max = max == null ? null : max * sign;
                if (max != null && max < value) {
                    double t = value;
                    value = max;
                    max = t;
                }
                unitName = "%";
            } else if (measure.equals("share_pct")) {
                unitName = "%";
            } else {
                value = round(value * scale);
                max = max == null ? null : round(max * scale);
            }
            String kind;
            if (col.role() == Role.BASE) {
                kind = "actual";
            } else if (col.role() != Role.TARGET && basedBefore(col.year())) {
                kind = "actual"; // “十三五”年均增长 in the 十四五 table: what the last plan achieved
            } else if (!time.isPlan() && time.year() != null && col.year().equals(time.year())) {
                kind = "target";
            } else {
                kind = "plan_target";
            }
            boolean estimated = "actual".equals(kind) && col.estimated();
            return new Fact(ind.id(), kind, col.year(), col.yearFrom(), estimated, measure, value, max, unitName,
                    v.qualifier(), start, end);
        }

        /** Is {@code year} not after the table's base year (a figure of the plan before)? */
        private boolean basedBefore(int year) {
            Integer base = null;
            if (header != null) {
                for (Column c : header) {
                    if (c.role() == Role.BASE && c.year() != null) {
                        base = base == null ? c.year() : Math.max(base, c.year());
                    }
                }
            }
            if (base == null && plan != null) {
                base = plan.end() - 5;
            }
            return base != null && year <= base;
        }
    }
}
