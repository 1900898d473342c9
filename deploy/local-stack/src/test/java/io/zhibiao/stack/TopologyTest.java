package io.zhibiao.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyTest {

    @Test
    void theClusterIsWhatClusterPropertiesSays() {
        Topology c = Topology.cluster();
        assertThat(c.kafkaNodes()).isEqualTo(3);
        assertThat(c.replicationFactor()).isEqualTo(3);
        assertThat(c.minInsyncReplicas()).isEqualTo(2);
        assertThat(c.elasticsearchNodes()).isEqualTo(2);
        assertThat(c.indexReplicas()).isEqualTo(1);
        assertThat(c.instances()).isEqualTo(2);
        assertThat(c.splitNlp()).isTrue();
        assertThat(c.clustered()).isTrue();
        assertThat(Topology.SINGLE.clustered()).isFalse();
    }

    @Test
    void aTopologyThatCannotHoldItsReplicasIsRefused() {
        assertThatThrownBy(() -> new Topology(1, 3, 2, 1, 0, 1, 2, false)).hasMessageContaining("replication factor 3");
        assertThatThrownBy(() -> new Topology(3, 3, 4, 1, 0, 1, 2, false)).hasMessageContaining("min.insync.replicas 4");
        assertThatThrownBy(() -> new Topology(3, 3, 2, 1, 1, 1, 2, false)).hasMessageContaining("never shares a node");
        assertThatThrownBy(() -> new Topology(1, 1, 1, 1, 0, 0, 2, false)).hasMessageContaining("at least one");
    }

    @Test
    void aTopologyRoundTripsThroughItsRecordAndAnOldRecordIsOneOfEverything() {
        Properties p = new Properties();
        Topology.cluster().toProperties(p);
        assertThat(Topology.fromProperties(p)).isEqualTo(Topology.cluster());
        assertThat(Topology.fromProperties(new Properties())).isEqualTo(Topology.SINGLE);
    }

    @Test
    void clusterNodesGetShiftedPortsThatNeverCollide() {
        Ports base = Ports.defaults();
        assertThat(base.shifted(1).kafka()).isEqualTo(9094);
        assertThat(base.shifted(2).kafkaController()).isEqualTo(9097);
        assertThat(base.shifted(1).elasticsearch()).isEqualTo(9201);
        assertThat(base.shifted(1).ingest()).isEqualTo(8091);
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            all.addAll(base.shifted(k).all());
        }
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void theClusterStackNamesItsNodesAndInstancesAndTellsTheServicesAboutAllOfThem(@TempDir Path dir) {
        StackConfig single = new StackConfig(new StackLayout(dir), dir.resolve("data"), Ports.defaults(), "zhibiao", "pw");
        StackConfig cluster = single.cluster(Topology.cluster(), false);
        assertThat(cluster.dataDir()).isEqualTo(dir.resolve("data/cluster"));
        assertThat(cluster.packages()).isEqualTo(single.packages());
        assertThat(cluster.kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(cluster.elasticsearchHosts()).isEqualTo("127.0.0.1:9200,127.0.0.1:9201");

        LocalStack stack = new LocalStack(cluster);
        assertThat(stack.infrastructure()).extracting(Component::name)
                .containsExactly("kafka-1", "kafka-2", "kafka-3", "elasticsearch-1", "elasticsearch-2", "postgres");
        assertThat(stack.services()).extracting(Component::name).containsExactly("ingest-service-1", "ingest-service-2",
                "nlp-segment-1", "nlp-segment-2", "nlp-extract-1", "nlp-extract-2", "index-service-1", "index-service-2",
                "query-service");
        assertThat(stack.services()).extracting(Component::port).doesNotHaveDuplicates();
        ServiceProcess extract = stack.stage(LocalStack.EXTRACT).get(1);
        assertThat(extract.environment()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", cluster.kafkaBootstrap())
                .containsEntry("MP_MESSAGING_INCOMING_REPORTS_INGESTED_ENABLED", "false");
        assertThat(stack.index().environment()).containsEntry("ZHIBIAO_INDEX_REPLICAS", "1")
                .containsEntry("QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:9200,127.0.0.1:9201");

        // the one-node stack is as it was: its names, one nlp-service with both stages, no replicas
        LocalStack one = new LocalStack(single);
        assertThat(one.services()).extracting(Component::name)
                .containsExactly("ingest-service", "nlp-service", "index-service", "query-service");
        assertThat(one.infrastructure()).extracting(Component::name).containsExactly("kafka", "elasticsearch", "postgres");
        assertThat(one.index().environment()).containsEntry("ZHIBIAO_INDEX_REPLICAS", "0");
    }

    @Test
    void aClusterIsReopenedFromWhatItRecorded(@TempDir Path dir) throws Exception {
        StackConfig single = new StackConfig(new StackLayout(dir), dir.resolve("data"), Ports.free(), "zhibiao", "pw");
        StackConfig cluster = single.cluster(Topology.cluster(), true);
        Files.createDirectories(cluster.dataDir());
        // what startInfrastructure records first
        java.lang.reflect.Method record = LocalStack.class.getDeclaredMethod("recordPorts");
        record.setAccessible(true);
        record.invoke(new LocalStack(cluster));
        LocalStack reopened = LocalStack.open(single.cluster(Topology.cluster(), false));
        assertThat(reopened.config().topology()).isEqualTo(Topology.cluster());
        assertThat(reopened.config().ports()).isEqualTo(cluster.ports());
        assertThat(reopened.config().nodePorts()).isEqualTo(cluster.nodePorts());
        // nothing runs there: the running stack is the single one
        assertThat(LocalStack.openRunning(single).config().topology()).isEqualTo(Topology.SINGLE);
    }
}
