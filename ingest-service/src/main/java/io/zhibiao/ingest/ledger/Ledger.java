package io.zhibiao.ingest.ledger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.zhibiao.contracts.Region;
import io.zhibiao.contracts.ReportMetadata;
import io.zhibiao.contracts.StatusEvent;
import io.zhibiao.ingest.domain.IngestedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    @Inject
    DataSource dataSource;

    /** A document's new status and, when a stage failed, why. */
    private record StatusChange(String status, String detail) {
    }

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

    /**
     * Records what the stages said, each event once, and updates the documents' status, in one transaction of
     * four statements whatever the number of events: the documents' status and what was said of them before
     * are read, the new events inserted and the changed statuses written, each as one JDBC statement or batch.
     * (Through Hibernate, with a query plan compiled per batch for its list of ids, this was a fifth of
     * ingest-service's CPU.) Events are applied in order, so the result is that of recording them one by one.
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
        try (Connection c = dataSource.getConnection()) {
            Set<String> ids = new LinkedHashSet<>();
            complete.forEach(e -> ids.add(e.documentId()));
            Array idArray = c.createArrayOf("text", ids.toArray());
            Map<String, String> statusOf = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, status FROM report WHERE id = ANY(?)")) {
                q.setArray(1, idArray);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        statusOf.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Map<String, List<PipelineProgress.Said>> said = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT report_id, stage, state FROM stage_event WHERE report_id = ANY(?)")) {
                q.setArray(1, idArray);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        said.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PipelineProgress.Said(
                                StatusEvent.Stage.valueOf(rs.getString(2)), StatusEvent.State.valueOf(rs.getString(3))));
                    }
                }
            }
            List<StatusEvent> inserts = new ArrayList<>();
            Map<String, StatusChange> changed = new LinkedHashMap<>();
            for (StatusEvent event : complete) {
                String status = statusOf.get(event.documentId());
                if (status == null) {
                    LOG.warnf("status event for a document the ledger does not know: %s", event);
                    continue;
                }
                List<PipelineProgress.Said> before = said.computeIfAbsent(event.documentId(), k -> new ArrayList<>());
                PipelineProgress.Said now = new PipelineProgress.Said(event.stage(), event.state());
                if (!before.contains(now)) {
                    before.add(now);
                    inserts.add(event);
                }
                if (PipelineProgress.SUPERSEDED.equals(status)) {
                    continue;
                }
                String next = PipelineProgress.status(before);
                if (!next.equals(status)) {
                    statusOf.put(event.documentId(), next);
                    changed.put(event.documentId(), new StatusChange(next, event.state() == StatusEvent.State.FAILED
                            ? truncate(event.stage().id() + ": " + event.detail(), 2048) : null));
                }
            }
            if (!inserts.isEmpty()) {
                // another replica may have recorded the same event meanwhile: the constraint keeps it once
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO stage_event (report_id, stage, state, detail, at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT stage_event_once DO NOTHING")) {
                    for (StatusEvent e : inserts) {
                        insert.setString(1, e.documentId());
                        insert.setString(2, e.stage().name());
                        insert.setString(3, e.state().name());
                        insert.setString(4, truncate(e.detail(), 2048));
                        insert.setObject(5, OffsetDateTime.ofInstant(e.at() == null ? Instant.now() : e.at(), ZoneOffset.UTC));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!changed.isEmpty()) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement update = c.prepareStatement("UPDATE report SET status = ?, status_detail = ?, updated_at = ?"
                        + " WHERE id = ? AND status <> '" + PipelineProgress.SUPERSEDED + "'")) {
                    for (Map.Entry<String, StatusChange> e : changed.entrySet()) {
                        update.setString(1, e.getValue().status());
                        update.setString(2, e.getValue().detail());
                        update.setObject(3, now);
                        update.setString(4, e.getKey());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording " + complete.size() + " status events failed: " + e.getMessage(), e);
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
