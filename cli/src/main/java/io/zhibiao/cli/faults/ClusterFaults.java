package io.zhibiao.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.cli.Clock;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Topics;
import io.zhibiao.stack.Component;
import io.zhibiao.stack.ElasticsearchServer;
import io.zhibiao.stack.KafkaBroker;
import io.zhibiao.stack.LocalStack;
import io.zhibiao.stack.ServiceProcess;
import io.zhibiao.stack.StackException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static io.zhibiao.cli.Clock.secondsSince;

/**
 * The faults of a cluster: one part of it goes (kill -9, or a rolling restart's SIGTERM) while the rest carries on,
 * then it comes back. Each returns once the part is back and the cluster whole again: every partition's replicas in
 * sync, both Elasticsearch nodes in the cluster, every instance ready.
 */
final class ClusterFaults {
    /** How long a cluster may take to be whole again after a node returned (replicas catching up). */
    static final Duration WHOLE_AGAIN = Duration.ofMinutes(5);

    private ClusterFaults() {
    }

    static Scenario.Injection inject(Scenario scenario, FaultStack stack, LongSupplier progress) {
        if (!stack.topology().clustered()) {
            throw new IllegalStateException(scenario.description() + " needs a cluster (./zhibiao faults --cluster)");
        }
        long t0 = System.nanoTime();
        ProgressWatch watch = new ProgressWatch(progress);
        String detail;
        try {
            detail = switch (scenario) {
                case KILL_KAFKA_LEADER -> {
                    Map.Entry<Integer, Integer> most = leaderOfMostPartitions(stack);
                    KafkaBroker leader = broker(stack, most.getKey());
                    yield awayAndBack(stack, List.of(leader), "partition leader " + leader.name() + " (leader of "
                            + most.getValue() + " partitions)");
                }
                case KILL_KAFKA_CONTROLLER -> {
                    KafkaBroker controller = broker(stack, activeController(stack));
                    yield awayAndBack(stack, List.of(controller), "active controller " + controller.name());
                }
                case KILL_ELASTICSEARCH_NODE -> {
                    ElasticsearchServer node = notTheMaster(stack);
                    yield awayAndBack(stack, List.of(node), node.name() + " (" + node.nodeName() + ")");
                }
                case KILL_STAGE_INSTANCES -> {
                    List<Component> first = new ArrayList<>();
                    stack.stack().stages().values().forEach(instances -> first.add(instances.get(0)));
                    yield awayAndBack(stack, first, first.stream().map(Component::name).toList().toString());
                }
                case ROLLING_RESTART -> rollingRestart(stack);
                default -> throw new IllegalArgumentException(scenario + " is not a cluster fault");
            };
        } finally {
            watch.stop();
        }
        return new Scenario.Injection(secondsSince(t0), detail, watch.firstProgressSeconds());
    }

    /** kill -9 of each at once, {@link Scenario#CLUSTER_AWAY} away, then started again; back once the cluster is whole. */
    private static String awayAndBack(FaultStack stack, List<? extends Component> parts, String what) {
        List<String> pids = new ArrayList<>();
        for (Component c : parts) {
            pids.add(Scenario.killHard(c).replace("SIGKILL to ", ""));
        }
        Clock.sleep(Scenario.CLUSTER_AWAY.toMillis());
        List<CompletableFuture<Void>> starts = parts.stream()
                .map(c -> CompletableFuture.runAsync(c::start, LocalStack::ownThread)).toList();
        starts.forEach(CompletableFuture::join);
        double catchUp = awaitWhole(stack);
        return "SIGKILL to " + what + " (" + String.join(", ", pids) + "), away " + Scenario.CLUSTER_AWAY.toSeconds()
                + " s; whole again " + String.format(java.util.Locale.ROOT, "%.1f s", catchUp) + " after its start";
    }

    /** Each stage in turn, each instance in turn: stopped (SIGTERM, the graceful shutdown), started, ready. */
    private static String rollingRestart(FaultStack stack) {
        int n = 0;
        for (List<ServiceProcess> instances : stack.stack().stages().values()) {
            for (ServiceProcess s : instances) {
                s.stop();
                s.start();
                n++;
            }
        }
        return n + " instances restarted one at a time (SIGTERM, start, ready)";
    }

    /** Seconds until every partition has all its replicas in sync and every Elasticsearch node has joined. */
    static double awaitWhole(FaultStack stack) {
        long t0 = System.nanoTime();
        long deadline = t0 + WHOLE_AGAIN.toNanos();
        int rf = stack.topology().replicationFactor();
        String health = stack.config().elasticsearchUrl() + "/_cluster/health?wait_for_status=green&timeout=5s&wait_for_nodes="
                + stack.topology().elasticsearchNodes();
        while (System.nanoTime() < deadline) {
            boolean kafkaWhole;
            try (Admin admin = stack.stack().kafka().admin()) {
                kafkaWhole = topics(admin).values().stream().flatMap(t -> t.partitions().stream())
                        .allMatch(p -> p.isr().size() >= rf);
            } catch (Exception e) {
                kafkaWhole = false;
            }
            if (kafkaWhole && httpStatus(health) == 200) {
                return secondsSince(t0);
            }
            Clock.sleep(500);
        }
        throw new StackException("the cluster was not whole again within " + WHOLE_AGAIN.toMinutes() + " min (replicas out of sync,"
                + " or an Elasticsearch node missing or its shards not green)");
    }

