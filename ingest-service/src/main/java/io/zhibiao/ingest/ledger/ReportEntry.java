package io.zhibiao.ingest.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A document in the ledger: what it is, where it came from, and how far it got through the pipeline. */
@Entity
@Table(name = "report")
public class ReportEntry extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "source_url")
    public String sourceUrl;
    @Column(name = "source_name")
    public String sourceName;
    @Column(name = "index_in_source")
    public int indexInSource;
    public String title;
    @Column(name = "region_name")
    public String regionName;
    @Column(name = "region_code")
    public String regionCode;
    public String province;
    @Column(name = "region_level")
    public String regionLevel;
    @Column(name = "doc_type")
    public String docType;
    @Column(name = "report_year")
    public Integer year;
    @Column(name = "reviewed_year")
    public Integer reviewedYear;
    public boolean fragment;
    public int chars;
    public String status;
    @Column(name = "status_detail")
    public String statusDetail;
    public boolean published;
    @Column(name = "superseded_by")
    public String supersededBy;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "duplicates_seen")
    public int duplicatesSeen;

    public static List<ReportEntry> withStatus(String status, int limit) {
        return find("status = ?1 order by receivedAt desc", status).page(0, limit).list();
    }

    /** Current (not superseded) documents from the same place in the same source. */
    public static List<ReportEntry> currentFrom(String sourceUrl, int indexInSource) {
        return list("sourceUrl = ?1 and indexInSource = ?2 and supersededBy is null", sourceUrl, indexInSource);
    }
}
