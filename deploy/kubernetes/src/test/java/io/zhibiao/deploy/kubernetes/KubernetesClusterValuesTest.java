package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.deploy.kubernetes.ServiceConfig.Channel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests promise at least what the clustered local stack proves ({@code ./zhibiao faults --cluster}):
 * the values in local-stack's cluster.properties, read here as a file (no build order). One Kafka broker,
 * one Elasticsearch node or one pod of a stage may go without losing an acknowledged record, a shard or
 * the stage's partitions. Checked on the base and on every variant the other tests render, but for the
 * small installs in {@link #SMALL_INSTALLS}, which say why.
 */
class KubernetesClusterValuesTest {
    static final Path CLUSTER_PROPERTIES = Project.root().resolve("deploy/local-stack/src/main/resources/io/zhibiao/stack/cluster.properties");

    /**
     * Overlays that do not claim to survive the loss of a node, and why. Their variants (with components too)
     * are skipped by the size checks, saying so; the checks that hold on any size (producers' acks, shard
     * replicas the nodes can place) still run on them.
     */
    static final Map<String, String> SMALL_INSTALLS = Map.of(
            "dev", "overlays/dev is one of everything for development and trials (one Kafka broker and controller, "
                    + "topics with one replica, one Elasticsearch node, one pod per stage): it survives no node loss "
                    + "and says so; the base and prod carry the cluster's values");

    /** The Deployments of the pipeline's stages, by the service they run; query-service is no stage. */
    static final Set<String> STAGE_SERVICES = Set.of("ingest-service", "nlp-service", "index-service");
    static final Set<String> STAGES = Set.of("ingest-service", "nlp-segment", "nlp-extract", "index-service");

    /**
     * The connector's default acks (smallrye-reactive-messaging-kafka 4.33: attribute acks, default "1", which
     * ReactiveKafkaProducer puts into every producer's configuration, the dead-letter producers' too): a
     * producer that sets nothing gets acks=1, not the Kafka client's default all.
     */
    static final String CONNECTOR_DEFAULT_ACKS = "1";

    /** The values the clustered local stack runs with. */
    record ClusterValues(int kafkaNodes, int replicationFactor, int minInSyncReplicas, int elasticsearchNodes,
                         int indexReplicas, int stageInstances) {
        static ClusterValues load() {
            Properties p = new Properties();
            try (Reader reader = Files.newBufferedReader(CLUSTER_PROPERTIES, StandardCharsets.UTF_8)) {
                p.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ClusterValues(value(p, "kafka.nodes"), value(p, "topic.replication.factor"),
                    value(p, "topic.min.insync.replicas"), value(p, "elasticsearch.nodes"), value(p, "index.replicas"),
                    value(p, "stage.instances"));
        }

        private static int value(Properties p, String key) {
            String value = p.getProperty(key);
            assertThat(value).as(CLUSTER_PROPERTIES + " " + key).isNotBlank();
            return Integer.parseInt(value.trim());
        }
    }

    static final ClusterValues CLUSTER = ClusterValues.load();

    static Stream<String> variants() {
        return Stream.concat(Stream.of(Manifests.BASE), Manifests.VARIANTS.stream());
    }

    /** The variant rendered, skipped (with the reason) where it is a small install. */
    static Manifests clustered(String variant) {
        Manifests manifests = Manifests.render(variant);
        String reason = SMALL_INSTALLS.get(variant.split("\\+")[0]);
        Assumptions.assumeTrue(reason == null, () -> variant + " is exempt from the cluster's values: " + reason);
        return manifests;
    }

    @Test
    void theClusterValuesAreOnesThatSurviveTheLossOfOneNode() {
        assertThat(CLUSTER.minInSyncReplicas()).as("topic.min.insync.replicas").isBetween(2, CLUSTER.replicationFactor() - 1);
        assertThat(CLUSTER.replicationFactor()).as("topic.replication.factor <= kafka.nodes").isLessThanOrEqualTo(CLUSTER.kafkaNodes());
        assertThat(CLUSTER.kafkaNodes()).as("kafka.nodes: a KRaft quorum that survives the loss of one").isGreaterThanOrEqualTo(3);
        assertThat(CLUSTER.indexReplicas()).as("index.replicas").isBetween(1, CLUSTER.elasticsearchNodes() - 1);
        assertThat(CLUSTER.stageInstances()).as("stage.instances").isGreaterThanOrEqualTo(2);
        for (String overlay : SMALL_INSTALLS.keySet()) {
            assertThat(Project.module().resolve("overlays").resolve(overlay).resolve("kustomization.yaml"))
                    .as("exempt overlay " + overlay).exists();
        }
        assertThat(SMALL_INSTALLS).as("production is never a small install").doesNotContainKey("prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyTopicHasTheClustersReplicasAndMinInSyncReplicas(String variant) {
        Manifests manifests = clustered(variant);
        int brokers = KafkaCrossCheckTest.brokerCount(manifests);
        List<JsonNode> topics = manifests.ofKind("KafkaTopic");
        assertThat(topics).isNotEmpty();
        for (JsonNode topic : topics) {
            String name = KafkaCrossCheckTest.topicName(topic);
            int replicas = topic.path("spec").path("replicas").asInt();
            JsonNode minInSync = topic.path("spec").path("config").path("min.insync.replicas");
            assertThat(replicas).as(variant + " " + name + " replicas >= topic.replication.factor")
                    .isGreaterThanOrEqualTo(CLUSTER.replicationFactor());
            assertThat(replicas).as(variant + " " + name + " replicas <= brokers").isLessThanOrEqualTo(brokers);
            assertThat(minInSync.isMissingNode()).as(variant + " " + name + " sets min.insync.replicas").isFalse();
            assertThat(minInSync.asInt()).as(variant + " " + name + " min.insync.replicas == topic.min.insync.replicas")
                    .isEqualTo(CLUSTER.minInSyncReplicas());
            assertThat(minInSync.asInt()).as(variant + " " + name + " min.insync.replicas < replicas: one broker may go")
                    .isLessThan(replicas);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theKafkaClusterDefaultsAndNodePoolsAreTheClusters(String variant) {
        Manifests manifests = clustered(variant);
        List<JsonNode> kafkas = manifests.ofKind("Kafka");
        assertThat(kafkas).as(variant + " Kafka").hasSize(1);
        JsonNode config = kafkas.get(0).path("spec").path("kafka").path("config");
        for (String factor : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertThat(config.path(factor).asInt()).as(variant + " Kafka config " + factor + " >= topic.replication.factor")
                    .isGreaterThanOrEqualTo(CLUSTER.replicationFactor());
        }
        assertThat(config.path("min.insync.replicas").asInt()).as(variant + " Kafka config min.insync.replicas")
                .isEqualTo(CLUSTER.minInSyncReplicas())
                .isLessThan(config.path("default.replication.factor").asInt());
        assertThat(config.path("transaction.state.log.min.isr").asInt()).as(variant + " Kafka config transaction.state.log.min.isr")
                .isEqualTo(CLUSTER.minInSyncReplicas())
                .isLessThan(config.path("transaction.state.log.replication.factor").asInt());
        for (String role : List.of("broker", "controller")) {
            assertThat(KafkaCrossCheckTest.nodeCount(manifests, role)).as(variant + " KafkaNodePool replicas with role " + role
                    + " >= kafka.nodes").isGreaterThanOrEqualTo(CLUSTER.kafkaNodes());
        }
    }

    /** Elasticsearch nodes that hold shards: those of the nodeSets with a data role (or no roles: all of them). */
    static int dataNodes(Manifests manifests) {
        int nodes = 0;
        for (JsonNode es : manifests.ofKind("Elasticsearch")) {
            for (JsonNode nodeSet : es.path("spec").path("nodeSets")) {
                JsonNode roles = nodeSet.path("config").path("node.roles");
                if (roles.isMissingNode() || Manifests.stream(roles).anyMatch(r -> r.asText().startsWith("data"))) {
                    nodes += nodeSet.path("count").asInt();
                }
            }
        }
        return nodes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void elasticsearchHasTheClustersNodes(String variant) {
        Manifests manifests = clustered(variant);
        assertThat(manifests.ofKind("Elasticsearch")).as(variant + " Elasticsearch").hasSize(1);
        assertThat(dataNodes(manifests)).as(variant + " Elasticsearch data nodes (nodeSets' count) >= elasticsearch.nodes")
                .isGreaterThanOrEqualTo(CLUSTER.elasticsearchNodes())
                .as(variant + " Elasticsearch data nodes > index.replicas: every replica on another node than its primary")
                .isGreaterThan(CLUSTER.indexReplicas());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void indexServiceAsksForShardReplicasTheNodesCanPlace(String variant) {
        Manifests manifests = Manifests.render(variant);
        String variable = ServiceConfig.envName("zhibiao.index.replicas");
        assertThat(ServiceConfig.load("index-service").keyForEnv(variable)).as("index-service reads " + variable).contains("zhibiao.index.replicas");
        List<JsonNode> indexers = manifests.serviceDeployments().stream().filter(d -> Manifests.service(d).equals("index-service")).toList();
        assertThat(indexers).as(variant + " index-service Deployments").isNotEmpty();
        int nodes = dataNodes(manifests);
        for (JsonNode deployment : indexers) {
            // explicit everywhere: the file's default (0) would leave every shard on one node of a cluster
            String replicas = manifests.environment(deployment).get(variable);
            assertThat(replicas).as(variant + " " + Manifests.name(deployment) + " sets " + variable).isNotNull();
            assertThat(Integer.parseInt(replicas)).as(variant + " " + Manifests.name(deployment) + " " + variable
                    + " < Elasticsearch data nodes (" + nodes + "): a replica is never placed beside its primary").isLessThan(nodes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void indexServiceWritesTheClustersShardReplicas(String variant) {
        Manifests manifests = clustered(variant);
        String variable = ServiceConfig.envName("zhibiao.index.replicas");
        List<JsonNode> indexers = manifests.serviceDeployments().stream().filter(d -> Manifests.service(d).equals("index-service")).toList();
        assertThat(manifests.get("ConfigMap", "index-service-config").path("data").path(variable).asText())
                .as(variant + " ConfigMap index-service-config " + variable + " == index.replicas").isEqualTo(String.valueOf(CLUSTER.indexReplicas()));
        for (JsonNode deployment : indexers) {
            assertThat(manifests.environment(deployment).get(variable)).as(variant + " " + Manifests.name(deployment) + " " + variable)
                    .isEqualTo(String.valueOf(CLUSTER.indexReplicas()));
        }
    }

    /** Pods a PodDisruptionBudget's maxUnavailable or minAvailable (a number or a percentage, rounded up) stands for. */
    static int pods(JsonNode value, int of) {
        if (value.isTextual() && value.asText().endsWith("%")) {
            int percent = Integer.parseInt(value.asText().substring(0, value.asText().length() - 1));
            return (of * percent + 99) / 100;
        }
        return value.asInt();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyStageKeepsAPodWhenOneGoes(String variant) {
        Manifests manifests = clustered(variant);
        List<JsonNode> stages = manifests.serviceDeployments().stream().filter(d -> STAGE_SERVICES.contains(Manifests.service(d))).toList();
        assertThat(stages).extracting(Manifests::name).as(variant + " stage Deployments").containsAll(STAGES);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : stages) {
            String app = Manifests.name(deployment);
            int replicas = deployment.path("spec").path("replicas").asInt();
            if (replicas < CLUSTER.stageInstances()) {
                problems.add(app + ": replicas " + replicas + " < stage.instances " + CLUSTER.stageInstances());
            }
            // the fewest pods it runs: its replicas, or what KEDA may scale it down to
            int fewest = replicas;
            for (JsonNode so : manifests.ofKind("ScaledObject")) {
                if (!so.path("spec").path("scaleTargetRef").path("name").asText().equals(app)) {
                    continue;
                }
                int min = so.path("spec").path("minReplicaCount").asInt();
                int max = so.path("spec").path("maxReplicaCount").asInt();
                int ceiling = KafkaCrossCheckTest.partitionCeiling(manifests, so);
                if (min < CLUSTER.stageInstances()) {
                    problems.add("ScaledObject " + Manifests.name(so) + ": minReplicaCount " + min + " < stage.instances " + CLUSTER.stageInstances());
                }
                if (max > ceiling) {
                    problems.add("ScaledObject " + Manifests.name(so) + ": maxReplicaCount " + max + " > the partitions it consumes (" + ceiling + ")");
                }
                fewest = Math.min(fewest, min);
            }
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> budgets = manifests.ofKind("PodDisruptionBudget").stream()
                    .filter(pdb -> WorkloadTest.matches(pdb.path("spec").path("selector").path("matchLabels"), podLabels)).toList();
            if (budgets.size() != 1) {
                problems.add(app + ": " + budgets.size() + " PodDisruptionBudgets, not one");
                continue;
            }
            JsonNode spec = budgets.get(0).path("spec");
            boolean keepsOne = spec.has("minAvailable")
                    ? pods(spec.path("minAvailable"), fewest) >= 1
                    : spec.has("maxUnavailable") && pods(spec.path("maxUnavailable"), fewest) <= fewest - 1;
            if (!keepsOne) {
                problems.add("PodDisruptionBudget " + Manifests.name(budgets.get(0)) + " of " + app + " (" + spec
                        + ") lets a drain take all of its " + fewest + " pods");
            }
        }
        assertThat(problems).as(variant).isEmpty();
    }

    /**
     * Where a producer's setting comes from, the first that is set wins: for the dead-letter producer of an
     * incoming channel its dead-letter-queue.* keys, then the channel's, the connector's, Quarkus's kafka.*.
     */
    static List<String> producerKeys(Channel channel, String setting) {
        String prefix = "mp.messaging." + channel.direction() + "." + channel.name() + ".";
        List<String> keys = new ArrayList<>();
        if (channel.incoming()) {
            keys.add(prefix + "dead-letter-queue." + setting);
        }
        keys.add(prefix + setting);
        keys.add("mp.messaging.connector.smallrye-kafka." + setting);
        keys.add("kafka." + setting);
        return keys;
    }

    static String producerSetting(ServiceConfig config, Map<String, String> environment, Channel channel, String setting) {
        for (String key : producerKeys(channel, setting)) {
            String value = config.setting(key, environment);
            if (value != null) {
                return value.trim();
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyProducerWaitsForTheInSyncReplicasAndStaysIdempotent(String variant) {
        Manifests manifests = Manifests.render(variant);
        List<String> problems = new ArrayList<>();
        int producers = 0;
        for (JsonNode deployment : manifests.serviceDeployments()) {
            ServiceConfig config = ServiceConfig.load(Manifests.service(deployment));
            Map<String, String> environment = manifests.environment(deployment);
            for (Channel channel : config.kafkaChannels(environment)) {
                if (channel.incoming() && channel.deadLetterTopic() == null) {
                    continue; // a consumer only
                }
                producers++;
                String id = Manifests.name(deployment) + " " + (channel.incoming() ? "dead-letter producer of incoming " : "outgoing ")
                        + channel.name();
                String acks = producerSetting(config, environment, channel, "acks");
                String effective = acks != null ? acks : CONNECTOR_DEFAULT_ACKS;
                if (!effective.equals("all") && !effective.equals("-1")) {
                    problems.add(id + ": acks=" + effective + (acks == null ? " (the connector's default: set acks=all)" : "")
                            + "; only acks=all waits for min.insync.replicas");
                }
                String idempotence = producerSetting(config, environment, channel, "enable.idempotence");
                if ("false".equalsIgnoreCase(idempotence)) {
                    problems.add(id + ": enable.idempotence=false (a retried send may write a record twice)");
                }
            }
        }
        assertThat(producers).as(variant + " producers").isPositive();
        assertThat(problems).as(variant).isEmpty();
    }
}
