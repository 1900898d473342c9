package io.zhibiao.ingest.ledger;

import io.zhibiao.contracts.StatusEvent.Stage;
import io.zhibiao.contracts.StatusEvent.State;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhibiao.ingest.ledger.PipelineProgress.status;
import static org.assertj.core.api.Assertions.assertThat;

class PipelineProgressTest {
    private static PipelineProgress.Said said(Stage stage, State state) {
        return new PipelineProgress.Said(stage, state);
    }

    @Test
    void aDocumentIsIndexedOnlyWhenBothItsTextAndItsFactsAre() {
        assertThat(status(List.of(said(Stage.INGEST, State.DONE)))).isEqualTo("ingested");
        assertThat(status(List.of(said(Stage.SEGMENT, State.DONE)))).isEqualTo("segmented");
        assertThat(status(List.of(said(Stage.SEGMENT, State.DONE), said(Stage.EXTRACT, State.DONE),
                said(Stage.INDEX_TEXT, State.DONE)))).isEqualTo("extracted");
        assertThat(status(List.of(said(Stage.INDEX_FACTS, State.DONE), said(Stage.INDEX_TEXT, State.DONE))))
                .isEqualTo("indexed");
    }

    @Test
    void anyFailureFailsTheDocumentUntilTheStageSucceedsAfterAReplay() {
        assertThat(status(List.of(said(Stage.SEGMENT, State.DONE), said(Stage.EXTRACT, State.FAILED))))
                .isEqualTo("failed");
        assertThat(status(List.of(said(Stage.EXTRACT, State.FAILED), said(Stage.EXTRACT, State.DONE),
                said(Stage.INDEX_TEXT, State.DONE), said(Stage.INDEX_FACTS, State.DONE)))).isEqualTo("indexed");
    }

    @Test
    void aDuplicateChangesNothing() {
        assertThat(status(List.of(said(Stage.INGEST, State.DONE), said(Stage.INGEST, State.DUPLICATE))))
                .isEqualTo("ingested");
    }
}
