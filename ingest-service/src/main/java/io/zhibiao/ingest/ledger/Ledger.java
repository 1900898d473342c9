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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        recordAll(List.of(event));
    }

    /**
     * Records what the stages said, each event once, and updates the documents' status, in one transaction:
     * the documents and what was said of them before are read in two queries, whatever the number of events
     * (one transaction per event cost ingest-service a fifth of its CPU and PostgreSQL a commit per event).
     * Events are applied in order, so the result is that of recording them one by one.
     */
    @Transactional
    public void recordAll(List<StatusEvent> events) {
        List<StatusEvent> complete = new ArrayList<>(events.size());
        for (StatusEvent event : events) {
            if (event == null || event.documentId() == null || event.stage() == null || event.state() == null) {
                LOG.warnf("ignoring an incomplete status event %s", event);
            } else {
                complete.add(event);
            }
        }
        if (complete.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        complete.forEach(e -> ids.add(e.documentId()));
        Map<String, ReportEntry> reports = new HashMap<>();
        ReportEntry.<ReportEntry>list("id in ?1", ids).forEach(r -> reports.put(r.id, r));
        Map<String, List<StageEventEntry>> said = new HashMap<>();
        StageEventEntry.ofAll(ids).forEach(s -> said.computeIfAbsent(s.reportId, k -> new ArrayList<>()).add(s));
        for (StatusEvent event : complete) {
            ReportEntry report = reports.get(event.documentId());
            if (report == null) {
                LOG.warnf("status event for a document the ledger does not know: %s", event);
                continue;
            }
            List<StageEventEntry> before = said.computeIfAbsent(event.documentId(), k -> new ArrayList<>());
            boolean known = before.stream().anyMatch(s -> s.stage.equals(event.stage().name()) && s.state.equals(event.state().name()));
            if (!known) {
                StageEventEntry entry = new StageEventEntry();
                entry.reportId = event.documentId();
                entry.stage = event.stage().name();
                entry.state = event.state().name();
                entry.detail = truncate(event.detail(), 2048);
                entry.at = event.at() == null ? Instant.now() : event.at();
                entry.persist();
                before.add(entry);
            }
            if (PipelineProgress.SUPERSEDED.equals(report.status)) {
                continue;
            }
            String status = PipelineProgress.status(before.stream()
                    .map(s -> new PipelineProgress.Said(StatusEvent.Stage.valueOf(s.stage), StatusEvent.State.valueOf(s.state)))
                    .toList());
            if (!status.equals(report.status)) {
                report.status = status;
                report.statusDetail = event.state() == StatusEvent.State.FAILED
                        ? truncate(event.stage().id() + ": " + event.detail(), 2048) : null;
                report.updatedAt = Instant.now();
            }
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