    /**
     * The cluster is as its topology says: every topic with its partitions, replication factor and min ISR, every
     * replica in sync; every index with its replicas and green. Problems go to {@code problems}.
     */
    static void checkReplication(FaultStack stack, List<String> problems, java.util.function.Consumer<String> log) {
        var t = stack.topology();
        int partitions = 0;
        try (Admin admin = stack.stack().kafka().admin()) {
            Map<String, TopicDescription> topics = topics(admin);
            List<org.apache.kafka.common.config.ConfigResource> resources = topics.keySet().stream()
                    .map(n -> new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, n))
                    .toList();
            var configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            for (TopicDescription d : topics.values()) {
                partitions += d.partitions().size();
                for (TopicPartitionInfo p : d.partitions()) {
                    if (p.replicas().size() != t.replicationFactor() || p.isr().size() != t.replicationFactor()) {
                        problems.add(d.name() + "-" + p.partition() + ": " + p.replicas().size() + " replicas, " + p.isr().size() + " in sync");
                    }
                }
                var isr = configs.get(new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, d.name())).get("min.insync.replicas");
                if (isr == null || !String.valueOf(t.minInsyncReplicas()).equals(isr.value())) {
                    problems.add(d.name() + ": min.insync.replicas " + (isr == null ? "unset" : isr.value()));
                }
            }
        } catch (Exception e) {
            problems.add("cannot describe the topics: " + e.getMessage());
        }
        JsonNode indices = Json.read(get(stack.config().elasticsearchUrl() + "/_cat/indices?format=json&h=index,rep,health"), JsonNode.class);
        int checked = 0;
        for (JsonNode i : indices) {
            if (i.path("index").asText().startsWith(".")) {
                continue;
            }
            checked++;
            if (i.path("rep").asInt(-1) != t.indexReplicas() || !"green".equals(i.path("health").asText())) {
                problems.add("index " + i.path("index").asText() + ": " + i.path("rep").asText() + " replicas, " + i.path("health").asText());
            }
        }
        log.accept(String.format(java.util.Locale.ROOT, "  replication: %d topics, %d partitions, each %d replicas (min ISR %d);"
                        + " %d indices with %d replica each", Topics.all().size(), partitions, t.replicationFactor(),
                t.minInsyncReplicas(), checked, t.indexReplicas()));
    }

    /** The broker that leads most partitions of the pipeline's topics, and how many it leads. */
    static Map.Entry<Integer, Integer> leaderOfMostPartitions(FaultStack stack) {
        try (Admin admin = stack.stack().kafka().admin()) {
            Map<Integer, Integer> leads = new HashMap<>();
            for (TopicDescription t : topics(admin).values()) {
                for (TopicPartitionInfo p : t.partitions()) {
                    if (p.leader() != null) {
                        leads.merge(p.leader().id(), 1, Integer::sum);
                    }
                }
            }
            return leads.entrySet().stream().max(Map.Entry.comparingByValue())
                    .orElseThrow(() -> new StackException("no partition has a leader"));
        } catch (StackException e) {
            throw e;
        } catch (Exception e) {
            throw new StackException("cannot describe the topics: " + e.getMessage(), e);
        }
    }

    /** The node id of the active KRaft controller (the metadata quorum's leader). */
    static int activeController(FaultStack stack) {
        try (Admin admin = stack.stack().kafka().admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            throw new StackException("cannot describe the metadata quorum: " + e.getMessage(), e);
        }
    }

    private static Map<String, TopicDescription> topics(Admin admin) throws Exception {
        return admin.describeTopics(Topics.all()).allTopicNames().get(10, TimeUnit.SECONDS);
    }

    private static KafkaBroker broker(FaultStack stack, int nodeId) {
        return stack.stack().kafkaNodes().stream().filter(b -> b.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new StackException("no Kafka node " + nodeId + " in this stack"));
    }

    /**
     * A node that is not the elected master. Two master-eligible nodes keep one of them out of the voting
     * configuration (a quorum of an even number is no safer), so the master's loss stops the cluster until it is
     * back; the other node may go. Three nodes (Kubernetes) survive the loss of any one.
     */
    static ElasticsearchServer notTheMaster(FaultStack stack) {
        JsonNode master = Json.read(get(stack.config().elasticsearchUrl() + "/_cat/master?format=json"), JsonNode.class);
        String name = master.path(0).path("node").asText();
        return stack.stack().elasticsearchNodes().stream().filter(n -> !n.nodeName().equals(name)).findFirst()
                .orElseThrow(() -> new StackException("every Elasticsearch node is the master (" + name + ")?"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private static String get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new StackException(url + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new StackException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private static int httpStatus(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Samples the indexed count in the background: when, after the fault, did the rest first index a document. */
    static final class ProgressWatch {
        private final long t0 = System.nanoTime();
        private final Thread thread;
        private volatile Double first;
        private volatile boolean stopped;

        ProgressWatch(LongSupplier progress) {
            long atFault = progress.getAsLong();
            thread = new Thread(() -> {
                while (!stopped && first == null) {
                    long now = progress.getAsLong();
                    if (atFault >= 0 && now > atFault) {
                        first = secondsSince(t0);
                        return;
                    }
                    Clock.sleep(250);
                }
            }, "progress-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            stopped = true;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Double firstProgressSeconds() {
            return first;
        }
    }
}
