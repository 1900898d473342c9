package io.zhibiao.nlp.extract;

/**
 * Reads the quantity at a position: Arabic or Chinese numerals (百分之四点五, 千亿元), a range
 * (6.5—7%, 6%-6.5%), a unit with its scale (1.2万亿元 → 12000 亿元), and the qualifier word
 * after it (左右, 以上, 以内). Numbers without a unit (2022年, 7个季度 …) are not quantities.
 */
final class QuantityReader {
    private static final String CN_DIGITS = "零〇一二两三四五六七八九";
    private static final String CN_NUMERALS = "零〇一二两三四五六七八九十百千点";
    private static final String RANGE_DASHES = "—–-~～－至到";

    private final Trie<IndicatorLexicon.Unit> units;

    QuantityReader(Trie<IndicatorLexicon.Unit> units) {
        this.units = units;
    }

    /** True if a number may start here. */
    static boolean startsNumber(String text, int i, int end) {
        char c = text.charAt(i);
        if (isDigit(c)) {
            return true;
        }
        if (c < '〇') {
            return false;
        }
        return c != '点' && CN_NUMERALS.indexOf(c) >= 0 || c == '百' && text.startsWith("百分之", i);
    }

    /** End of the number (digits or Chinese numerals) that starts at {@code i}. */
    static int skipNumber(String text, int i, int end) {
        int j = i;
        if (isDigit(text.charAt(j))) {
            // one decimal point at most: 1.2.3 is the number 1.2 and what follows
            boolean point = false;
            int group = 0; // digits since the start or the last thousands separator
            while (j < end && (isDigit(text.charAt(j))
                    || (!point && isDecimalPoint(text.charAt(j)) && j + 1 < end && isDigit(text.charAt(j + 1)))
                    || (!point && group >= 1 && group <= 3 && thousands(text, j, end)))) {
                char c = text.charAt(j);
                point |= isDecimalPoint(c);
                group = isDigit(c) ? group + 1 : c == ',' ? 0 : group;
                j++;
            }
        } else {
            while (j < end && CN_NUMERALS.indexOf(text.charAt(j)) >= 0) {
                j++;
            }
        }
        return Math.max(j, i + 1);
    }

    /** 12,885亿元: a comma that separates thousands (three digits after it, then no digit). */
    private static boolean thousands(String text, int j, int end) {
        if (text.charAt(j) != ',' || j + 3 >= end) {
            return false;
        }
        for (int k = j + 1; k <= j + 3; k++) {
            if (!isDigit(text.charAt(k))) {
                return false;
            }
        }
        return j + 4 >= end || !isDigit(text.charAt(j + 4));
    }

    /** The quantity that starts at {@code i}, or null when the number there has no unit we know. */
    Quantity read(String text, int i, int end) {
        Quantity q = unsigned(text, i, end);
        // 增长-2.5%: a minus sign after a word (not the dash of a range after a number)
        if (q != null && i >= 2 && (text.charAt(i - 1) == '-' || text.charAt(i - 1) == '−')
                && !isDigit(text.charAt(i - 2)) && text.charAt(i - 2) != '%' && text.charAt(i - 2) != '-') {
            return new Quantity(i - 1, q.end(), -q.value(), q.valueMax() == null ? null : -q.valueMax(), q.unit(),
                    q.qualifier(), q.milestone());
        }
        return q;
    }

    private Quantity unsigned(String text, int i, int end) {
        boolean percentWord = text.startsWith("百分之", i);
        int p = percentWord ? i + 3 : i;
        if (p >= end) {
            return null;
        }
        Num first = number(text, p, end);
        if (first == null) {
            return null;
        }
        p = first.end;
        String qualifier = null;
        if (p < end && (text.charAt(p) == '余' || text.charAt(p) == '多')) {
            qualifier = "above";
            p++;
        }
        IndicatorLexicon.Unit unit = percentWord ? new IndicatorLexicon.Unit("百分之", "%", 1) : unitAt(text, p, end);
        if (unit != null && !percentWord) {
            p += unit.written().length();
        }
        Double max = null;
        // 6.5—7%  or  6%-6.5%
        if (p < end && RANGE_DASHES.indexOf(text.charAt(p)) >= 0 && p + 1 < end && isDigit(text.charAt(p + 1))) {
            Num second = number(text, p + 1, end);
            if (second != null) {
                int q = second.end;
                IndicatorLexicon.Unit unit2 = unitAt(text, q, end);
                if (unit2 != null && (unit == null || unit2.unit().equals(unit.unit()))) {
                    unit = unit2;
                    max = second.value;
                    p = q + unit2.written().length();
                }
            }
        }
        // 7%7.5%: a range whose dash was lost, told by a second, larger percentage right after the first
        if (max == null && unit != null && "%".equals(unit.unit()) && p < end && isDigit(text.charAt(p))) {
            Num second = number(text, p, end);
            if (second != null && second.value > first.value) {
                IndicatorLexicon.Unit unit2 = unitAt(text, second.end, end);
                if (unit2 != null && "%".equals(unit2.unit())) {
                    max = second.value;
                    p = second.end + unit2.written().length();
                }
            }
        }
        String unitName;
        double factor;
        if (unit != null) {
            unitName = unit.unit();
            factor = unit.factor();
        } else if (p < end && (text.charAt(p) == '万' || text.charAt(p) == '亿') && !first.arabic) {
            // 破千万: a scale word standing for the unit the indicator implies
            unitName = String.valueOf(text.charAt(p));
            factor = 1;
            p++;
        } else {
            return null;
        }
        if (qualifier == null) {
            if (text.startsWith("左右", p)) {
                qualifier = "about";
                p += 2;
            } else if (text.startsWith("以上", p)) {
                qualifier = "above";
                p += 2;
            } else if (text.startsWith("以内", p) || text.startsWith("以下", p)) {
                qualifier = "at_most";
                p += 2;
            }
        }
        // 突破千亿元大关, 突破千亿元: a round mark passed, written as a bare magnitude (千, 万) or with 大关
        boolean milestone = text.startsWith("大关", p) || (!first.arabic && first.digits == 0);
        double value = first.value * factor;
        Double valueMax = max == null ? null : max * factor;
        return new Quantity(i, p, round(value), valueMax == null ? null : round(valueMax), unitName, qualifier, milestone);
    }

