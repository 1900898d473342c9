package io.zhibiao.ingest.domain;

import io.zhibiao.contracts.ReportMetadata;

import java.util.Objects;

/**
 * One clean report out of a raw input.
 *
 * @param documentId {@link DocumentId} of {@code text}: the same text always has the same id
 * @param metadata   what ingestion learned about it
 * @param text       the cleaned, normalised text; every offset downstream points into it
 */
public record IngestedDocument(String documentId, ReportMetadata metadata, String text) {
    public IngestedDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(text, "text");
    }
}
