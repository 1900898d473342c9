package io.zhibiao.cli.faults;

import io.zhibiao.contracts.Topics;
import io.zhibiao.ingest.domain.RawReportReader;
import io.zhibiao.ingest.domain.RejectedInputException;
import io.zhibiao.ingest.domain.ReportIngestor;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The bad records of the fault suite are refused by ingest-service's own code with the code the suite expects. */
class BadInputsTest {

    @Test
    void everyBadInputIsRefusedWithItsCode() {
        RawReportReader reader = RawReportReader.standard();
        ReportIngestor ingestor = ReportIngestor.standard();
        Set<String> keys = new HashSet<>();
        for (BadInputs.BadInput bad : BadInputs.catalogue(BadInputs.KEY_PREFIX)) {
            assertThat(keys.add(bad.key())).as("unique key " + bad.key()).isTrue();
            if (!bad.topic().equals(Topics.RAW)) {
                continue; // the internal topics' poison: the stages' tests on Kafka and the fault suite check those
            }
            try {
                // as the consumer does: every report of the record (a CloudEvents batch holds several), all or none
                reader.readAll(bad.value(), bad.headers()).forEach(ingestor::ingest);
                fail(bad.name() + " was accepted");
            } catch (RejectedInputException e) {
                assertThat(e.code()).as(bad.name() + ": " + e.reason()).isEqualTo(bad.expectedCode());
            }
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(15);
    }
}
