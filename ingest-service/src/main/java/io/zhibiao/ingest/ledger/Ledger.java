package io.zhibiao.ingest.ledger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.ingest.domain.IngestedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL ledger of documents and their pipeline status. Every method is one transaction and
 * idempotent: a redelivered record changes nothing.
 */
@ApplicationScoped
public class Ledger {
    private static final Logger LOG = Logger.getLogger(Ledger.class);

    /** What the ledger made of a document. */
    public enum Outcome {
        /** Never seen: recorded, to be published. */
        NEW,
        /** Recorded before but its publication was not confirmed (a crash in between): publish again. */
        UNPUBLISHED,
        /** The same text was accepted and published before: nothing to do. */
        DUPLICATE
    }

    public record Acceptance(Outcome outcome, List<String> supersedes) {
        public boolean mustPublish() {
            return outcome != Outcome.DUPLICATE;
        }
    }

    @Transactional
    public Acceptance accept(IngestedDocument doc) {
        ReportEntry existing = ReportEntry.findById(doc.documentId());
        if (existing != null) {
            List<String> superseded = ReportEntry.<ReportEntry>list("supersededBy", doc.documentId()).stream()
                    .map(e -> e.id).toList();
            if (existing.published) {
                existing.duplicatesSeen++;
                return new Acceptance(Outcome.DUPLICATE, superseded);
            }
            return new Acceptance(Outcome.UNPUBLISHED, superseded);
        }
        ReportMetadata m = doc.metadata();
        Instant now = Instant.now();
        // a changed text from the same place of the same source is a new version of that document
        List<String> supersedes = ReportEntry.currentFrom(m.sourceUrl(), m.indexInSource()).stream()
                .peek(old -> {
                    old.supersededBy = doc.documentId();
                    old.status = PipelineProgress.SUPERSEDED;
                    old.updatedAt = now;
                }).map(old -> old.id).toList();
        ReportEntry e = new ReportEntry();
        e.id = doc.documentId();
        e.sourceUrl = m.sourceUrl();
        e.sourceName = m.sourceName();
        e.indexInSource = m.indexInSource();
        e.title = truncate(m.title(), 512);
        Region r = m.region();
        if (r != null) {
            e.regionName = r.name();
            e.regionCode = r.code();
            e.province = r.province();
            e.regionLevel = r.level();
        }
        e.docType = m.docType();
        e.year = m.year();
        e.reviewedYear = m.reviewedYear();
        e.fragment = m.fragment();
        e.chars = doc.text().length();
        e.status = PipelineProgress.INGESTED;
        e.receivedAt = now;
        e.updatedAt = now;
        e.persist();
        return new Acceptance(Outcome.NEW, supersedes);
    }

    @Transactional
    public void markPublished(String documentId) {
        ReportEntry e = ReportEntry.findById(documentId);
        if (e != null) {
            e.published = true;
        }
    }

    /** Records what a stage said, once, and updates the document's status. */
    @Transactional
    public void record(StatusEvent event) {
        if (event.documentId() == null || event.stage() == null || event.state() == null) {
            LOG.warnf("ignoring an incomplete status event %s", event);
            return;
        }
        ReportEntry report = ReportEntry.findById(event.documentId());
        if (report == null) {
            LOG.warnf("status event for a document the ledger does not know: %s", event);
            return;
        }
        StageEventEntry said = StageEventEntry.find(event.documentId(), event.stage().name(), event.state().name());
        if (said == null) {
            said = new StageEventEntry();
            said.reportId = event.documentId();
            said.stage = event.stage().name();
            said.state = event.state().name();
            said.detail = truncate(event.detail(), 2048);
            said.at = event.at() == null ? Instant.now() : event.at();
            said.persist();
            Panache.getEntityManager().flush();
        }
        if (PipelineProgress.SUPERSEDED.equals(report.status)) {
            return;
        }
        List<PipelineProgress.Said> all = StageEventEntry.of(event.documentId()).stream()
                .map(s -> new PipelineProgress.Said(StatusEvent.Stage.valueOf(s.stage), StatusEvent.State.valueOf(s.state)))
                .toList();
        String status = PipelineProgress.status(all);
        if (!status.equals(report.status)) {
            report.status = status;
            report.statusDetail = event.state() == StatusEvent.State.FAILED
                    ? truncate(event.stage().id() + ": " + event.detail(), 2048) : null;
            report.updatedAt = Instant.now();
        }
    }

    public Optional<ReportEntry> find(String documentId) {
        return ReportEntry.findByIdOptional(documentId);
    }

    public List<StageEventEntry> events(String documentId) {
        return StageEventEntry.of(documentId);
    }

    public List<ReportEntry> list(String status, int limit) {
        if (status == null) {
            return ReportEntry.findAll(io.quarkus.panache.common.Sort.descending("receivedAt")).page(0, limit).list();
        }
        return ReportEntry.withStatus(status, limit);
    }

    /** Documents per status. */
    public Map<String, Long> summary() {
        Map<String, Long> counts = new HashMap<>();
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery("select r.status, count(r) from ReportEntry r group by r.status", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
