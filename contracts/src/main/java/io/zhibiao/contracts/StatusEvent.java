package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * What a stage did with a document, on {@link Topics#STATUS}. The ingest ledger records every one,
 * so that {@code GET /api/reports/{id}/status} can tell where a document is.
 *
 * @param documentId the document
 * @param stage      the stage that speaks
 * @param state      what happened
 * @param detail     counts or the reason of a failure
 * @param at         when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusEvent(String documentId, Stage stage, State state, String detail, Instant at) {

    public enum Stage {
        INGEST, SEGMENT, EXTRACT, INDEX_TEXT, INDEX_FACTS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum State {
        /** The stage finished its work on the document. */
        DONE,
        /** The stage gave up on the document; it is in that stage's dead-letter topic. */
        FAILED,
        /** Ingestion saw the same text again and did nothing. */
        DUPLICATE
    }

    public static StatusEvent done(String documentId, Stage stage, String detail) {
        return new StatusEvent(documentId, stage, State.DONE, detail, Instant.now());
    }

    public static StatusEvent failed(String documentId, Stage stage, String reason) {
        return new StatusEvent(documentId, stage, State.FAILED, reason, Instant.now());
    }
}
