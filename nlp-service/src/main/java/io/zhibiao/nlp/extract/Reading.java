package io.zhibiao.nlp.extract;

/**
 * One indicator value read from a sentence, before time and kind are known.
 *
 * @param indicator  canonical id
 * @param measure    growth_pct, level, share_pct or count
 * @param value      the value (negative for a fall)
 * @param valueMax   upper bound of a range
 * @param unit       normalised unit
 * @param qualifier  about, above, at_most, range or null
 * @param start      start of the quote: the indicator's name
 * @param end        end of the quote: the end of the value
 * @param milestone  a round mark passed (突破千亿元大关), dropped when the exact figure follows
 * @param expected   the value is the target an outcome is compared with: 控制在预期4.2%以内, 好于下降7%的预期
 * @param forecast   the value is what will be (将突破5000万人次): a target's wording, never an outcome
 * @param year       the year the clause gives this value itself (由2006年的1595亿元), else null
 */
record Reading(String indicator, String measure, double value, Double valueMax, String unit, String qualifier,
               int start, int end, boolean milestone, boolean expected, boolean forecast, Integer year) {

    Reading(String indicator, String measure, double value, Double valueMax, String unit, String qualifier,
            int start, int end, boolean milestone) {
        this(indicator, measure, value, valueMax, unit, qualifier, start, end, milestone, false, false, null);
    }

    Reading inYear(int y) {
        return new Reading(indicator, measure, value, valueMax, unit, qualifier, start, end, milestone, expected, forecast, y);
    }
}
