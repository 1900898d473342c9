package io.zhibiao.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.cli.faults.LoadPublisher;
import io.zhibiao.cli.load.Corpus;
import io.zhibiao.cli.load.GeneratedReport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.zhibiao.cli.Clock.sleep;

/**
 * Publish → searchable latency at a steady rate. Each report's clock starts when its send to
 * reports.raw begins. It is <b>searchable</b> when every one of its passages is visible to search
 * in the {@code passages} alias (what {@code /api/search} reads: indexed and refreshed), and
 * <b>complete</b> when, besides, its report is in {@code reports} and every fact in {@code facts}.
 * Elasticsearch is asked every {@value #POLL_MILLIS} ms (one {@code _msearch}: an aggregation per alias over
 * the reports in flight), so each latency is late by half that on average.
 */
final class LatencyRun {
    static final long POLL_MILLIS = 50;

    private LatencyRun() {
    }

    static BenchResult.Latency run(Corpus slice, LoadPublisher publisher, ElasticHttp es, double perSecond,
                                   double warmupSeconds, long timeoutMillis) {
        int n = slice.size();
        long[] sent = new long[n];
        long[] searchable = new long[n];
        long[] complete = new long[n];
        List<LoadPublisher.Item> items = LoadPublisher.Item.of(slice.reports());
        Thread pub = new Thread(() -> publisher.publish(items, perSecond, (i, nanos) -> {
            synchronized (sent) {
                sent[i] = nanos;
            }
        }), "bench-latency-publisher");
        pub.setDaemon(true);
        pub.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) + (long) (n / perSecond * 1e9);
        int done = 0;
        while (done < n && System.nanoTime() < deadline) {
            List<Integer> open = new ArrayList<>();
            synchronized (sent) {
                for (int i = 0; i < n; i++) {
                    if (sent[i] != 0 && complete[i] == 0) {
                        open.add(i);
                    }
                }
            }
            if (!open.isEmpty()) {
                long now = System.nanoTime();
                List<java.util.Map<String, Long>> c = counts(es, slice, open);
                var passages = c.get(0);
                var reports = c.get(1);
                var facts = c.get(2);
                for (int i : open) {
                    GeneratedReport r = slice.reports().get(i);
                    String id = r.expected().documentId();
                    if (searchable[i] == 0 && passages.getOrDefault(id, 0L) >= r.expected().passageIds().size()) {
                        searchable[i] = now;
                    }
                    if (searchable[i] != 0 && reports.getOrDefault(id, 0L) >= 1
                            && facts.getOrDefault(id, 0L) >= r.expected().facts().size()) {
                        complete[i] = now;
                        done++;
                    }
                }
            }
            sleep(POLL_MILLIS);
        }
        try {
            pub.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Latencies s = new Latencies();
        Latencies steady = new Latencies();
        Latencies c = new Latencies();
        int timedOut = 0;
        // searchable latency by 10 s of sending: does it hold steady or grow?
        java.util.Map<Integer, Latencies> windows = new java.util.TreeMap<>();
        long first = sent[0];
        for (int i = 0; i < n; i++) {
            if (searchable[i] != 0) {
                s.add((searchable[i] - sent[i]) / 1e6);
                if (sent[i] - first >= warmupSeconds * 1e9) {
                    steady.add((searchable[i] - sent[i]) / 1e6);
                }
                windows.computeIfAbsent((int) ((sent[i] - first) / 10_000_000_000L), k -> new Latencies())
                        .add((searchable[i] - sent[i]) / 1e6);
            }
            if (complete[i] != 0) {
                c.add((complete[i] - sent[i]) / 1e6);
            } else {
                timedOut++;
            }
        }
        java.util.Map<String, Latencies.Summary> byWindow = new java.util.LinkedHashMap<>();
        windows.forEach((w, l) -> byWindow.put((w * 10) + "-" + (w * 10 + 10) + " s", l.summary()));
        return new BenchResult.Latency(perSecond, n, warmupSeconds, steady.summary(), s.summary(), c.summary(), timedOut, byWindow);
    }

    static final List<String> ALIASES = List.of("passages", "reports", "facts");

    /** Documents per report id in each alias (passages, reports, facts), for the reports given: one _msearch. */
    private static List<java.util.Map<String, Long>> counts(ElasticHttp es, Corpus slice, List<Integer> open) {
        StringBuilder ids = new StringBuilder();
        for (int i : open) {
            if (!ids.isEmpty()) {
                ids.append(',');
            }
            ids.append('"').append(slice.reports().get(i).expected().documentId()).append('"');
        }
        String body = "{\"size\":0,\"track_total_hits\":false,\"query\":{\"terms\":{\"documentId\":[" + ids
                + "]}},\"aggs\":{\"d\":{\"terms\":{\"field\":\"documentId\",\"size\":" + open.size() + "}}}}";
        StringBuilder nd = new StringBuilder();
        for (String alias : ALIASES) {
            nd.append("{\"index\":\"").append(alias).append("\"}\n").append(body).append('\n');
        }
        JsonNode r = es.msearch(nd.toString());
        List<java.util.Map<String, Long>> out = new ArrayList<>();
        for (JsonNode response : r.path("responses")) {
            java.util.Map<String, Long> m = new java.util.HashMap<>();
            for (JsonNode b : response.path("aggregations").path("d").path("buckets")) {
                m.put(b.path("key").asText(), b.path("doc_count").asLong());
            }
            out.add(m);
        }
        return out;
    }
}
