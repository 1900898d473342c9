package io.zhibiao.query.search;

import java.util.List;
import java.util.Map;

/**
 * A validated search: the text, the filters (values of one field are alternatives, fields all apply),
 * the order and the page.
 *
 * @param filters field name → accepted values, for the keyword fields region, province, level, docType, section
 * @param years   accepted report years, or empty for all
 */
public record SearchQuery(QueryText text, Map<String, List<String>> filters, List<Integer> years, Sort sort,
                          int from, int size) {
    public static final int MAX_SIZE = 50;
    public static final int MAX_DEPTH = 1000;

    /** The keyword fields a search can be filtered and faceted by, in the order the page shows them. */
    public static final List<String> KEYWORD_FACETS = List.of("province", "region", "level", "docType", "section");

    public enum Sort {
        RELEVANCE("relevance"), YEAR_DESC("year"), YEAR_ASC("year_asc");

        public final String param;

        Sort(String param) {
            this.param = param;
        }

        public static Sort of(String param) {
            for (Sort s : values()) {
                if (s.param.equals(param)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("sort must be one of relevance, year, year_asc, not " + param);
        }
    }

    public SearchQuery {
        filters = Map.copyOf(filters);
        years = List.copyOf(years);
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if (from < 0 || from + size > MAX_DEPTH) {
            throw new IllegalArgumentException("from must be 0 or more and from + size at most " + MAX_DEPTH
                    + " (narrow the search with filters to go deeper)");
        }
        for (String field : filters.keySet()) {
            if (!KEYWORD_FACETS.contains(field)) {
                throw new IllegalArgumentException("cannot filter by " + field);
            }
        }
    }
}
