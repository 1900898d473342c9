package io.zhibiao.cli.load;

import java.util.List;
import java.util.Map;

/**
 * What the pipeline must make of one generated report, computed in-process by the services' own code
 * (ingest → segment → extract), so that a test can check Elasticsearch by id.
 *
 * @param documentId  the document id (hash of the cleaned text)
 * @param region      the detected issuing region's name
 * @param regionCode  its division code
 * @param year        the report's year
 * @param docType     work_report, five_year_plan, other
 * @param passageIds  ids of the passages index: {@code <documentId>:p<paragraphIndex>}
 * @param facts       ids of the facts index ({@code <documentId>:f<ordinal>}) → {@link #factSignature}
 */
public record Expected(String documentId, String region, String regionCode, Integer year, String docType,
                       List<String> passageIds, Map<String, String> facts) {

    public Expected {
        passageIds = List.copyOf(passageIds);
        facts = Map.copyOf(facts);
    }

    /** The passage id index-service gives a paragraph (io.zhibiao.index.documents.PassageDoc#id). */
    public static String passageId(String documentId, int paragraph) {
        return documentId + ":p" + paragraph;
    }

    /** The fact id index-service gives the n-th fact of a report (io.zhibiao.index.documents.FactDoc#id). */
    public static String factId(String documentId, int ordinal) {
        return documentId + ":f" + ordinal;
    }

    /** What a fact says, in a form that is equal for the extractor's fact and the indexed one. */
    public static String factSignature(String indicator, String kind, Integer period, String measure, double value,
                                       int start, int end) {
        return indicator + "|" + kind + "|" + period + "|" + measure + "|" + value + "|" + start + "-" + end;
    }
}
