package io.zhibiao.nlp.api;

import io.zhibiao.contracts.IndicatorFact;
import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.nlp.extract.IndicatorExtractor;
import io.zhibiao.nlp.segment.ReportSegmenter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.List;

/**
 * Try the stages on a piece of text, without Kafka: what the pipeline would make of it. For people
 * checking a sentence, and for tools; nothing is stored.
 */
@Path("/api")
@Consumes(MediaType.TEXT_PLAIN)
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {
    public static final int MAX_CHARS = 2_000_000;

    private final ReportSegmenter segmenter = ReportSegmenter.standard();
    private final IndicatorExtractor extractor = IndicatorExtractor.standard();

    @POST
    @Path("/segment")
    @Operation(summary = "Sections, paragraphs, sentences and words of a text")
    public SegmentedReport segment(String text, @QueryParam("region") String region, @QueryParam("year") Integer year) {
        return segmenter.segment(report(text, region, year));
    }

    @POST
    @Path("/extract")
    @Operation(summary = "The indicator facts of a text; period and kind are read against the report's year")
    public List<IndicatorFact> extract(String text,
                                       @Parameter(description = "issuing region, e.g. 锦州市") @QueryParam("region") String region,
                                       @Parameter(description = "the report's year, e.g. 2024") @QueryParam("year") Integer year) {
        SegmentedReport segmented = segmenter.segment(report(text, region, year));
        return extractor.extract(segmented).stream()
                .map(f -> f.placedIn(segmented)).toList();
    }

    private static IngestedReport report(String text, String region, Integer year) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the body is empty: post the text of a report (text/plain)");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the text is longer than " + MAX_CHARS + " characters");
        }
        if (year != null && (year < 1949 || year > 2100)) {
            throw new IllegalArgumentException("year must be between 1949 and 2100");
        }
        ReportMetadata meta = new ReportMetadata(null, region == null ? null : new Region(region, null, null, null),
                "work_report", year, year == null ? null : year - 1, null, false, "api:extract", null, 0, null, null);
        return new IngestedReport("adhoc", meta, text, List.of(), Instant.now());
    }
}
