package io.zhibiao.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.deploy.kubernetes.ServiceConfig.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka as the services use it: the topics in their application.properties are exactly the KafkaTopics;
 * topic settings fit the records and the replays; each Deployment's KafkaUser may do exactly what its
 * enabled channels do; KEDA scales each consumer on its own groups, never past the partitions.
 */
class KafkaCrossCheckTest {
    /** The producers' max.request.size in the services' files; every topic takes records that large. */
    static final long MAX_RECORD = 16_777_216L;

    static Stream<String> variants() {
        return Manifests.VARIANTS.stream();
    }

    static Set<String> topicsInServiceConfiguration() {
        return Project.SERVICES.stream().flatMap(s -> ServiceConfig.load(s).topics().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    static String topicName(JsonNode kafkaTopic) {
        return kafkaTopic.path("spec").path("topicName").asText(Manifests.name(kafkaTopic));
    }

    static Map<String, JsonNode> kafkaTopics(List<JsonNode> kafkaTopics) {
        Map<String, JsonNode> byName = new TreeMap<>();
        kafkaTopics.forEach(t -> byName.put(topicName(t), t));
        return byName;
    }

    /** The topic names in contracts' Topics.java, the defaults everything agrees on (read as text: no build order). */
    static Set<String> topicsInContracts() throws IOException {
        String source = Files.readString(Project.root().resolve("contracts/src/main/java/io/zhibiao/contracts/Topics.java"));
        Matcher m = Pattern.compile("static final String \\w+ = \"([^\"]+)\"").matcher(source);
        Set<String> topics = new TreeSet<>();
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyTopicTheServicesUseIsAKafkaTopicAndViceVersa(String variant) throws IOException {
        Manifests manifests = Manifests.render(variant);
        Set<String> declared = kafkaTopics(manifests.ofKind("KafkaTopic")).keySet();
        assertThat(declared).as("KafkaTopics vs the services' mp.messaging.*.topic and dead-letter-queue.topic")
                .containsExactlyInAnyOrderElementsOf(topicsInServiceConfiguration());
        assertThat(declared).as("KafkaTopics vs contracts' Topics.java").containsExactlyInAnyOrderElementsOf(topicsInContracts());
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as(topicName(topic)).isEqualTo(Manifests.name(manifests.ofKind("Kafka").get(0)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void topicsTakeTheLargestRecordsAndKeepWhatAReplayNeeds(String variant) {
        Manifests manifests = Manifests.render(variant);
        boolean prod = manifests.variant.startsWith("prod");
        Set<String> replayed = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        for (String service : Project.SERVICES) {
            for (Channel c : ServiceConfig.load(service).kafkaChannels(Map.of())) {
                if (c.deadLetterTopic() != null) {
                    deadLetters.add(c.deadLetterTopic());
                }
                if (c.incoming() && c.group() != null && c.group().startsWith("zhibiao-index-")) {
                    replayed.add(c.topic()); // a new index version reads these from the beginning
                }
            }
        }
        replayed.add("reports.raw"); // the source of every replay: re-ingesting after a better cleaner
        assertThat(replayed).contains("reports.segmented", "reports.indicators");
        for (Map.Entry<String, JsonNode> e : kafkaTopics(manifests.ofKind("KafkaTopic")).entrySet()) {
            JsonNode spec = e.getValue().path("spec");
            JsonNode config = spec.path("config");
            String topic = e.getKey();
            assertThat(config.path("max.message.bytes").asLong()).as(topic + " max.message.bytes").isGreaterThanOrEqualTo(MAX_RECORD);
            assertThat(spec.path("partitions").asInt()).as(topic + " partitions").isPositive();
            if (replayed.contains(topic)) {
                assertThat(config.path("retention.ms").asLong()).as(topic + " is replayed: kept forever").isEqualTo(-1);
                assertThat(config.path("retention.bytes").asLong(-1)).as(topic + " retention.bytes").isEqualTo(-1);
            } else {
                long retention = config.path("retention.ms").asLong();
                assertThat(retention == -1 || retention >= (deadLetters.contains(topic) ? 30L : 7L) * 24 * 3600 * 1000)
                        .as(topic + " retention.ms " + retention).isTrue();
            }
            int replicas = spec.path("replicas").asInt();
            int minInSync = config.path("min.insync.replicas").asInt();
            if (prod) {
                assertThat(replicas).as(topic + " replicas").isGreaterThanOrEqualTo(3);
                assertThat(minInSync).as(topic + " min.insync.replicas: one broker may be down").isBetween(2, replicas - 1);
            } else {
                assertThat(replicas).as(topic + " replicas").isLessThanOrEqualTo(brokerCount(manifests));
                assertThat(minInSync).as(topic + " min.insync.replicas").isLessThanOrEqualTo(replicas);
            }
        }
        // the producers agree: none may send more than the topics take
        for (String service : Project.SERVICES) {
            ServiceConfig.load(service).fileKeys.forEach((key, value) -> {
                if (key.endsWith(".max.request.size")) {
                    assertThat(Long.parseLong(value)).as(service + " " + key).isLessThanOrEqualTo(MAX_RECORD);
                }
            });
        }
    }

    static int brokerCount(Manifests manifests) {
        return nodeCount(manifests, "broker");
    }

    /** Kafka nodes with a role (broker, controller): the replicas of the node pools that have it. */
    static int nodeCount(Manifests manifests, String role) {
        return manifests.ofKind("KafkaNodePool").stream()
                .filter(p -> Manifests.stream(p.path("spec").path("roles")).anyMatch(r -> r.asText().equals(role)))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
    }

    /**
     * The most replicas a ScaledObject's target can use: the fewest partitions of the topics its triggers
     * read (a consumer beyond the partitions of a topic gets none of them).
     */
    static int partitionCeiling(Manifests manifests, JsonNode scaledObject) {
        Map<String, JsonNode> topics = kafkaTopics(manifests.ofKind("KafkaTopic"));
        int ceiling = Integer.MAX_VALUE;
        for (JsonNode trigger : scaledObject.path("spec").path("triggers")) {
            String topic = trigger.path("metadata").path("topic").asText();
            JsonNode kafkaTopic = topics.get(topic);
            assertThat(kafkaTopic).as(manifests.variant + " ScaledObject " + Manifests.name(scaledObject) + " triggers on topic "
                    + topic + ", which is no KafkaTopic").isNotNull();
            ceiling = Math.min(ceiling, kafkaTopic.path("spec").path("partitions").asInt());
        }
        return ceiling;
    }

    /** One access a Deployment needs or a KafkaUser grants. */
    record Access(String type, String name, String operation) {
        @Override
        public String toString() {
            return operation + " " + type + " " + name;
        }
    }

    static Set<Access> required(Manifests manifests, JsonNode deployment) {
        ServiceConfig config = ServiceConfig.load(Manifests.service(deployment));
        Set<Access> needed = new TreeSet<>(java.util.Comparator.comparing(Access::toString));
        for (Channel c : config.kafkaChannels(manifests.environment(deployment))) {
            if (c.incoming() && c.enabled()) {
                needed.add(new Access("topic", c.topic(), "Read"));
                needed.add(new Access("group", c.group(), "Read"));
                if (c.deadLetterTopic() != null) {
                    needed.add(new Access("topic", c.deadLetterTopic(), "Write"));
                }
            } else if (!c.incoming() && c.enabled()) {
                needed.add(new Access("topic", c.topic(), "Write"));
            }
        }
        return needed;
    }

    static boolean grants(JsonNode acl, Access access) {
        JsonNode resource = acl.path("resource");
        if (!resource.path("type").asText().equals(access.type())
                || !Manifests.stream(acl.path("operations")).map(JsonNode::asText).toList().contains(access.operation())) {
            return false;
        }
        String name = resource.path("name").asText();
        return resource.path("patternType").asText("literal").equals("prefix") ? access.name().startsWith(name) : access.name().equals(name);
    }

    static String kafkaUserOf(JsonNode deployment) {
        return Manifests.stream(Manifests.mainContainer(deployment).path("env"))
                .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG"))
                .map(e -> e.path("valueFrom").path("secretKeyRef").path("name").asText())
                .findFirst().orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachDeploymentsKafkaUserMayDoExactlyWhatItsChannelsDo(String variant) {
        Manifests manifests = Manifests.render(variant);
        List<String> problems = new ArrayList<>();
        Map<String, List<Access>> neededByUser = new TreeMap<>();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String app = Manifests.name(deployment);
            Set<Access> needed = required(manifests, deployment);
            String user = kafkaUserOf(deployment);
            if (user == null) {
                assertThat(needed).as(app + " has Kafka channels but no KafkaUser").isEmpty();
                continue;
            }
            JsonNode kafkaUser = manifests.get("KafkaUser", user);
            JsonNode acls = kafkaUser.path("spec").path("authorization").path("acls");
            for (Access access : needed) {
                if (Manifests.stream(acls).noneMatch(acl -> grants(acl, access))) {
                    problems.add(app + " (KafkaUser " + user + ") may not " + access);
                }
            }
            neededByUser.computeIfAbsent(user, u -> new ArrayList<>()).addAll(needed);
        }
        // and nothing more: every grant (but Describe, which Read and Write imply anyway) is used
        neededByUser.forEach((user, needed) -> {
            for (JsonNode acl : manifests.get("KafkaUser", user).path("spec").path("authorization").path("acls")) {
                for (JsonNode op : acl.path("operations")) {
                    if (op.asText().equals("Describe")) {
                        continue;
                    }
                    boolean used = needed.stream().anyMatch(a -> a.operation().equals(op.asText()) && grants(acl, a));
                    if (!used) {
                        problems.add("KafkaUser " + user + " may " + op.asText() + " " + acl.path("resource")
                                + ", which none of its Deployments' channels does");
                    }
                }
            }
        });
        assertThat(problems).as(manifests.variant).isEmpty();
        assertThat(neededByUser.keySet()).as("KafkaUsers of the services").containsExactlyInAnyOrder(
                "ingest-service", "nlp-segment", "nlp-extract", "index-service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void servicesReachTheScramListenerTheirSettingsDescribe(String variant) {
        Manifests manifests = Manifests.render(variant);
        JsonNode kafka = manifests.ofKind("Kafka").get(0);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            if (kafkaUserOf(deployment) == null) {
                continue;
            }
            Map<String, String> env = manifests.environment(deployment);
            String[] hostPort = env.get("KAFKA_BOOTSTRAP_SERVERS").split(":");
            assertThat(hostPort[0]).isEqualTo(Manifests.name(kafka) + "-kafka-bootstrap");
            JsonNode listener = Manifests.stream(kafka.path("spec").path("kafka").path("listeners"))
                    .filter(l -> l.path("port").asText().equals(hostPort[1])).findFirst().orElseThrow();
            assertThat(listener.path("tls").asBoolean()).isTrue();
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_SASL_MECHANISM").toLowerCase()).isEqualTo(listener.path("authentication").path("type").asText());
            assertThat(manifests.get("KafkaUser", kafkaUserOf(deployment)).path("spec").path("authentication").path("type").asText())
                    .isEqualTo(listener.path("authentication").path("type").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void kedaScalesEachConsumerOnItsOwnGroupsUpToThePartitionCount(String variant) {
        Manifests manifests = Manifests.render(variant);
        JsonNode kafka = manifests.ofKind("Kafka").get(0);
        List<String> scaled = new ArrayList<>();
        for (JsonNode so : manifests.ofKind("ScaledObject")) {
            String target = so.path("spec").path("scaleTargetRef").path("name").asText();
            JsonNode deployment = manifests.get("Deployment", target);
            scaled.add(target);
            ServiceConfig config = ServiceConfig.load(Manifests.service(deployment));
            List<Channel> inputs = config.kafkaChannels(manifests.environment(deployment)).stream()
                    .filter(c -> c.incoming() && c.enabled()).toList();
            Set<String> triggered = new TreeSet<>();
            for (JsonNode trigger : so.path("spec").path("triggers")) {
                assertThat(trigger.path("type").asText()).isEqualTo("kafka");
                JsonNode md = trigger.path("metadata");
                String topic = md.path("topic").asText();
                String group = md.path("consumerGroup").asText();
                Channel input = inputs.stream().filter(c -> c.topic().equals(topic) && c.group().equals(group)).findFirst()
                        .orElseThrow(() -> new AssertionError(manifests.variant + " ScaledObject " + Manifests.name(so) + ": "
                                + target + " consumes no " + topic + " as group " + group + "; its inputs: " + inputs));
                triggered.add(input.name());
                String resetPolicy = config.effective(manifests.environment(deployment))
                        .getOrDefault("mp.messaging.incoming." + input.name() + ".auto.offset.reset", "latest");
                assertThat(md.path("offsetResetPolicy").asText("latest")).as(Manifests.name(so) + " offsetResetPolicy").isEqualTo(resetPolicy);
                // KEDA runs in its own namespace: the address names ours, on the mutual-TLS listener
                String[] hostPort = md.path("bootstrapServers").asText().split(":");
                assertThat(hostPort[0]).as(Manifests.name(so) + " bootstrapServers")
                        .isEqualTo(Manifests.name(kafka) + "-kafka-bootstrap." + Manifests.namespace(so) + ".svc");
                JsonNode listener = Manifests.stream(kafka.path("spec").path("kafka").path("listeners"))
                        .filter(l -> l.path("port").asText().equals(hostPort[1])).findFirst().orElseThrow();
                assertThat(listener.path("authentication").path("type").asText()).isEqualTo("tls");
                assertThat(md.path("tls").asText()).isEqualTo("enable");
                JsonNode auth = manifests.get("TriggerAuthentication", trigger.path("authenticationRef").path("name").asText());
                JsonNode kedaUser = kedaUser(manifests, auth);
                for (Access access : List.of(new Access("topic", topic, "Describe"), new Access("group", group, "Describe"))) {
                    assertThat(Manifests.stream(kedaUser.path("spec").path("authorization").path("acls")).anyMatch(a -> grants(a, access)))
                            .as("KafkaUser " + Manifests.name(kedaUser) + " may " + access).isTrue();
                }
            }
            assertThat(triggered).as(target + ": every input it consumes scales it")
                    .containsExactlyInAnyOrderElementsOf(inputs.stream().map(Channel::name).toList());
            int max = so.path("spec").path("maxReplicaCount").asInt();
            assertThat(max).as(Manifests.name(so) + " maxReplicaCount <= partitions").isBetween(1, partitionCeiling(manifests, so));
            assertThat(so.path("spec").path("minReplicaCount").asInt()).isBetween(1, max);
        }
        assertThat(scaled).as("scaled on lag").contains("nlp-segment", "nlp-extract", "index-service");
    }

    static JsonNode kedaUser(Manifests manifests, JsonNode triggerAuthentication) {
        String certSecret = null;
        for (JsonNode ref : triggerAuthentication.path("spec").path("secretTargetRef")) {
            if (ref.path("parameter").asText().equals("ca")) {
                assertThat(ref.path("name").asText()).isEqualTo(Manifests.name(manifests.ofKind("Kafka").get(0)) + "-cluster-ca-cert");
            }
            if (ref.path("parameter").asText().equals("cert")) {
                certSecret = ref.path("name").asText();
                assertThat(ref.path("key").asText()).isEqualTo("user.crt");
            }
        }
        JsonNode user = manifests.get("KafkaUser", certSecret);
        assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("tls");
        return user;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void lagAndDeadLetterMonitoringCoversEveryGroupAndDeadLetterTopic(String variant) {
        Manifests manifests = Manifests.render(variant);
        JsonNode exporter = manifests.ofKind("Kafka").get(0).path("spec").path("kafkaExporter");
        Pattern topicRegex = Pattern.compile(exporter.path("topicRegex").asText());
        Pattern groupRegex = Pattern.compile(exporter.path("groupRegex").asText());
        for (String topic : kafkaTopics(manifests.ofKind("KafkaTopic")).keySet()) {
            assertThat(topicRegex.matcher(topic).matches()).as("Kafka Exporter topicRegex matches " + topic).isTrue();
        }
        for (JsonNode deployment : manifests.serviceDeployments()) {
            for (Channel c : ServiceConfig.load(Manifests.service(deployment)).kafkaChannels(manifests.environment(deployment))) {
                if (c.incoming() && c.enabled()) {
                    assertThat(groupRegex.matcher(c.group()).matches()).as("Kafka Exporter groupRegex matches " + c.group()).isTrue();
                }
            }
        }
        manifests.find("PrometheusRule", "zhibiao-alerts").ifPresent(rule -> {
            // the PromQL string "reports\\..*dlq" is the regular expression reports\..*dlq
            List<Pattern> deadLetterPatterns = new ArrayList<>();
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    Matcher m = Pattern.compile("topic=~\"([^\"]+)\"").matcher(alert.path("expr").asText());
                    while (m.find()) {
                        deadLetterPatterns.add(Pattern.compile(m.group(1).replace("\\\\", "\\")));
                    }
                }
            }
            assertThat(deadLetterPatterns).as("alerts on dead-letter topics").isNotEmpty();
            for (Pattern deadLetter : deadLetterPatterns) {
                for (String topic : kafkaTopics(manifests.ofKind("KafkaTopic")).keySet()) {
                    assertThat(deadLetter.matcher(topic).matches()).as("alert pattern " + deadLetter + " on " + topic)
                            .isEqualTo(topic.endsWith(".dlq"));
                }
            }
        });
    }
}
