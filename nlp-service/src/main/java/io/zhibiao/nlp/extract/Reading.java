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
 * @param basis      another basis of comparison than the plain one (可比增长11.2% beside 同比增长1.1%), else null
 * @param ranked     a rank follows the value (增长12.5%,全国第5): an outcome, never a target
 * @param changeStart the value a change started from (从11.47万亿元增长至14.58万亿元): a figure of the base year,
 *                    which {@link TimeFrame} finds or, failing that, the fact is dropped
 * @param targetWording the words between name and value say it is a target (GDP预期增长4.5%-5%, 增长目标为6%)
 */
record Reading(String indicator, String measure, double value, Double valueMax, String unit, String qualifier,
               int start, int end, boolean milestone, boolean expected, boolean forecast, Integer year,
               String basis, boolean ranked, boolean changeStart, boolean targetWording) {

    Reading(String indicator, String measure, double value, Double valueMax, String unit, String qualifier,
            int start, int end, boolean milestone) {
        this(indicator, measure, value, valueMax, unit, qualifier, start, end, milestone, false, false, null, null,
                false, false, false);
    }

    /** The start of a change, with its own year when the clause gives one (由2006年的…), else null. */
    Reading asChangeStart(Integer y) {
        return new Reading(indicator, measure, value, valueMax, unit, qualifier, start, end, milestone, expected,
                forecast, y, basis, ranked, true, targetWording);
    }
}
