package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One clean report on {@link Topics#INGESTED}.
 *
 * @param documentId a hash of the normalised text: the same text always has the same id
 * @param metadata   what ingestion learned about it
 * @param text       the normalised text; every offset downstream points into it
 * @param supersedes ids of earlier versions from the same source, which downstream stores must drop
 * @param ingestedAt when ingestion accepted it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IngestedReport(
        String documentId,
        ReportMetadata metadata,
        String text,
        List<String> supersedes,
        Instant ingestedAt) {

    public IngestedReport {
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
    }
}
