package io.zhibiao.ingest.api;

import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.IngestionService;
import io.zhibiao.ingest.domain.RawReportReader;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.Rejection;
import io.zhibiao.ingest.domain.formats.SourceFormat;
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
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, "application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-works",
            "application/kswps", "application/rtf", "text/rtf", "application/vnd.oasis.opendocument.text", "image/png",
            "image/jpeg", "image/tiff", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Submit a report as the document itself: plain text or HTML (the charset is detected when not"
            + " declared), PDF, Word (.docx, .doc), WPS, RTF, ODT or a scanned page image; application/octet-stream"
            + " is detected from the bytes and fileName")
    public Response submitDocument(byte[] body, @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
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
    @Operation(summary = "Upload a report file (form field 'file'): text or HTML in any supported charset, PDF, Word"
            + " (.docx, .doc), WPS, RTF, ODT or a scanned page image; the format comes from the bytes, the file name"
            + " and the part's content type")
    public Response submitFile(@RestForm("file") FileUpload file, @RestForm("sourceUrl") String sourceUrl) throws IOException {
        if (file == null) {
            throw new RejectedInputException(Rejection.EMPTY_CONTENT, "the form has no field 'file'");
        }
        byte[] body = Files.readAllBytes(file.uploadedFile());
        String name = file.fileName();
        String type = uploadType(file.contentType(), name);
        String url = sourceUrl == null || sourceUrl.isBlank() ? "upload:" + (name == null ? "anonymous" : name) : sourceUrl;
        RawReport raw = new RawReport(url, Instant.now(), type, null, null, Base64.getEncoder().encodeToString(body),
                name, null);
        return accepted(ingestion.ingest(raw));
    }

    /**
     * A part's type as the ingestor should see it: the declared type when it names a format this service reads
     * (other than text/plain, which browsers and curl send for anything), else the file name's. Browsers send .wps
     * or .odt as application/octet-stream, and curl sends everything so.
     */
    static String uploadType(String declared, String name) {
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (SourceFormat.ofMediaType(type).isPresent() && !type.equals("text/plain")) {
            return type;
        }
        return SourceFormat.contentTypeFor(name);
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
