package io.zhibiao.nlp.extract;

import io.zhibiao.contracts.words.NormalizedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads indicator values out of one sentence. The grammar, rule by rule:
 *
 * <ol>
 * <li><b>Name</b>: an indicator's name (longest term of the lexicon) standing on its own — after a
 *     clause boundary or one of {@link Cues#BEFORE_INDICATOR} — opens a subject:
 *     <i>全市生产总值</i>, but not <i>亩均生产总值</i> or <i>新增高新技术企业</i>.</li>
 * <li><b>Coordination</b>: names joined by 、/和/及 form one subject with several slots:
 *     <i>规上工业增加值、固定资产投资分别增长8%、10%</i>; a compound name fills two slots at once:
 *     <i>城乡居民人均可支配收入</i>.</li>
 * <li><b>Value</b>: a quantity in the same clause, with only verbs and qualifiers between it and the
 *     subject (no other number): <i>社会消费品零售总额78.6亿元</i>, <i>粮食产量稳定在50亿斤以上</i>.</li>
 * <li><b>Value list</b>: quantities joined by 、/和 are handed out to the slots in order
 *     (<i>分别增长5.1%和8%</i>); a qualifier after the last applies to all (<i>分别增长7%和8%左右</i>);
 *     one value with 均 goes to every slot; with 分别 and a one-slot subject, the values go to the
 *     subjects that took the previous values (<i>接待游客1126.3万人次,实现旅游收入115.5亿元,分别增长14.6%、17.3%</i>).</li>
 * <li><b>Continuation</b>: a clause that starts with {@link Cues#CONTINUATION} keeps the subject:
 *     <i>生产总值326.3亿元、超过兴平居咸阳第三,增长6.8%</i>; any other clause closes it.</li>
 * <li><b>Measure</b>: % after a rise or fall word is growth (a fall negative), after 占 a share, else what
 *     the indicator's percentages are (a rate's is a share); a unit the indicator takes is a level, 家 a count.</li>
 * <li><b>Qualifier</b>: the word after the value (左右, 以上, 以内) wins over the word before it
 *     (超过, 突破, 不低于 / 控制在, 不超过 / 约); a range is {@code range}.</li>
 * </ol>
 */
final class IndicatorGrammar {
    /** The most characters of verbs and qualifiers between a subject and its value in one clause. */
    static final int MAX_GAP = 14;
    /** … or when other names are coordinated with it before 分别/均. */
    static final int MAX_COORDINATED_GAP = 32;
    /** How far back a 粮食 may stand for a bare 产量. */
    static final int ANAPHOR_REACH = 60;

    private final IndicatorLexicon lexicon;
    private final QuantityReader quantities;

    IndicatorGrammar(IndicatorLexicon lexicon) {
        this.lexicon = lexicon;
        this.quantities = new QuantityReader(lexicon.units());
    }

    private enum Kind { TERM, QUANTITY, BREAK }

    private record Item(Kind kind, int start, int end, IndicatorLexicon.Entry entry, Quantity quantity) {
    }

    /**
     * One place of a subject: an indicator (null if untracked), where its name starts, whether the name counts
     * new units, and the indicator a compound name stands for as a whole (城乡居民… → all residents), if any.
     */
    private record Slot(IndicatorLexicon.Indicator indicator, int nameStart, boolean fresh, IndicatorLexicon.Indicator whole) {
        Slot(IndicatorLexicon.Indicator indicator, int nameStart, boolean fresh) {
            this(indicator, nameStart, fresh, null);
        }
    }

    /** The indicator names and quantities of a sentence, in order. */
    private List<Item> items(NormalizedText norm, int start, int end, String region) {
        String text = norm.text();
        List<Item> items = new ArrayList<>();
        int i = start;
        int parenthesisEnd = -1;
        while (i < end) {
            char c = text.charAt(i);
            if ((c == '(' || c == '（') && i >= parenthesisEnd) {
                parenthesisEnd = closing(text, i, Math.min(end, i + MAX_PARENTHESIS));
            }
            // 五年跨过三个万亿元(人民币,下同)级台阶、年均增长百分之五: a note in parentheses does not end the clause
            if (isBreak(c) && i >= parenthesisEnd) {
                items.add(new Item(Kind.BREAK, i, i + 1, null, null));
                i++;
                continue;
            }
            int len = lexicon.terms().longest(text, i, Math.min(end, i + 24));
            if (len > 0) {
                IndicatorLexicon.Entry entry = lexicon.terms().get(text, i, len);
                if ((norm.gapBefore(i) || standsAlone(text, i, start, region)) && anaphorResolved(entry, text, i, start)) {
                    items.add(new Item(Kind.TERM, i, i + len, entry, null));
                }
                i += len;
                continue;
            }
            if (QuantityReader.startsNumber(text, i, end)) {
                boolean rank = i > start && (text.charAt(i - 1) == '第');
                Quantity q = rank ? null : quantities.read(text, i, end);
                if (q == null && !rank) {
                    q = QuantityReader.bareRate(text, i, end, start);
                }
                if (q != null) {
                    items.add(new Item(Kind.QUANTITY, q.start(), q.end(), null, q));
                    i = q.end();
                } else {
                    i = QuantityReader.isDigit(c) ? QuantityReader.skipNumber(text, i, end) : i + 1;
                }
                continue;
            }
            i++;
        }
        return items;
    }

    /**
     * The readings of the sentence {@code text[start, end)} of a report of {@code region}.
     */
    private static int firstQuantity(List<Item> items) {
        for (Item it : items) {
            if (it.kind == Kind.QUANTITY) {
                return it.start;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The longest parenthetical note looked through. */
    static final int MAX_PARENTHESIS = 16;

    /** The index after the parenthesis that closes the one at {@code open}, or -1 within {@code limit}. */
    private static int closing(String text, int open, int limit) {
        for (int j = open + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == ')' || c == '）') {
                return j + 1;
            }
            if (c == '。' || c == '(' || c == '（') {
                return -1;
            }
        }
        return -1;
    }

    /** The readings of {@code sentence[start, end)} given as a plain string; the readings' offsets are in its normal form. */
    List<Reading> read(String sentence, int start, int end, String region) {
        NormalizedText norm = NormalizedText.of(sentence);
        return read(norm, norm.index(start), norm.index(end), region);
    }

    List<Reading> read(NormalizedText norm, int start, int end, String region) {
        return read(norm, start, end, region, null);
    }

    /**
     * The readings of a sentence; {@code inherited} is the indicator the sentence before spoke of, which a
     * sentence that opens with 其中 and names none goes on about (…地区生产总值五年跨过三个万亿元级台阶。
     * 其中,预计二〇二二年达十二点八万亿元,增长百分之二左右。).
     */
    List<Reading> read(NormalizedText norm, int start, int end, String region, String inherited) {
        String text = norm.text();
        List<Item> items = items(norm, start, end, region);
        if (inherited == null && items.stream().noneMatch(it -> it.kind == Kind.TERM)) {
            return List.of(); // a sentence that names no indicator states none
        }
        List<Reading> out = new ArrayList<>();
        List<Slot> subject = new ArrayList<>();
        if (inherited != null && Cues.startsWithAny(text, start, end, Cues.OF_WHICH)
                && items.stream().noneMatch(it -> it.kind == Kind.TERM && it.start < firstQuantity(items))) {
            IndicatorLexicon.Indicator ind = lexicon.indicator(inherited);
            if (ind != null) {
                subject.add(new Slot(ind, start, false));
            }
        }
        List<Slot> history = new ArrayList<>();
        boolean tookValue = false;
        java.util.Map<String, Reading> taken = new java.util.HashMap<>();
        int cursor = start;       // where the text between subject and value begins
        int clauseStart = start;  // start of the current clause
        // 如果2020年GDP总额达到90万亿元: a clause that supposes states no fact
        boolean hypothetical = Cues.startsWithAny(text, start, end, Cues.HYPOTHETICAL);
        // the value after a change's start is the figure reached, whatever was said before it
        boolean changeEnd = false;
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            switch (item.kind) {
                case BREAK -> {
                    clauseStart = item.end;
                    char c = text.charAt(item.start);
                    boolean keeps = c != ':' && c != '：' && (continues(text, item.end, end)
                            || Cues.regionMatches(text, item.start - 2, "其中") && item.start - 2 == start);
                    hypothetical = Cues.startsWithAny(text, item.end, end, Cues.HYPOTHETICAL);
                    if (!keeps) {
                        subject.clear();
                        if (c != ',' && c != '，') {
                            history.clear();
                        }
                    }
                    cursor = Math.max(cursor, item.end);
                }
                case TERM -> {
                    List<Slot> slots = new ArrayList<>();
                    // 新增国家科技型中小企业1099家、高新技术企业139家: 新增 governs the whole list
                    boolean fresh = Cues.endsWithAny(text, item.start, start, Cues.NEW_UNITS_BEFORE)
                            || (precededByEnumeration(text, item.start, start) && newUnitsList(text, clauseStart, item.start));
                    for (IndicatorLexicon.Indicator ind : item.entry.indicators()) {
                        slots.add(new Slot(ind, item.start, fresh, item.entry.whole()));
                    }
                    if (!subject.isEmpty() && !tookValue && isConnector(text, cursor, item.start)) {
                        subject.addAll(slots);
                    } else {
                        subject = slots;
                        tookValue = false;
                    }
                    cursor = item.end;
                }
                case QUANTITY -> {
                    if (subject.isEmpty() || hypothetical) {
                        continue;
                    }
                    int gapStart = Math.max(cursor, clauseStart);
                    int predicate = tookValue && !changeEnd ? predicateStart(text, gapStart, item.start) : gapStart;
                    if (!gapAllowed(text, predicate, item.start)
                            || (tookValue && !changeEnd && !continues(text, predicate, item.start + 1))) {
                        // 高新技术企业20家、雏鹰瞪羚独角兽企业15家: the second number is someone else's
                        subject.clear();
                        continue;
                    }
                    // the values joined to this one: 5.1%和8%, 37533元、15221元
                    List<Quantity> values = new ArrayList<>();
                    values.add(item.quantity);
                    int last = k;
                    while (last + 1 < items.size() && items.get(last + 1).kind == Kind.QUANTITY
                            && joins(text, items.get(last).end, items.get(last + 1).start)
                            && sameFamily(item.quantity, items.get(last + 1).quantity)) {
                        last++;
                        values.add(items.get(last).quantity);
                    }
                    int listEnd = items.get(last).end;
                    if (startOfAChange(text, gapStart, item.start, listEnd, end)) {
                        // 从54万亿元增加到82.7万亿元: the second number is the fact; 由2006年的1595亿元增长到3077亿元:
                        // a start with its own year is that year's figure too
                        if (subject.size() == 1 && values.size() == 1) {
                            Reading r = reading(subject.get(0), item.quantity, text, clauseStart, gapStart, item.start, listEnd);
                            if (r != null) {
                                out.add(r.asChangeStart(startYear(text, gapStart, item.start)));
                            }
                        }
                        tookValue = true;
                        changeEnd = true;
                        cursor = listEnd;
                        k = last;
                        continue;
                    }
                    List<Slot> slots = slotsFor(text, subject, history, values.size(), cursor, gapStart, item.start, tookValue);
                    if (slots != null) {
                        spreadTrailingQualifier(values);
                        for (int v = 0; v < slots.size(); v++) {
                            Slot slot = slots.get(v);
                            Quantity q = values.size() == 1 ? values.get(0) : values.get(v);
                            int valueStart = q.start();
                            Reading r = reading(slot, q, text, clauseStart, gapStart, valueStart, listEnd);
                            if (r == null) {
                                continue;
                            }
                            // one value per measure and name: 投入强度1.02%,首次突破1% keeps 1.02 (the target it is
                            // compared with is another: 失业率3.52%,控制在预期4.2%以内)
                            String key = slot.nameStart() + "|" + r.indicator() + "|" + r.measure() + "|" + r.expected()
                                    + "|" + r.basis();
                            Reading before = taken.get(key);
                            if (before != null && !before.milestone() && !changeEnd) {
                                continue;
                            }
                            taken.put(key, r);
                            out.add(r);
                        }
                        for (Slot s : slots) {
                            if (!history.contains(s)) {
                                history.add(s);
                            }
                        }
                    }
                    tookValue = true;
                    changeEnd = false;
                    cursor = listEnd;
                    k = last;
                }
            }
        }
        return out;
    }

    /**
     * The slots the values go to, or null when they cannot be placed: one value for one slot; n values
     * for n slots; one value for all slots with 均; with 分别, names in the gap that the lexicon does not know
     * count as slots too, and a one-slot subject hands over to the subjects before it.
     */
    private List<Slot> slotsFor(String text, List<Slot> subject, List<Slot> history, int n, int cursor,
                                int gapStart, int valueStart, boolean tookValue) {
        boolean respectively = Cues.containsAny(text, gapStart, valueStart, Cues.RESPECTIVELY);
        boolean all = Cues.saysAll(text, gapStart, valueStart);
        List<Slot> slots = new ArrayList<>(subject);
        if (!tookValue) {
            // untracked names coordinated with ours: 高新技术企业、科技型中小企业数量和技术合同交易额增速分别增长32%、55%和78%
            int extra = connectorsBefore(text, gapStart, valueStart);
            if (extra > 0) {
                if (!respectively && !all) {
                    return null; // 城镇新增就业、失业人员再就业超过3万人: one sum for several things
                }
                for (int e = 0; e < extra; e++) {
                    slots.add(new Slot(null, valueStart, false));
                }
            }
        }
        List<Slot> byPeriod = periodsOf(text, subject, gapStart, valueStart, n);
        if (byPeriod != null) {
            return byPeriod;
        }
        if (slots.size() == n) {
            return slots;
        }
        if (n == 1 && (all || respectively)) {
            return slots; // 城镇新增就业和转移农业劳动力分别达到4500万人: each of them
        }
        if (n == 1 && slots.size() == 2 && subject.size() == 2 && subject.get(0).whole() != null
                && subject.get(0).nameStart() == subject.get(1).nameStart()) {
            // 城乡居民人均可支配收入突破4万元: one figure for town and country is the figure for all residents
            return List.of(new Slot(subject.get(0).whole(), subject.get(0).nameStart(), false, null));
        }
        // 城镇居民人均可支配收入26738元,农民人均纯收入11986元,实际增长9.7和13.4: with or without 分别, the values
        // go back to the subjects that took the values before
        if (slots.size() == 1 && n > 1 && history.size() >= n) {
            List<Slot> back = new ArrayList<>(history.subList(history.size() - n, history.size()));
            if (back.get(n - 1).equals(slots.get(0)) || !history.contains(slots.get(0))) {
                return back;
            }
        }
        return null;
    }

    /**
     * 地区生产总值一季度、上半年、前三季度、全年分别增长3%、3.4%、4%、4.5%左右: values listed by period go to the
     * subject only for the whole year; null when the gap lists no periods.
     */
    private static List<Slot> periodsOf(String text, List<Slot> subject, int gapStart, int valueStart, int n) {
        if (subject.size() != 1 || n < 2 || !Cues.containsAny(text, gapStart, valueStart, Cues.PART_OF_YEAR)) {
            return null;
        }
        int stop = Cues.lastIndexOfAny(text, gapStart, valueStart, Cues.RESPECTIVELY);
        String[] periods = text.substring(gapStart, stop < 0 ? valueStart : stop).split("[、和及]");
        if (periods.length != n) {
            return null;
        }
        List<Slot> slots = new ArrayList<>();
        for (String period : periods) {
            slots.add(period.contains("全年") ? subject.get(0) : new Slot(null, valueStart, false));
        }
        return slots;
    }

    private Reading reading(Slot slot, Quantity q, String text, int clauseStart, int gapStart, int valueStart, int listEnd) {
        IndicatorLexicon.Indicator ind = slot.indicator();
        if (ind == null || ind.id() == null) {
            return null;
        }
        String unit = q.unit();
        String measure;
        double sign = 1;
        String gap = text.substring(gapStart, valueStart);
        boolean shareOfOwnEconomy = gap.indexOf('占') >= 0 && OWN_ECONOMY_SHARE.matcher(gap).find();
        if (!shareOfOwnEconomy && Cues.containsAny(text, gapStart, valueStart, Cues.SHARE)) {
            // 地区生产总值总量仅占全省的1.0%, 出口规模占全国比重提高至2.49%: a share of a larger whole
            return null;
        }
        if (!shareOfOwnEconomy && gap.indexOf('的') >= 0 && POSSESSIVE.matcher(gap).find()
                || gap.indexOf('比') >= 0 && COMPARED.matcher(gap).find()) {
            // 科技进步对经济增长的贡献率达到60%: another noun's value; 新增就业比十一五期间要多500万人: a difference
            return null;
        }
        // the clause's head before the name: 五年累计完成固定资产投资170亿元
        String head = clauseStart < slot.nameStart() ? text.substring(clauseStart, slot.nameStart()) : "";
        if (!ind.cumulative() && (multiYear(gap) || multiYear(head))) {
            // 比2002年增长65.5%, 固定资产投资五年累计完成9091亿元: a change or a sum over several years
            return null;
        }
        if (("万人".equals(q.unit()) || "人".equals(q.unit())) && Cues.endsWithAny(text, valueStart, gapStart, Cues.PEOPLE)) {
            return null; // 新增就业参保大学生35万人: a number of someone else
        }
        if (q.isPercent() && shareOfOwnEconomy) {
            measure = "share_pct"; // 服务业增加值占生产总值比重达到57%: the structure of the region's own economy
        } else if (q.isPercent()) {
            int rise = Cues.lastIndexOfAny(text, gapStart, valueStart, Cues.RISE);
            int fall = Cues.lastIndexOfAny(text, gapStart, valueStart, Cues.FALL);
            if (Cues.endsWithAny(text, valueStart, gapStart, Cues.REACHING)
                    && !Cues.containsAny(text, gapStart, valueStart, Cues.RATE)) {
                rise = -1; // 研发投入强度提高到3.15%: a level reached, not a growth
                fall = -1;
            }
            if (rise >= 0 || fall >= 0) {
                measure = "growth_pct";
                sign = fall > rise ? -1 : 1;
            } else {
                measure = "share".equals(ind.percentMeasure()) ? "share_pct" : "growth_pct";
            }
        } else if ("万".equals(unit) || "亿".equals(unit)) {
            String implied = null;
            for (String u : ind.units()) {
                if (u.startsWith(unit) && u.length() > 1 && !u.endsWith("元")) {
                    implied = u;
                }
            }
            if (implied == null) {
                return null;
            }
            unit = implied;
            measure = "level";
        } else if (ind.units().contains(unit)) {
            measure = unit.equals("家") || unit.equals("个") ? "count" : "level";
        } else {
            return null;
        }
        if (!measure.endsWith("_pct") && (slot.fresh() && "count".equals(measure)
                || Cues.containsAny(text, gapStart, valueStart, Cues.NEW_UNITS_BETWEEN)
                && !Cues.containsAny(text, gapStart, valueStart, Cues.REACHING))
                && !Cues.containsAny(text, gapStart, valueStart, Cues.STOCK)) {
            return null; // 新增高新技术企业20家, 高新技术企业增加9家以上: new units, not the total
        }
        String qualifier = q.isRange() ? "range" : q.qualifier();
        if (qualifier == null) {
            qualifier = qualifierBefore(text, gapStart, valueStart);
        }
        boolean expected = Cues.endsWithAny(text, valueStart, gapStart, Cues.EXPECTED_BEFORE)
                || Cues.startsWithAny(text, q.end(), Math.min(text.length(), q.end() + 4), Cues.EXPECTED_AFTER);
        boolean forecast = Cues.containsAny(text, gapStart, valueStart, Cues.FORECAST)
                && !Cues.containsAny(text, gapStart, valueStart, Cues.ESTIMATE);
        String basis = Cues.endingWord(text, Cues.lastIndexOfAny(text, gapStart, valueStart, Cues.RISE) < 0 ? valueStart
                : Cues.lastIndexOfAny(text, gapStart, valueStart, Cues.RISE), gapStart, Cues.OTHER_BASIS);
        int after = q.end();
        while (after < text.length() && (text.charAt(after) == ',' || text.charAt(after) == '，' || text.charAt(after) == '、')) {
            after++;
        }
        boolean ranked = Cues.startsWithAny(text, after, Math.min(text.length(), after + 4), Cues.RANK_AFTER);
        boolean targetWording = Cues.containsAny(text, gapStart, valueStart, Cues.TARGET_IN_GAP);
        return new Reading(ind.id(), measure, sign * q.value(), q.valueMax() == null ? null : sign * q.valueMax(),
                unit, qualifier, Math.min(slot.nameStart(), valueStart), Math.max(listEnd, q.end()), q.milestone(),
                expected, forecast, null, basis, ranked, false, targetWording);
    }

    /** The qualifier word right before a value; the longest word wins (不低于 is above, not 低于). */
    private static String qualifierBefore(String text, int gapStart, int valueStart) {
        String atMost = Cues.endingWord(text, valueStart, gapStart, Cues.AT_MOST_BEFORE);
        String above = Cues.endingWord(text, valueStart, gapStart, Cues.ABOVE_BEFORE);
        String about = Cues.endingWord(text, valueStart, gapStart, Cues.ABOUT_BEFORE);
        int a = atMost == null ? 0 : atMost.length();
        int b = above == null ? 0 : above.length();
        int c = about == null ? 0 : about.length();
        if (a == 0 && b == 0 && c == 0) {
            return null;
        }
        return a >= b && a >= c ? "at_most" : b >= c ? "above" : "about";
    }

    /** 分别增长7%和8%左右: the last value's qualifier belongs to the others as well. */
    private static void spreadTrailingQualifier(List<Quantity> values) {
        if (values.size() < 2) {
            return;
        }
        String q = values.get(values.size() - 1).qualifier();
        if (q == null) {
            return;
        }
        for (int i = 0; i < values.size() - 1; i++) {
            Quantity v = values.get(i);
            if (v.qualifier() == null) {
                values.set(i, new Quantity(v.start(), v.end(), v.value(), v.valueMax(), v.unit(), q, v.milestone()));
            }
        }
    }

    /**
     * Numbers between name and value that are not another value: a duration (连续10年稳定在13亿斤以上) or
     * the year a change starts from (地区生产总值由2017年的1000亿元增加到…).
     */
    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile(
            "连续[0-9０-９]+(?:年|个季度|个月)|[从由到至比较]?(?:19|20)[0-9]{2}年(?:末|底)?的?|[0-9]+年累计");

    /** 占生产总值比重, 占GDP的比重: a share of the region's own output, a figure of the indicator (not of a larger whole). */
    private static final java.util.regex.Pattern OWN_ECONOMY_SHARE = java.util.regex.Pattern.compile(
            "^[^,，;；]{0,4}占(?:地区生产总值|国内生产总值|生产总值|GDP|经济总量)的?比重");

    /** 经济增长的贡献率: a noun after 的 whose value it is. */
    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile(
            "的\\p{IsHan}{0,4}(?:率|度|比重|指数|水平)");
    /** 比十一五期间要多500万人: a difference from something else. */
    private static final java.util.regex.Pattern COMPARED = java.util.regex.Pattern.compile("比[^,，;；]{1,12}?要?(?:多|少)$");
    /** A change against a year several back (比2002年增长), or a sum over years (五年累计, 十三五期间累计). */
    private static final java.util.regex.Pattern MULTI_YEAR = java.util.regex.Pattern.compile(
            "[比较](?:19|20)[0-9]{2}年|(?:[0-9]+|[一二三四五六七八九十]+)年(?:来)?累计|(?:期间|以来)累计");
    /** 剔除一次性特殊收入因素影响, 扣除留抵退税因素后: a note on the basis of comparison, not part of the gap's length. */
    private static final java.util.regex.Pattern BASIS_NOTE = java.util.regex.Pattern.compile(
            "(?:剔除|扣除)[^,，;；]{1,16}?因素(?:影响)?(?:后)?");

    private static boolean multiYear(String s) {
        return (s.indexOf('年') >= 0 || s.indexOf('累') >= 0) && MULTI_YEAR.matcher(s).find();
    }

    /** 由2006年的1595亿元: the year of a change's start, or null. */
    private static Integer startYear(String text, int gapStart, int valueStart) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[从由]((?:19|20)[0-9]{2})年(?:末|底)?的?$")
                .matcher(text.substring(gapStart, valueStart));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** 从54万亿元增加到82.7万亿元: a value after 从/由 that a 到/至 and another value follow. */
    private static boolean startOfAChange(String text, int gapStart, int valueStart, int valueEnd, int end) {
        int from = Cues.lastIndexOfAny(text, gapStart, valueStart, Cues.FROM);
        if (from < 0) {
            return false;
        }
        int limit = Math.min(end, valueEnd + 6);
        for (int i = valueEnd; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '到' || c == '至') {
                return i + 1 < end && QuantityReader.startsNumber(text, i + 1, end);
            }
            if (isBreak(c)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Does the sentence open with a development zone as its topic (园区规上企业工业总产值…)? The caller
     * knows whether the sentence's first word is a verb (支持渭南高新区建设… is about the city).
     */
    static boolean startsWithZone(String text, int start, int end) {
        int i = start;
        for (String lead : List.of("全市", "我市", "其中", "同时", "力争", "确保", "争取", "全年", "年内", "今年")) {
            if (Cues.regionMatches(text, i, lead)) {
                i += lead.length();
            }
        }
        int limit = Math.min(end, i + 8);
        for (String zone : Cues.ZONE) {
            int at = Cues.indexOf(text, i, limit - zone.length() + 1, zone);
            if (at >= 0 && noBreak(text, i, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean noBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isBreak(text.charAt(i)) || text.charAt(i) == '、') {
                return false;
            }
        }
        return true;
    }

    /** A 、-list that a 新增 opens: 新增省级创新型中小企业13家、专精特新企业10家、高新技术企业14家. */
    private static boolean newUnitsList(String text, int clauseStart, int at) {
        int i = clauseStart;
        while (i < at && (Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        for (String w : Cues.NEW_UNITS_BEFORE) {
            if (Cues.indexOf(text, i, Math.min(at, i + 5), w) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The name follows 、 directly. */
    private static boolean precededByEnumeration(String text, int at, int sentenceStart) {
        int i = at - 1;
        while (i >= sentenceStart && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= sentenceStart && text.charAt(i) == '、';
    }

    /**
     * Where the predicate of a value starts: past a leading 、/和, or after the last 、 of a gap that holds another
     * phrase first (五年跨过三个万亿元级台阶、年均增长百分之五: the 、 joins a second predicate of the subject).
     */
    private static int predicateStart(String text, int from, int to) {
        int at = skipConnector(text, from, to);
        for (int i = to - 1; i > at; i--) {
            if (text.charAt(i) == '、') {
                return i + 1;
            }
        }
        return at;
    }

    /** Past a leading 、/和 and spaces. */
    private static int skipConnector(String text, int from, int to) {
        int i = from;
        while (i < to && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '、' || text.charAt(i) == '和')) {
            i++;
        }
        return i;
    }

    /** A name stands alone when nothing but a boundary or a known word precedes it. */
    private static boolean standsAlone(String text, int at, int sentenceStart, String region) {
        if (at == sentenceStart) {
            return true;
        }
        char before = text.charAt(at - 1);
        if (!isHan(before)) {
            return true;
        }
        String self = Cues.endingWord(text, at, sentenceStart, Cues.SELF);
        if (self != null) {
            // 全省 / 我省 only in the province's own report, 全市 in a city's, 全国 in the country's (elsewhere: 居全省第三)
            return region == null || region.isEmpty() || speaksOfItself(self, region);
        }
        if (Cues.endsWithAny(text, at, sentenceStart, Cues.NEW_UNITS_BEFORE)
                || Cues.endsWithAny(text, at, sentenceStart, Cues.BEFORE_INDICATOR)) {
            return true;
        }
        if (region != null && !region.isEmpty()) {
            if (Cues.regionMatches(text, at - region.length(), region)) {
                return true;
            }
            String shortName = region.length() > 2 ? region.substring(0, region.length() - 1) : region;
            return Cues.regionMatches(text, at - shortName.length(), shortName);
        }
        return false;
    }

    private static boolean anaphorResolved(IndicatorLexicon.Entry entry, String text, int at, int sentenceStart) {
        if (entry.requires() == null) {
            return true;
        }
        int from = Math.max(sentenceStart, at - ANAPHOR_REACH);
        int antecedent = text.substring(from, at).lastIndexOf(entry.requires());
        if (antecedent < 0) {
            return false;
        }
        int after = from + antecedent + entry.requires().length();
        return entry.anchors().isEmpty() || Cues.startsWithAny(text, after, at, entry.anchors());
    }

    /** Does 全市, 我省, 全国… name the government {@code region} (by its kind: 市, 省, 国)? */
    static boolean speaksOfItself(String selfWord, String region) {
        char kind = selfWord.charAt(selfWord.length() - 1);
        if (kind == '国') {
            return region.equals("中华人民共和国");
        }
        return region.charAt(region.length() - 1) == kind;
    }

    /** Between subject and value: no other number, and not too long. */
    private static boolean gapAllowed(String text, int from, int to) {
        int max = Cues.containsAny(text, from, to, Cues.RESPECTIVELY) || Cues.saysAll(text, from, to)
                ? MAX_COORDINATED_GAP : MAX_GAP;
        int length = to - from;
        if (length > max) {
            java.util.regex.Matcher note = BASIS_NOTE.matcher(text.substring(from, to));
            while (note.find()) {
                length -= note.end() - note.start();
            }
            if (length > max) {
                return false;
            }
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '”' || c == '《') {
                return false; // 新增就业创业“归雁”人才5000人: a named thing between
            }
            if (QuantityReader.isDigit(c)) {
                return DURATION.matcher(text.substring(from, to)).replaceAll("").chars()
                        .noneMatch(ch -> QuantityReader.isDigit((char) ch));
            }
        }
        return true;
    }

    /** Names of the gap joined by 、/和/及 before 分别 or 均: how many extra slots they add. */
    private static int connectorsBefore(String text, int from, int to) {
        int stop = to;
        int r = Cues.lastIndexOfAny(text, from, to, Cues.RESPECTIVELY);
        if (r >= 0) {
            stop = r;
        } else if (Cues.saysAll(text, from, to)) {
            stop = Cues.lastIndexOfAny(text, from, to, Cues.ALL);
        }
        int n = 0;
        for (int i = from; i < stop; i++) {
            char c = text.charAt(i);
            if (c == '、' || c == '和' || c == '及' || c == '与') {
                n++;
            }
        }
        return n;
    }

    /** Only a connector (and spaces) between two names: 城镇新增就业、城镇调查失业率. */
    private static boolean isConnector(String text, int from, int to) {
        String between = text.substring(from, to).strip();
        return Cues.AND.contains(between);
    }

    /** Only a connector between two values of a list: 5.1%和8%, 6.5%、10%和25%. */
    private static boolean joins(String text, int from, int to) {
        String between = text.substring(from, to).strip();
        return Cues.AND.contains(between) || between.equals(",") || between.equals("，");
    }

    private static boolean sameFamily(Quantity a, Quantity b) {
        return a.isPercent() == b.isPercent() && (a.isPercent() || a.unit().equals(b.unit()));
    }

    /** Does the clause starting at {@code from} go on about the subject before it? */
    private static boolean continues(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return Cues.startsWithAny(text, i, end, Cues.CONTINUATION);
    }

    private static boolean isBreak(char c) {
        return c == ',' || c == '，' || c == ';' || c == '；' || c == ':' || c == '：';
    }

    static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }
}
