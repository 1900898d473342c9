package io.zhibiao.nlp.extract;

/**
 * A number with its unit as read from the text: {@code 326.3亿元}, {@code 6.5—7%}, {@code 1.2万亿元}
 * (read as 12000 亿元), {@code 百分之四点五}, {@code 3%左右}.
 *
 * @param start     where the number starts
 * @param end       end of the unit or of the qualifier word after it
 * @param value     the number, scaled to {@code unit}; the lower bound of a range
 * @param valueMax  the upper bound of a range, else null
 * @param unit      the normalised unit; "万" or "亿" when a scale word stands without a unit (破千万)
 * @param qualifier the word after it: {@code about} (左右), {@code above} (以上, 余, 多), {@code at_most} (以内, 以下), or null
 * @param milestone true for "突破千亿元大关": a round mark passed, often followed by the exact figure
 */
record Quantity(int start, int end, double value, Double valueMax, String unit, String qualifier, boolean milestone) {

    boolean isPercent() {
        return "%".equals(unit);
    }

    boolean isRange() {
        return valueMax != null;
    }
}
