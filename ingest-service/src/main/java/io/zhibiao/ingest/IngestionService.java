package io.zhibiao.ingest;

import io.zhibiao.contracts.IngestedReport;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.ReportIngestor;
import io.zhibiao.ingest.ledger.Ledger;
import io.zhibiao.ingest.messaging.PipelinePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import io.zhibiao.ingest.domain.formats.DocumentLimits;
import io.zhibiao.ingest.domain.formats.DocumentReaders;
import io.zhibiao.ingest.domain.formats.Ocr;
import io.zhibiao.ingest.domain.formats.TesseractOcr;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path every report takes in, whether from Kafka or HTTP: clean and split it, record each
 * document in the ledger, publish the new ones. Bad input raises
 * {@link io.zhibiao.ingest.domain.RejectedInputException}; the caller answers it (dead letter or 4xx).
 */
@ApplicationScoped
public class IngestionService {
    private final ReportIngestor ingestor;

    @Inject
    public IngestionService(
            @ConfigProperty(name = "zhibiao.ingest.ocr.command", defaultValue = "tesseract") String ocrCommand,
            @ConfigProperty(name = "zhibiao.ingest.ocr.languages", defaultValue = TesseractOcr.DEFAULT_LANGUAGES) String ocrLanguages,
            @ConfigProperty(name = "zhibiao.ingest.files.max-pages", defaultValue = "2000") int maxPages,
            @ConfigProperty(name = "zhibiao.ingest.ocr.max-pages", defaultValue = "200") int maxOcrPages,
            @ConfigProperty(name = "zhibiao.ingest.ocr.budget", defaultValue = "PT10M") Duration ocrBudget) {
        DocumentLimits limits = DocumentLimits.standard().withMaxPages(maxPages).withOcr(maxOcrPages, ocrBudget);
        Ocr ocr = ocrCommand.isBlank() ? Ocr.none("OCR is turned off (zhibiao.ingest.ocr.command is empty)")
                : new TesseractOcr(ocrCommand, ocrLanguages);
        this.ingestor = ReportIngestor.standard().withFiles(new DocumentReaders(ocr, limits));
        Logger.getLogger(IngestionService.class).infof("OCR: %s", ocr.describe());
    }

    /** For CDI's client proxy only. */
    protected IngestionService() {
        this.ingestor = null;
    }

    @Inject
    Ledger ledger;

    @Inject
    PipelinePublisher publisher;

    /** What happened to one document of the input. */
    public record Receipt(String documentId, String title, String region, boolean duplicate, List<String> supersedes) {
    }

    /** Clean, split and identify: the part that depends on the input alone (bad input is rejected here). */
    public List<IngestedDocument> prepare(RawReport raw) {
        return ingestor.ingest(raw);
    }

    /**
     * Every report of one input (a CloudEvents batch holds several), all or none: a report that is refused
     * refuses the input, and when there are several the reason says which one it was.
     */
    public List<IngestedDocument> prepare(List<RawReport> reports) {
        List<IngestedDocument> documents = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            try {
                documents.addAll(prepare(reports.get(i)));
            } catch (RejectedInputException e) {
                if (reports.size() == 1) {
                    throw e;
                }
                throw new RejectedInputException(e.rejection(), "event " + (i + 1) + " of the batch of " + reports.size()
                        + " (" + reports.get(i).sourceUrl() + "): " + e.reason(), e);
            }
        }
        return documents;
    }

    /** Both steps, once; for callers that answer failures themselves (HTTP). */
    public List<Receipt> ingest(RawReport raw) {
        return ingest(List.of(raw));
    }

    /** Both steps for every report of one input, all prepared before any is recorded. */
    public List<Receipt> ingest(List<RawReport> reports) {
        List<Receipt> receipts = new ArrayList<>();
        for (IngestedDocument doc : prepare(reports)) {
            receipts.add(record(doc));
        }
        return receipts;
    }

    /**
     * Record a document in the ledger and publish it if it is new: the part that depends on PostgreSQL
     * and Kafka. Idempotent, so it can be retried after any failure.
     */
    public Receipt record(IngestedDocument doc) {
        Ledger.Acceptance acceptance = ledger.accept(doc);
        if (acceptance.mustPublish()) {
            publisher.publish(new IngestedReport(doc.documentId(), doc.metadata(), doc.text(),
                    acceptance.supersedes(), Instant.now()));
            ledger.markPublished(doc.documentId());
            publisher.publish(StatusEvent.done(doc.documentId(), StatusEvent.Stage.INGEST,
                    doc.text().length() + " chars"));
        } else {
            publisher.publish(new StatusEvent(doc.documentId(), StatusEvent.Stage.INGEST,
                    StatusEvent.State.DUPLICATE, "the same text was ingested before", Instant.now()));
        }
        return new Receipt(doc.documentId(), doc.metadata().title(), doc.metadata().regionName(),
                !acceptance.mustPublish(), acceptance.supersedes());
    }
}
