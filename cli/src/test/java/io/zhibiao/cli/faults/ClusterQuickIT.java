package io.zhibiao.cli.faults;

import io.zhibiao.stack.StackLayout;
import io.zhibiao.stack.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick variant of {@code ./zhibiao faults --cluster}, run by {@code ./mvnw verify}: about 200 generated
 * reports on a cluster of real processes of its own (cli/target/fault-cluster: 3 Kafka nodes, 2 Elasticsearch
 * nodes, 2 instances of each stage), and during the load kill -9 of the broker that leads most partitions and
 * kill -9 of one instance of every stage. The rest must carry on while each is away (indexing goes on), and
 * afterwards Elasticsearch holds exactly the expected reports, passages and facts (by id), every document is
 * indexed in the ledger, every bad record is dead-lettered with its reason (docs/RELIABILITY.md, "Cluster").
 */
class ClusterQuickIT {

    @Test
    void theClusterCarriesOnWhenTheLeaderBrokerAndAnInstanceOfEachStageAreKilled() {
        int count = Integer.getInteger("zhibiao.faults.count", 200);
        StackLayout layout = StackLayout.discover();
        FaultSuite.Config config = new FaultSuite.Config(count, 16,
                List.of(Scenario.KILL_KAFKA_LEADER, Scenario.KILL_STAGE_INSTANCES),
                layout.root().resolve("cli/target/fault-cluster"), 5, Duration.ofMinutes(5),
                "./mvnw -pl cli verify -Dit.test=ClusterQuickIT", Topology.cluster());
        FaultReport report = new FaultSuite(config, layout, System.out).run();
        System.out.println(report.markdown());
        assertThat(report.passed()).as(report.problems()).isTrue();
        assertThat(report.verification().expected()[0]).isEqualTo(count);
        for (FaultReport.Row row : report.rows()) {
            assertThat(row.progressWhileAway()).as("indexing went on while %s", row.scenario().description()).isNotNull();
        }
    }
}
