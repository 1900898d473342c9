package io.zhibiao.cli.faults;

import io.zhibiao.stack.StackLayout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick variant of the fault-injection suite, run by {@code ./mvnw verify}: about 200 generated
 * reports on a stack of real processes of its own (cli/target/fault-stack), and during the load
 * kill -9 of ingest-service, kill -9 of index-service and a restart of the Kafka broker. Afterwards
 * Elasticsearch holds exactly the expected reports, passages and facts (by id), every document is
 * indexed in the ledger, every bad record is dead-lettered with its reason. The full suite is
 * {@code ./zhibiao faults} (docs/RELIABILITY.md).
 */
class FaultQuickIT {

    @Test
    void nothingIsLostOrDuplicatedWhenServicesAreKilledAndKafkaRestarts() {
        int count = Integer.getInteger("zhibiao.faults.count", 210);
        StackLayout layout = StackLayout.discover();
        FaultSuite.Config config = new FaultSuite.Config(count, 3,
                List.of(Scenario.KILL_INGEST, Scenario.KILL_INDEX, Scenario.KAFKA_RESTART),
                layout.root().resolve("cli/target/fault-stack"), 12, Duration.ofMinutes(5),
                "./mvnw -pl cli verify -Dit.test=FaultQuickIT");
        FaultReport report = new FaultSuite(config, layout, System.out).run();
        System.out.println(report.markdown());
        assertThat(report.passed()).as(report.problems()).isTrue();
        assertThat(report.verification().expected()[0]).isEqualTo(count);
    }
}
