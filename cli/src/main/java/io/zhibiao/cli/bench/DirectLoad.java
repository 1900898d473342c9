package io.zhibiao.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.cli.load.Corpus;
import io.zhibiao.cli.load.ExpectedPipeline;
import io.zhibiao.cli.load.GeneratedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.index.documents.FactDoc;
import io.zhibiao.index.documents.IndexDocuments;
import io.zhibiao.index.documents.PassageDoc;
import io.zhibiao.ingest.domain.IngestedDocument;
import io.zhibiao.stack.StackFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The limit the pipeline is measured against: the same reports, passages and facts, computed in-process
 * by the services' own classes (ingest → segment → extract → index-service's {@link IndexDocuments}),
 * bulk-loaded straight into Elasticsearch, into indices of their own made from index-service's mapping
 * JSON (same settings, same mappings). The bulk bodies are prepared on disk first, so that only the
 * loading is timed; they are cut like index-service cuts them (at most 1,000 operations, about 8 MiB).
 */
final class DirectLoad {
    static final String PREFIX = "bench-direct-";
    static final List<String> KINDS = List.of("reports", "passages", "facts");
    static final int MAX_OPERATIONS = 1000;
    static final long MAX_BYTES = 8L << 20;

    /** The bulk files and what they hold. */
    record Prepared(List<Path> files, long reports, long passages, long facts, long bytes, double seconds) {
    }

    /** What the load took. */
    record Result(double seconds, long reports, long passages, long facts, long bytes, int requests, int threads) {
        double reportsPerSecond() {
            return reports / seconds;
        }
    }

    private DirectLoad() {
    }

    static String index(String kind) {
        return PREFIX + kind;
    }

    /** Writes the bulk bodies of the corpus into {@code dir} (emptied first). */
    static Prepared prepare(Corpus corpus, Path dir) {
        long t0 = System.nanoTime();
        StackFiles.deleteRecursively(dir);
        ExpectedPipeline pipeline = new ExpectedPipeline();
        Instant now = Instant.now();
        try {
            Files.createDirectories(dir);
            try (Chunks chunks = new Chunks(dir)) {
                int step = 256;
                for (int from = 0; from < corpus.size(); from += step) {
                    int to = Math.min(corpus.size(), from + step);
                    List<List<byte[]>> part = IntStream.range(from, to).parallel()
                            .mapToObj(i -> operations(pipeline, corpus.reports().get(i), now)).toList();
                    for (List<byte[]> ops : part) {
                        for (byte[] op : ops) {
                            chunks.add(op);
                        }
                    }
                }
                return new Prepared(chunks.files, chunks.counts[0], chunks.counts[1], chunks.counts[2], chunks.totalBytes,
                        (System.nanoTime() - t0) / 1e9);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bulk operations (action line and document, NDJSON) of one generated report. */
    private static List<byte[]> operations(ExpectedPipeline pipeline, GeneratedReport r, Instant now) {
        List<byte[]> out = new ArrayList<>();
        for (IngestedDocument doc : pipeline.ingest(r.toRawReport())) {
            ExpectedPipeline.Events events = pipeline.events(doc);
            var seg = events.segmented();
            out.add(op("reports", seg.documentId(), IndexDocuments.report(seg, now)));
            for (IndexDocuments.Keyed<PassageDoc> p : IndexDocuments.passages(seg)) {
                out.add(op("passages", p.id(), p.doc()));
            }
            for (IndexDocuments.Keyed<FactDoc> f : IndexDocuments.facts(events.indicators())) {
                out.add(op("facts", f.id(), f.doc()));
            }
        }
        return out;
    }

    private static byte[] op(String kind, String id, Object doc) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            b.write(("{\"index\":{\"_index\":\"" + index(kind) + "\",\"_id\":\"" + id + "\"}}\n").getBytes(StandardCharsets.UTF_8));
            b.write(Json.writeBytes(doc));
            b.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Creates the direct indices (deleting earlier ones) from index-service's mapping resources. */
    static void createIndices(ElasticHttp es) {
        for (String kind : KINDS) {
            es.deleteIndex(index(kind));
            es.createIndex(index(kind), mapping(kind));
        }
    }

    static void deleteIndices(ElasticHttp es) {
        for (String kind : KINDS) {
            es.deleteIndex(index(kind));
        }
    }

    /** index-service's settings and mappings of one kind ({@code elasticsearch/<kind>.json} in its jar). */
    static String mapping(String kind) {
        try (InputStream in = DirectLoad.class.getResourceAsStream("/elasticsearch/" + kind + ".json")) {
            if (in == null) {
                throw new IllegalStateException("index-service's elasticsearch/" + kind + ".json is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the prepared files with {@code threads} bulk requests in flight, then refreshes: timed from the
     * first request to the end of the refresh, when everything is visible to search.
     */
    static Result load(ElasticHttp es, Prepared prepared, int threads) {
        ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(prepared.files());
        AtomicLong retries = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (Path f; (f = queue.poll()) != null; ) {
                        bulk(es, f, retries);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("direct load failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        for (String kind : KINDS) {
            es.refresh(index(kind));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long reports = es.count(index("reports"));
        long passages = es.count(index("passages"));
        long facts = es.count(index("facts"));
        if (reports != prepared.reports() || passages != prepared.passages() || facts != prepared.facts()) {
            throw new IllegalStateException("direct load: expected " + prepared.reports() + "/" + prepared.passages() + "/"
                    + prepared.facts() + " documents, found " + reports + "/" + passages + "/" + facts);
        }
        return new Result(seconds, reports, passages, facts, prepared.bytes(), prepared.files().size(), threads);
    }

    /** One file, retried while Elasticsearch is busy (429) — the ids make a retry harmless. */
    private static void bulk(ElasticHttp es, Path file, AtomicLong retries) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                JsonNode r = es.bulk(file);
                if (!r.path("errors").asBoolean()) {
                    return;
                }
                for (JsonNode item : r.path("items")) {
                    JsonNode op = item.elements().next();
                    if (op.has("error") && op.path("status").asInt() != 429) {
                        throw new IllegalStateException("Elasticsearch refused " + op.path("_id").asText() + ": " + op.path("error"));
                    }
                }
            } catch (IOException busy) {
                if (attempt > 20) {
                    throw busy;
                }
            }
            retries.incrementAndGet();
            Thread.sleep(200L * (attempt + 1));
        }
    }

    /** Bulk files of at most MAX_OPERATIONS operations and about MAX_BYTES, written in order. */
    private static final class Chunks implements AutoCloseable {
        final List<Path> files = new ArrayList<>();
        final long[] counts = new long[3];
        final Path dir;
        long totalBytes;
        OutputStream out;
        int ops;
        long bytes;

        Chunks(Path dir) {
            this.dir = dir;
        }

        void add(byte[] op) throws IOException {
            if (out != null && (ops >= MAX_OPERATIONS || bytes + op.length > MAX_BYTES)) {
                out.close();
                out = null;
            }
            if (out == null) {
                Path f = dir.resolve(String.format("bulk-%05d.ndjson", files.size()));
                files.add(f);
                out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 16);
                ops = 0;
                bytes = 0;
            }
            out.write(op);
            ops++;
            bytes += op.length;
            totalBytes += op.length;
            String head = new String(op, 0, Math.min(op.length, 60), StandardCharsets.UTF_8);
            counts[head.contains(PREFIX + "reports") ? 0 : head.contains(PREFIX + "passages") ? 1 : 2]++;
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
