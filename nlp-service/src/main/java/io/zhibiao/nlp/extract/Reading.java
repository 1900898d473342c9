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
 */
record Reading(String indicator, String measure, double value, Double valueMax, String unit, String qualifier,
               int start, int end, boolean milestone) {
}
