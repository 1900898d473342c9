package io.zhibiao.contracts;

import java.util.List;

/**
 * The Kafka topics of the pipeline. Services read their topic names from configuration
 * (so an operator can prefix or rename them); these are the defaults everything agrees on.
 *
 * <pre>
 * reports.raw ──ingest──► reports.ingested ──segment──► reports.segmented ──extract──► reports.indicators
 *                                                            │                               │
 *                                                            └──────────── index ◄───────────┘
 * every stage ──► reports.status          a stage's rejects ──► reports.&lt;stage&gt;.dlq
 *                       └─ledger─► (PostgreSQL)       the ledger's ──► reports.status.dlq
 * </pre>
 */
public final class Topics {
    /** Public input: raw reports from scrapers ({@link RawReport}), key = source URL. */
    public static final String RAW = "reports.raw";
    /** Input that could not be ingested, with the reason in the headers. */
    public static final String RAW_DLQ = "reports.raw.dlq";
    /** One clean, identified report per record ({@link IngestedReport}), key = document id. */
    public static final String INGESTED = "reports.ingested";
    /** Reports the segment stage gave up on. */
    public static final String SEGMENT_DLQ = "reports.segment.dlq";
    /** Sections, paragraphs, sentences and words ({@link SegmentedReport}), key = document id. */
    public static final String SEGMENTED = "reports.segmented";
    /** Reports the extract stage gave up on. */
    public static final String EXTRACT_DLQ = "reports.extract.dlq";
    /** Indicator facts of one report ({@link ExtractedIndicators}), key = document id. */
    public static final String INDICATORS = "reports.indicators";
    /** Records the index stage gave up on. */
    public static final String INDEX_DLQ = "reports.index.dlq";
    /** Where every stage says what it did with a document ({@link StatusEvent}), key = document id. */
    public static final String STATUS = "reports.status";
    /** Records of the status topic the ledger could not take (not a status event, or refused), with the reason. */
    public static final String STATUS_DLQ = "reports.status.dlq";

    public static List<String> all() {
        return List.of(RAW, RAW_DLQ, INGESTED, SEGMENT_DLQ, SEGMENTED, EXTRACT_DLQ, INDICATORS, INDEX_DLQ, STATUS, STATUS_DLQ);
    }

    private Topics() {
    }
}
