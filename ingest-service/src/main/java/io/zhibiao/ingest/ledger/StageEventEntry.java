package io.zhibiao.ingest.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** What one stage said about one document (from the status topic). */
@Entity
@Table(name = "stage_event")
public class StageEventEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "report_id")
    public String reportId;
    public String stage;
    public String state;
    public String detail;
    public Instant at;

    public static List<StageEventEntry> of(String reportId) {
        return list("reportId = ?1 order by at, id", reportId);
    }
}
