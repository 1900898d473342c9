package io.zhibiao.query.api;

import io.zhibiao.query.reports.ReportService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** One report: metadata, section tree, paragraphs and text; a passage opened in context. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "a report to read")
public class ReportResource {
    static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    @Inject
    ReportService reports;

    @GET
    @Path("/{id}")
    @Operation(summary = "A report: metadata, section tree, paragraph offsets and text; passage=N also answers where"
            + " passage N is (offsets, section path), for the page to scroll to",
            description = "A report from a paged source (PDF, Word, a scan) has in its metadata format, pageCount, ocr"
                    + " and ocrConfidence (0–100, when pages were read by OCR), pages: where each page begins in the text"
                    + " (page, start, ocr when read by OCR), and the page each paragraph begins on (page, and ocr when a"
                    + " page it spans was read by OCR). All of these are absent for text and HTML.")
    @APIResponse(responseCode = "404", description = "no report with this id")
    @APIResponse(responseCode = "400", description = "a malformed id or parameter, or a passage the report does not have")
    public ReportService.Report get(
            @Context UriInfo uri,
            @Parameter(description = "the document id, as search and indicators answer it") @PathParam("id") String id,
            @Parameter(description = "a paragraph number (the N of a passage id doc:pN) to open the report at") @QueryParam("passage") String passage,
            @Parameter(description = "false leaves the text out (metadata and structure only)") @QueryParam("text") String text) throws IOException {
        Params p = Params.of(uri, List.of("passage", "text"));
        if (id == null || !DOCUMENT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a document id: letters, digits, _ . - only, at most 128");
        }
        Integer at = p.optionalInteger("passage", 0, 1_000_000);
        boolean withText = p.bool("text", true);
        return reports.get(id, at, withText)
                .orElseThrow(() -> new ErrorMappers.NotFoundException("no report with id " + id));
    }
}
