package io.zhibiao.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.zhibiao.contracts.ExtractedIndicators;
import io.zhibiao.contracts.SegmentedReport;
import io.zhibiao.index.documents.FactDoc;
import io.zhibiao.index.documents.IndexDocuments;
import io.zhibiao.index.documents.PassageDoc;

import io.zhibiao.contracts.delivery.Backoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes reports, passages and facts into one version of the indices. Ids are derived from the
 * document id, so writing the same event twice changes nothing; a new version of a document removes
 * the old version's report, passages and facts by their ids (this Elasticsearch has no delete-by-query).
 */
public final class Indexer {
    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final BulkWriter writer;
    private final BulkBatches batches;
    private final int concurrency;
    private final ExecutorService pool;

    /** What became of one input event. */
    public record Outcome(String documentId, int written, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    public Indexer(ElasticsearchClient client, IndexLayout layout, BulkWriter writer) {
        this(client, layout, writer, new BulkBatches(1000, 8L << 20));
    }

    public Indexer(ElasticsearchClient client, IndexLayout layout, BulkWriter writer, BulkBatches batches) {
        this(client, layout, writer, batches, 1);
    }

    /**
     * @param concurrency bulk requests of one batch in flight at once (after its deletions): Elasticsearch
     *                    indexes each request on one thread, so one at a time leaves its other cores idle
     */
    public Indexer(ElasticsearchClient client, IndexLayout layout, BulkWriter writer, BulkBatches batches, int concurrency) {
        this.client = client;
        this.layout = layout;
        this.writer = writer;
        this.batches = batches;
        this.concurrency = Math.max(1, concurrency);
        this.pool = this.concurrency == 1 ? null : Executors.newFixedThreadPool(this.concurrency, r -> {
            Thread t = new Thread(r, "bulk-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public List<Outcome> indexText(List<SegmentedReport> reports) {
        Map<String, List<BulkOperation>> byDoc = new LinkedHashMap<>();
        Set<String> superseded = new HashSet<>();
        Map<String, Long> sizes = new HashMap<>();
        Instant now = Instant.now();
        for (SegmentedReport r : reports) {
            List<BulkOperation> ops = byDoc.computeIfAbsent(r.documentId(), k -> new ArrayList<>());
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(layout.reports()).id(r.documentId())
                    .document(IndexDocuments.report(r, now)))));
            int pageStarts = r.metadata().pages() == null ? 0 : r.metadata().pages().starts().size();
            sizes.put(r.documentId(), 1024 + BulkBatches.textBytes(r.text()) + 160L * r.sections().size()
                    + 16L * pageStarts);
            for (IndexDocuments.Keyed<PassageDoc> p : IndexDocuments.passages(r)) {
                ops.add(BulkOperation.of(b -> b.index(i -> i.index(layout.passages()).id(p.id()).document(p.doc()))));
                sizes.put(p.id(), 512 + BulkBatches.textBytes(p.doc().text()) + BulkBatches.textBytes(p.doc().words()));
            }
            superseded.addAll(r.supersedes());
        }
        List<BulkOperation> deletions = deletionsOf(superseded);
        return write(byDoc, deletions, sizes);
    }

    public List<Outcome> indexFacts(List<ExtractedIndicators> events) {
        Map<String, List<BulkOperation>> byDoc = new LinkedHashMap<>();
        Set<String> superseded = new HashSet<>();
        Map<String, Set<String>> keep = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        for (ExtractedIndicators e : events) {
            List<BulkOperation> ops = byDoc.computeIfAbsent(e.documentId(), k -> new ArrayList<>());
            Set<String> ids = keep.computeIfAbsent(e.documentId(), k -> new HashSet<>());
            for (IndexDocuments.Keyed<FactDoc> f : IndexDocuments.facts(e)) {
                ids.add(f.id());
                ops.add(BulkOperation.of(b -> b.index(i -> i.index(layout.facts()).id(f.id()).document(f.doc()))));
                sizes.put(f.id(), 640 + BulkBatches.textBytes(f.doc().quote()) + BulkBatches.textBytes(f.doc().title()));
            }
            superseded.addAll(e.supersedes());
        }
        List<BulkOperation> deletions = new ArrayList<>(deletionsOf(superseded));
        // facts a document no longer has (re-extracted with a newer extractor) go too
        for (var entry : existingIds(layout.facts(), keep.keySet()).entrySet()) {
            for (String id : entry.getValue()) {
                if (!keep.getOrDefault(entry.getKey(), Set.of()).contains(id)) {
                    deletions.add(BulkOperation.of(b -> b.delete(d -> d.index(layout.facts()).id(id))));
                }
            }
        }
        return write(byDoc, deletions, sizes);
    }

    /** Writes deletions, then documents; {@code sizes} holds the estimated JSON size of each document by id. */
    private List<Outcome> write(Map<String, List<BulkOperation>> byDoc, List<BulkOperation> deletions,
                                Map<String, Long> sizes) {
        List<BulkOperation> all = new ArrayList<>(deletions);
        Map<String, String> docOfId = new HashMap<>();
        for (var e : byDoc.entrySet()) {
            for (BulkOperation op : e.getValue()) {
                docOfId.put(idOf(op), e.getKey());
                all.add(op);
            }
        }
        Map<String, String> refusals = new ConcurrentHashMap<>();
        List<BulkBatches.Sized<BulkOperation>> sized = new ArrayList<>(all.size());
        for (BulkOperation op : all) {
            Long bytes = op.isIndex() ? sizes.get(op.index().id()) : null;
            sized.add(new BulkBatches.Sized<>(op, bytes == null ? 128 : bytes));
        }
        // deletions first (each request acknowledged before the next), then the documents, in requests of
        // bounded size, up to `concurrency` of them in flight; all acknowledged when this returns
        List<List<BulkOperation>> documents = new ArrayList<>();
        for (List<BulkOperation> request : batches.split(sized)) {
            if (pool == null || request.stream().anyMatch(BulkOperation::isDelete)) {
                refused(writer.write(request), docOfId, refusals);
            } else {
                documents.add(request);
            }
        }
        if (documents.size() == 1 || pool == null) {
            documents.forEach(request -> refused(writer.write(request), docOfId, refusals));
        } else if (!documents.isEmpty()) {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < Math.min(concurrency, documents.size()); t++) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < documents.size(); ) {
                        refused(writer.write(documents.get(i)), docOfId, refusals);
                    }
                }));
            }
            awaitAll(running);
        }
        List<Outcome> out = new ArrayList<>();
        for (var e : byDoc.entrySet()) {
            out.add(new Outcome(e.getKey(), e.getValue().size(), refusals.get(e.getKey())));
        }
        return out;
    }

    private static void refused(List<BulkWriter.Refusal> refused, Map<String, String> docOfId, Map<String, String> refusals) {
        for (BulkWriter.Refusal r : refused) {
            String doc = docOfId.get(r.id());
            if (doc != null) {
                refusals.putIfAbsent(doc, r.id() + " refused (" + r.status() + "): " + r.reason());
            }
        }
    }

    /** Waits for every request; the first failure (a stop, an unexpected error) is rethrown as it was. */
    private static void awaitAll(List<Future<?>> running) {
        RuntimeException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(r -> r.cancel(true));
                throw new Backoff.Stopped(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<BulkOperation> deletionsOf(Set<String> supersededDocuments) {
        if (supersededDocuments.isEmpty()) {
            return List.of();
        }
        List<BulkOperation> ops = new ArrayList<>();
        for (String doc : supersededDocuments) {
            ops.add(BulkOperation.of(b -> b.delete(d -> d.index(layout.reports()).id(doc))));
        }
        for (String index : List.of(layout.passages(), layout.facts())) {
            existingIds(index, supersededDocuments).values().forEach(ids -> ids.forEach(id ->
                    ops.add(BulkOperation.of(b -> b.delete(d -> d.index(index).id(id))))));
        }
        return ops;
    }

    /** Ids of the documents in an index that belong to the given reports (a report has far fewer than 10,000). */
    Map<String, List<String>> existingIds(String index, Collection<String> documentIds) {
        Map<String, List<String>> out = new HashMap<>();
        if (documentIds.isEmpty()) {
            return out;
        }
        List<FieldValue> values = documentIds.stream().map(FieldValue::of).toList();
        try {
            SearchResponse<JsonData> page = client.search(s -> s.index(index).size(10_000)
                    .source(src -> src.filter(f -> f.includes("documentId")))
                    .query(q -> q.terms(t -> t.field("documentId").terms(tv -> tv.value(values)))), JsonData.class);
            for (Hit<JsonData> h : page.hits().hits()) {
                String doc = h.source() == null ? null : h.source().toJson().asJsonObject().getString("documentId", null);
                out.computeIfAbsent(doc, k -> new ArrayList<>()).add(h.id());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idOf(BulkOperation op) {
        if (op.isIndex()) {
            return op.index().id();
        }
        if (op.isDelete()) {
            return op.delete().id();
        }
        return null;
    }
}
