package io.zhibiao.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.zhibiao.contracts.delivery.Backoff;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes bulk operations until Elasticsearch has acknowledged every one. Elasticsearch being away or
 * overloaded (connection errors, 429, 5xx) is waited out with capped exponential backoff: that is not
 * the data's fault and nothing may be lost. An operation Elasticsearch refuses for good (4xx: a document
 * that does not fit the mapping) is returned to the caller, who dead-letters its record.
 */
public final class BulkWriter {
    private static final Logger LOG = Logger.getLogger(BulkWriter.class);

    private final ElasticsearchClient client;
    private final long maxBackoffMillis;
    private final BooleanSupplier stopping;

    public record Refusal(String id, int status, String reason) {
    }

    public BulkWriter(ElasticsearchClient client, long maxBackoffMillis, BooleanSupplier stopping) {
        this.client = client;
        this.maxBackoffMillis = maxBackoffMillis;
        this.stopping = stopping;
    }

    /** Returns the operations refused for good; everything else is acknowledged when this returns. */
    public List<Refusal> write(List<BulkOperation> operations) {
        List<Refusal> refused = new ArrayList<>();
        List<BulkOperation> pending = operations;
        long backoff = 100;
        while (!pending.isEmpty()) {
            if (stopping.getAsBoolean()) {
                // the batch stays unacknowledged and is delivered again after the restart
                throw new Backoff.Stopped(new IllegalStateException(pending.size() + " operations not acknowledged yet"));
            }
            BulkResponse response;
            try {
                List<BulkOperation> batch = pending;
                response = client.bulk(b -> b.operations(batch));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Elasticsearch bulk failed (%s); retrying %d operations in %d ms", e.toString(), pending.size(), backoff);
                sleep(backoff);
                backoff = Math.min(maxBackoffMillis, backoff * 2);
                continue;
            }
            if (!response.errors()) {
                return refused;
            }
            List<BulkOperation> retry = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() == null) {
                    continue;
                }
                if (item.status() == 429 || item.status() >= 500) {
                    retry.add(pending.get(i));
                } else if (item.status() == 404 && pending.get(i).isDelete()) {
                    // deleting what is already gone is done
                } else {
                    refused.add(new Refusal(item.id(), item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
            if (!retry.isEmpty()) {
                LOG.warnf("Elasticsearch asked to retry %d operations; waiting %d ms", retry.size(), backoff);
                sleep(backoff);
                backoff = Math.min(maxBackoffMillis, backoff * 2);
            }
            pending = retry;
        }
        return refused;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Backoff.Stopped(e);
        }
    }
}
