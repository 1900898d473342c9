package io.zhibiao.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The indicator facts of one report, on {@link Topics#INDICATORS}. An empty list is a valid answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtractedIndicators(
        String documentId,
        ReportMetadata metadata,
        List<String> supersedes,
        List<IndicatorFact> facts) {

    public ExtractedIndicators {
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
