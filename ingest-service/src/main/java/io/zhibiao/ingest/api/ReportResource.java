package io.zhibiao.ingest.api;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.IngestionService;
import io.zhibiao.ingest.domain.RawReportReader;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.Rejection;
import io.zhibiao.ingest.ledger.Ledger;
import io.zhibiao.ingest.ledger.PipelineProgress;
import io.zhibiao.ingest.ledger.ReportEntry;
import io.zhibiao.ingest.ledger.StageEventEntry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Reports in over HTTP, and the ledger's view of where each one is. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {
    private static final Set<String> STATUSES = Set.of(PipelineProgress.INGESTED, PipelineProgress.SEGMENTED,
            PipelineProgress.EXTRACTED, PipelineProgress.INDEXED, PipelineProgress.FAILED, PipelineProgress.SUPERSEDED);

    private final RawReportReader reader = RawReportReader.standard();

    @Inject
    IngestionService ingestion;

    @Inject
    Ledger ledger;

    public record Accepted(List<IngestionService.Receipt> documents, List<String> statusUrls) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/cloudevents+json", RawReportReader.BATCH_CONTENT_TYPE})
    @Operation(summary = "Submit a report as the JSON of the input contract (schemas/raw-report.schema.json), plain or as"
            + " a CloudEvent (structured mode: application/cloudevents+json; binary mode: ce-* headers; batch mode:"
            + " application/cloudevents-batch+json, one report per event)")
    public Response submitJson(byte[] body, @Context HttpHeaders http) {
        Map<String, String> headers = new HashMap<>();
        http.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!values.isEmpty() && (lower.equals("content-type") || lower.startsWith("ce-") || lower.startsWith("ce_"))) {
                headers.put(lower, values.get(0));
            }
        });
        return accepted(ingestion.ingest(reader.readAll(body, headers)));
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Operation(summary = "Submit a report as plain text or HTML; the charset is detected when not declared")
    public Response submitText(byte[] body, @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
                               @QueryParam("sourceUrl") String sourceUrl, @QueryParam("fileName") String fileName) {
        MediaType type = MediaType.valueOf(contentType);
        String charset = type.getParameters().get("charset");
        String url = sourceUrl == null || sourceUrl.isBlank() ? "upload:" + (fileName == null ? "anonymous" : fileName) : sourceUrl;
        RawReport raw = new RawReport(url, Instant.now(), type.getType() + "/" + type.getSubtype(), charset, null,
                Base64.getEncoder().encodeToString(body), fileName, null);
        return accepted(ingestion.ingest(raw));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a report file (form field 'file'; .txt or .html, any supported charset)")
    public Response submitFile(@RestForm("file") FileUpload file, @RestForm("sourceUrl") String sourceUrl) throws IOException {
        if (file == null) {
            throw new RejectedInputException(Rejection.EMPTY_CONTENT, "the form has no field 'file'");
        }
        byte[] body = Files.readAllBytes(file.uploadedFile());
        String name = file.fileName();
        String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        String type = lower.endsWith(".html") || lower.endsWith(".htm") ? "text/html"
                : file.contentType() != null && file.contentType().startsWith("text/html") ? "text/html" : "text/plain";
        String url = sourceUrl == null || sourceUrl.isBlank() ? "upload:" + (name == null ? "anonymous" : name) : sourceUrl;
        RawReport raw = new RawReport(url, Instant.now(), type, null, null, Base64.getEncoder().encodeToString(body),
                name, null);
        return accepted(ingestion.ingest(raw));
    }

    private static Response accepted(List<IngestionService.Receipt> receipts) {
        List<String> urls = receipts.stream().map(r -> "/api/reports/" + r.documentId() + "/status").toList();
        return Response.status(Response.Status.ACCEPTED).entity(new Accepted(receipts, urls)).build();
    }

    public record Status(String documentId, String status, String detail, String title, String region, String regionCode,
                         String province, String level, String docType, Integer year, Integer reviewedYear,
                         boolean fragment, int chars, String sourceUrl, String sourceName, int indexInSource,
                         String supersededBy, int duplicatesSeen, Instant receivedAt, Instant updatedAt,
                         List<Event> events) {
    }

    public record Event(String stage, String state, String detail, Instant at) {
    }

    @GET
    @Path("/{id}/status")
    @Operation(summary = "Where a document is in the pipeline, with what every stage said about it")
    public Status status(@PathParam("id") String id) {
        ReportEntry e = ledger.find(id).orElseThrow(() -> new NotFoundException("no document " + id));
        List<Event> events = ledger.events(id).stream()
                .map((StageEventEntry s) -> new Event(s.stage.toLowerCase(), s.state.toLowerCase(), s.detail, s.at)).toList();
        return new Status(e.id, e.status, e.statusDetail, e.title, e.regionName, e.regionCode, e.province, e.regionLevel,
                e.docType, e.year, e.reviewedYear, e.fragment, e.chars, e.sourceUrl, e.sourceName, e.indexInSource,
                e.supersededBy, e.duplicatesSeen, e.receivedAt, e.updatedAt, events);
    }

    public record Listing(int total, List<Status> items) {
    }

    @GET
    @Operation(summary = "Documents, newest first, optionally those with one status (e.g. failed)")
    public Listing list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        List<Status> items = ledger.list(status, limit).stream().map(e -> new Status(e.id, e.status, e.statusDetail,
                e.title, e.regionName, e.regionCode, e.province, e.regionLevel, e.docType, e.year, e.reviewedYear,
                e.fragment, e.chars, e.sourceUrl, e.sourceName, e.indexInSource, e.supersededBy, e.duplicatesSeen,
                e.receivedAt, e.updatedAt, null)).toList();
        return new Listing(items.size(), items);
    }

    public record Summary(long documents, long pending, Map<String, Long> byStatus) {
    }

    @GET
    @Path("/summary")
    @Operation(summary = "How many documents the ledger holds, per status; pending = not yet indexed, failed or superseded")
    public Summary summary() {
        Map<String, Long> by = ledger.summary();
        long total = by.values().stream().mapToLong(Long::longValue).sum();
        long done = by.entrySet().stream().filter(e -> PipelineProgress.FINAL.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new Summary(total, total - done, by);
    }
}
