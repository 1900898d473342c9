-- The ingest ledger: every document Zhibiao has accepted, and what each pipeline stage did with it.

CREATE TABLE report (
    id              VARCHAR(64)  PRIMARY KEY,          -- hash of the normalised text
    source_url      VARCHAR(2048) NOT NULL,
    source_name     VARCHAR(512),
    index_in_source INTEGER      NOT NULL DEFAULT 0,
    title           VARCHAR(512),
    region_name     VARCHAR(64),
    region_code     VARCHAR(12),
    province        VARCHAR(32),
    region_level    VARCHAR(16),
    doc_type        VARCHAR(32),
    report_year     INTEGER,
    reviewed_year   INTEGER,
    fragment        BOOLEAN      NOT NULL DEFAULT FALSE,
    chars           INTEGER      NOT NULL,
    status          VARCHAR(16)  NOT NULL,             -- ingested, segmented, extracted, indexed, failed, superseded
    status_detail   VARCHAR(2048),
    published       BOOLEAN      NOT NULL DEFAULT FALSE, -- the ingested event was acknowledged by Kafka
    superseded_by   VARCHAR(64),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    duplicates_seen INTEGER      NOT NULL DEFAULT 0
);

CREATE INDEX report_status_idx ON report (status);
CREATE INDEX report_source_idx ON report (source_url, index_in_source);
CREATE INDEX report_region_idx ON report (region_name);

CREATE TABLE stage_event (
    id          BIGSERIAL    PRIMARY KEY,
    report_id   VARCHAR(64)  NOT NULL,
    stage       VARCHAR(16)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    detail      VARCHAR(2048),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a redelivered status event changes nothing: one row per document, stage and outcome
    CONSTRAINT stage_event_once UNIQUE (report_id, stage, state)
);

CREATE INDEX stage_event_report_idx ON stage_event (report_id);