    /** Before a bare number, the words after which it can only be a rate: 增长10.3, 实际增长9.7和13.4, 失业率为1.44. */
    private static final java.util.List<String> RATE_WORDS = java.util.List.of(
            "增长", "下降", "增速", "增幅", "上涨", "涨幅", "降幅", "回落", "率为", "率");

    /**
     * A decimal number standing without its % sign where copying dropped it (增长10.3, 失业率为1.44, 实际增长
     * 9.7和13.4), read as a percentage; null for any other number without a unit. Only a number with a decimal
     * point, right after a rate word and right before a clause end or another such number, is taken.
     */
    static Quantity bareRate(String text, int i, int end, int sentenceStart) {
        if (!isDigit(text.charAt(i)) || (i > sentenceStart && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.'))) {
            return null;
        }
        int j = skipNumber(text, i, end);
        boolean decimal = false;
        for (int k = i; k < j && !decimal; k++) {
            decimal = isDecimalPoint(text.charAt(k));
        }
        if (!decimal) {
            return null;
        }
        boolean closes = j == end || ",，。；;、)）".indexOf(text.charAt(j)) >= 0
                || text.charAt(j) == '和' && j + 1 < end && isDigit(text.charAt(j + 1));
        if (!closes) {
            return null;
        }
        int k = i;
        // 9.7和13.4: the second takes the rate word of the first
        while (k - 1 > sentenceStart && (isDigit(text.charAt(k - 1)) || text.charAt(k - 1) == '.' || text.charAt(k - 1) == '和')) {
            k--;
        }
        boolean afterRate = false;
        for (String w : RATE_WORDS) {
            if (k - w.length() >= sentenceStart && text.startsWith(w, k - w.length())) {
                afterRate = true;
                break;
            }
        }
        if (!afterRate) {
            return null;
        }
        return new Quantity(i, j, arabic(text, i, j), null, "%", null, false);
    }

    private IndicatorLexicon.Unit unitAt(String text, int p, int end) {
        int len = units.longest(text, p, Math.min(end, p + 6));
        return len == 0 ? null : units.get(text, p, len);
    }

    private record Num(int start, int end, double value, boolean arabic, int digits) {
    }

    /** The value of the arabic number {@code text[i, j)} as {@link #skipNumber} bounds it: thousands separators skipped, any decimal point or digit form. */
    private static double arabic(String text, int i, int j) {
        StringBuilder sb = new StringBuilder(j - i);
        for (int k = i; k < j; k++) {
            char d = text.charAt(k);
            if (d != ',') {
                sb.append(isDecimalPoint(d) ? '.' : (char) ('0' + Character.digit(d, 10)));
            }
        }
        return Double.parseDouble(sb.toString());
    }

    private static Num number(String text, int i, int end) {
        char c = text.charAt(i);
        if (isDigit(c)) {
            int j = skipNumber(text, i, end);
            return new Num(i, j, arabic(text, i, j), true, j - i);
        }
        if (CN_NUMERALS.indexOf(c) < 0 || c == '点') {
            return null;
        }
        int j = i;
        while (j < end && CN_NUMERALS.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        Double v = chineseValue(text.substring(i, j));
        if (v == null) {
            return null;
        }
        int digits = 0;
        for (int k = i; k < j; k++) {
            if (CN_DIGITS.indexOf(text.charAt(k)) >= 0) {
                digits++;
            }
        }
        return new Num(i, j, v, false, digits);
    }

    /** 四点五 → 4.5, 十二 → 12, 三千 → 3000, 千 → 1000, 二〇二五 → 2025; null if it is not a number. */
    static Double chineseValue(String s) {
        int point = s.indexOf('点');
        String whole = point < 0 ? s : s.substring(0, point);
        double value;
        if (whole.isEmpty()) {
            return null;
        }
        boolean positional = whole.chars().noneMatch(ch -> ch == '十' || ch == '百' || ch == '千');
        if (positional) {
            long v = 0;
            for (int k = 0; k < whole.length(); k++) {
                int d = digit(whole.charAt(k));
                if (d < 0) {
                    return null;
                }
                v = v * 10 + d;
            }
            value = v;
        } else {
            long total = 0;
            int pending = -1;
            for (int k = 0; k < whole.length(); k++) {
                char ch = whole.charAt(k);
                int d = digit(ch);
                if (d >= 0) {
                    pending = d;
                } else {
                    int mult = ch == '十' ? 10 : ch == '百' ? 100 : 1000;
                    total += (long) (pending < 0 ? 1 : pending) * mult;
                    pending = -1;
                }
            }
            if (pending > 0) {
                total += pending;
            }
            value = total;
        }
        if (point >= 0) {
            String frac = s.substring(point + 1);
            double scale = 0.1;
            for (int k = 0; k < frac.length(); k++) {
                int d = digit(frac.charAt(k));
                if (d < 0) {
                    return null;
                }
                value += d * scale;
                scale /= 10;
            }
        }
        return value;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    private static boolean isDecimalPoint(char c) {
        return c == '.' || c == '．';
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
