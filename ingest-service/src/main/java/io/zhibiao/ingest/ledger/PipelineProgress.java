package io.zhibiao.ingest.ledger;

import io.zhibiao.contracts.StatusEvent.Stage;
import io.zhibiao.contracts.StatusEvent.State;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A document's status, derived from what the stages said about it. A document is {@code indexed}
 * once both its text and its facts are in Elasticsearch; {@code failed} as soon as any stage gave up.
 */
public final class PipelineProgress {
    public static final String INGESTED = "ingested";
    public static final String SEGMENTED = "segmented";
    public static final String EXTRACTED = "extracted";
    public static final String INDEXED = "indexed";
    public static final String FAILED = "failed";
    public static final String SUPERSEDED = "superseded";

    /** Statuses after which nothing more is expected. */
    public static final Set<String> FINAL = Set.of(INDEXED, FAILED, SUPERSEDED);

    public record Said(Stage stage, State state) {
    }

    /** A stage that failed and later succeeded (a dead letter replayed after a fix) counts as done. */
    public static String status(Collection<Said> events) {
        EnumSet<Stage> done = EnumSet.noneOf(Stage.class);
        EnumSet<Stage> failed = EnumSet.noneOf(Stage.class);
        for (Said e : events) {
            if (e.state() == State.FAILED) {
                failed.add(e.stage());
            }
            if (e.state() == State.DONE) {
                done.add(e.stage());
            }
        }
        failed.removeAll(done);
        if (!failed.isEmpty()) {
            return FAILED;
        }
        if (done.contains(Stage.INDEX_TEXT) && done.contains(Stage.INDEX_FACTS)) {
            return INDEXED;
        }
        if (done.contains(Stage.EXTRACT)) {
            return EXTRACTED;
        }
        if (done.contains(Stage.SEGMENT)) {
            return SEGMENTED;
        }
        return INGESTED;
    }

    private PipelineProgress() {
    }
}
