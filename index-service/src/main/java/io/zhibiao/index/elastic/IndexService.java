package io.zhibiao.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Wires the Elasticsearch side: makes sure the indices of this version exist at start, and writes into them. */
@ApplicationScoped
public class IndexService {
    private static final Logger LOG = Logger.getLogger(IndexService.class);

    @Inject
    ElasticsearchClient client;

    @ConfigProperty(name = "zhibiao.index.prefix", defaultValue = "")
    Optional<String> prefix;

    @ConfigProperty(name = "zhibiao.index.version", defaultValue = "1")
    int version;

    @ConfigProperty(name = "zhibiao.index.max-backoff-ms", defaultValue = "30000")
    long maxBackoffMillis;

    /** At most this many operations in one bulk request. */
    @ConfigProperty(name = "zhibiao.index.bulk.max-operations", defaultValue = "1000")
    int bulkMaxOperations;

    /** At most about this many bytes of JSON in one bulk request (a bigger document goes alone). */
    @ConfigProperty(name = "zhibiao.index.bulk.max-bytes", defaultValue = "8388608")
    long bulkMaxBytes;

    /** Bulk requests of one batch in flight at once (after its deletions, which go first, one at a time). */
    @ConfigProperty(name = "zhibiao.index.bulk.concurrency", defaultValue = "2")
    int bulkConcurrency;

    /** Replicas of each shard (0 on one Elasticsearch node; 1 on a cluster, so that a node may go). */
    @ConfigProperty(name = "zhibiao.index.replicas", defaultValue = "0")
    int replicas;

    private volatile boolean stopping;
    private volatile Indexer indexer;
    private IndexLayout layout;
    private final CountDownLatch ready = new CountDownLatch(1);

    void onStart(@Observes StartupEvent event) {
        layout = new IndexLayout(prefix.orElse(""), version, replicas);
        indexer = new Indexer(client, layout, new BulkWriter(client, maxBackoffMillis, () -> stopping),
                new BulkBatches(bulkMaxOperations, bulkMaxBytes), bulkConcurrency);
        // Elasticsearch may come up after us: prepare the indices in the background, consumers wait for it
        Thread t = new Thread(this::ensureIndices, "ensure-indices");
        t.setDaemon(true);
        t.start();
    }

    /** True once the indices of this version exist (the readiness check). */
    public boolean isReady() {
        return ready.getCount() == 0;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** True once the service began to stop: waits for Elasticsearch or Kafka end, records stay unacknowledged. */
    public boolean stopping() {
        return stopping;
    }

    /** Creates templates, indices and aliases; waits for Elasticsearch if it is not up yet. */
    public void ensureIndices() {
        long backoff = 250;
        while (!stopping) {
            try {
                layout.ensure(client);
                ready.countDown();
                LOG.infof("indices of version %d ready: %s, %s, %s", version, layout.reports(), layout.passages(), layout.facts());
                warnOfMissingFields();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Elasticsearch not ready (%s); retrying in %d ms", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(maxBackoffMillis, backoff * 2);
            }
        }
    }

    /** Says so when the indices of this version were made by an earlier release and lack fields (a reindex is due). */
    private void warnOfMissingFields() {
        try {
            var missing = layout.missingFields(client);
            missing.forEach((kind, fields) -> LOG.warnf("%s was created by an earlier release and lacks the fields %s:"
                    + " its strict mapping refuses documents that have them (dead-lettered); reindex into a new version"
                    + " (./zhibiao reindex --version N, docs/SEARCH.md, \"Reindex without downtime\")",
                    layout.index(kind), fields));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("could not compare the mappings of version %d: %s", version, e);
        }
    }

    /** The indexer, once the indices exist. */
    public Indexer indexer() {
        try {
            while (!ready.await(1, TimeUnit.SECONDS)) {
                if (stopping) {
                    throw new IllegalStateException("shutting down before the indices were ready");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the indices", e);
        }
        return indexer;
    }

    public IndexLayout layout() {
        return layout;
    }

    public ElasticsearchClient client() {
        return client;
    }
}
