package io.zhibiao.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * How many of each process the local stack runs: one of everything ({@link #SINGLE}, the default of
 * {@code ./zhibiao up}), or the cluster of {@code ./zhibiao up --cluster} ({@link #cluster()}, from
 * {@code cluster.properties} beside this class, which deploy/kubernetes is checked against).
 *
 * @param kafkaNodes         Kafka KRaft nodes, each broker and controller in one process
 * @param replicationFactor  replicas of every partition
 * @param minInsyncReplicas  replicas that must have a write before acks=all acknowledges it
 * @param elasticsearchNodes nodes of the Elasticsearch cluster, each master-eligible and data
 * @param indexReplicas      copies of each shard besides the primary
 * @param instances          processes of each pipeline stage
 * @param partitions         partitions of every topic
 * @param splitNlp           nlp-service as two processes per instance, one per stage (nlp-segment, nlp-extract),
 *                           as the Kubernetes Deployments run it; else one process with both stages
 */
public record Topology(int kafkaNodes, int replicationFactor, int minInsyncReplicas, int elasticsearchNodes,
                       int indexReplicas, int instances, int partitions, boolean splitNlp) {

    /** One of everything, nlp-service with both stages in one process. */
    public static final Topology SINGLE = new Topology(1, 1, 1, 1, 0, 1, 2, false);

    public Topology {
        if (kafkaNodes < 1 || elasticsearchNodes < 1 || instances < 1 || partitions < 1) {
            throw new StackException("a topology needs at least one of everything: " + kafkaNodes + " Kafka nodes, "
                    + elasticsearchNodes + " Elasticsearch nodes, " + instances + " instances, " + partitions + " partitions");
        }
        if (replicationFactor < 1 || replicationFactor > kafkaNodes || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new StackException("replication factor " + replicationFactor + " and min.insync.replicas " + minInsyncReplicas
                    + " do not fit " + kafkaNodes + " Kafka nodes");
        }
        if (indexReplicas < 0 || indexReplicas >= elasticsearchNodes) {
            throw new StackException(indexReplicas + " replicas of each shard do not fit " + elasticsearchNodes
                    + " Elasticsearch nodes (a replica never shares a node with its primary)");
        }
    }

    /** The cluster of {@code ./zhibiao up --cluster}: 3 Kafka nodes, 2 Elasticsearch nodes, 2 instances per stage. */
    public static Topology cluster() {
        Properties p = new Properties();
        try (InputStream in = Topology.class.getResourceAsStream("cluster.properties")) {
            if (in == null) {
                throw new StackException("cluster.properties is missing from the local-stack jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Topology(i(p, "kafka.nodes"), i(p, "topic.replication.factor"), i(p, "topic.min.insync.replicas"),
                i(p, "elasticsearch.nodes"), i(p, "index.replicas"), i(p, "stage.instances"), i(p, "topic.partitions"), true);
    }

    /** The same with nlp-service split by stage or not. */
    public Topology withSplitNlp(boolean split) {
        return new Topology(kafkaNodes, replicationFactor, minInsyncReplicas, elasticsearchNodes, indexReplicas, instances,
                partitions, split);
    }

    /** The same with another number of instances per stage. */
    public Topology withInstances(int n) {
        return new Topology(kafkaNodes, replicationFactor, minInsyncReplicas, elasticsearchNodes, indexReplicas, n,
                partitions, splitNlp);
    }

    /** More than one of something: node and process names get a number ({@code kafka-2}, {@code nlp-extract-1}). */
    public boolean clustered() {
        return kafkaNodes > 1 || elasticsearchNodes > 1 || instances > 1;
    }

    /** Sets of ports: one per node or instance, whichever there are most of. */
    public int nodes() {
        return Math.max(kafkaNodes, Math.max(elasticsearchNodes, instances));
    }

    public String describe() {
        return kafkaNodes + " Kafka node" + (kafkaNodes == 1 ? "" : "s") + " (replication " + replicationFactor
                + ", min ISR " + minInsyncReplicas + "), " + elasticsearchNodes + " Elasticsearch node"
                + (elasticsearchNodes == 1 ? "" : "s") + " (" + indexReplicas + " replica" + (indexReplicas == 1 ? "" : "s")
                + "), " + instances + " instance" + (instances == 1 ? "" : "s") + " per stage, " + partitions + " partitions";
    }

    public void toProperties(Properties p) {
        p.setProperty("topology.kafkaNodes", "" + kafkaNodes);
        p.setProperty("topology.replicationFactor", "" + replicationFactor);
        p.setProperty("topology.minInsyncReplicas", "" + minInsyncReplicas);
        p.setProperty("topology.elasticsearchNodes", "" + elasticsearchNodes);
        p.setProperty("topology.indexReplicas", "" + indexReplicas);
        p.setProperty("topology.instances", "" + instances);
        p.setProperty("topology.partitions", "" + partitions);
        p.setProperty("topology.splitNlp", "" + splitNlp);
    }

    /** What a stack recorded, or {@link #SINGLE} for one recorded before topologies. */
    public static Topology fromProperties(Properties p) {
        if (!p.containsKey("topology.kafkaNodes")) {
            return SINGLE;
        }
        return new Topology(i(p, "topology.kafkaNodes"), i(p, "topology.replicationFactor"), i(p, "topology.minInsyncReplicas"),
                i(p, "topology.elasticsearchNodes"), i(p, "topology.indexReplicas"), i(p, "topology.instances"),
                i(p, "topology.partitions"), Boolean.parseBoolean(p.getProperty("topology.splitNlp")));
    }

    private static int i(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new StackException("cluster.properties lacks " + key);
        }
        return Integer.parseInt(v.trim());
    }
}
