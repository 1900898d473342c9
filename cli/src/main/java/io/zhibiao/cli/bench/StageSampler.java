package io.zhibiao.cli.bench;

import io.zhibiao.stack.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples, once a second on a thread of its own, what each stage has done (the services' Prometheus
 * counters at {@code /q/metrics}) and what each process of the stack uses (CPU time, RSS, PSS from
 * {@code /proc}). From the samples: each stage's rate, the backlog in front of it, where the CPU went,
 * the peak memory of every process.
 */
final class StageSampler implements AutoCloseable {
    /** A pipeline stage and the counter that counts its output. */
    record Stage(String name, String service, String counter) {
    }

    static final List<Stage> STAGES = List.of(
            new Stage("ingest", "ingest-service", "zhibiao_ingest_documents_total"),
            new Stage("segment", "nlp-service", "zhibiao_nlp_segmented_total"),
            new Stage("extract", "nlp-service", "zhibiao_nlp_extracted_total"),
            new Stage("index text", "index-service", "zhibiao_index_reports_total"),
            new Stage("index facts", "index-service", "zhibiao_index_fact_events_total"));

    /** One sample: seconds since the start, each stage's count, each process's figures. */
    record Sample(double at, Map<String, Double> counts, Map<String, ProcessStats.Sample> processes) {
    }

    private final Map<String, String> metricsUrls;
    private final List<Component> components;
    private final Map<String, java.util.function.DoubleSupplier> extra;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Sample> samples = new ArrayList<>();
    static final int METRICS_EVERY = 5;
    private int tick;
    private final long t0;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param metricsUrls service name → its base URL (the counters are read from {@code /q/metrics})
     * @param components  the processes to watch
     * @param extra       further counts to sample, before the stages' (e.g. what was published)
     */
    StageSampler(Map<String, String> metricsUrls, List<Component> components,
                 Map<String, java.util.function.DoubleSupplier> extra, long t0) {
        this.metricsUrls = metricsUrls;
        this.components = components;
        this.extra = extra;
        this.t0 = t0;
        this.thread = new Thread(this::loop, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            Sample s = sample(tick++ % METRICS_EVERY == 0);
            synchronized (samples) {
                samples.add(s);
            }
            next += 1_000_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Takes one sample now, with the stages' counters (also used for a snapshot outside the loop). */
    Sample sample() {
        return sample(true);
    }

    /** One sample; the stages' counters only when asked (samples without them hold only the extra counts). */
    private Sample sample(boolean withMetrics) {
        Map<String, ProcessStats.Sample> procs = new LinkedHashMap<>();
        for (Component c : components) {
            procs.put(c.name(), ProcessStats.of(c.process()));
        }
        procs.put("bench (this JVM)", ProcessStats.self());
        double at = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> counts = new LinkedHashMap<>();
        extra.forEach((name, supplier) -> counts.put(name, supplier.getAsDouble()));
        // rendering /q/metrics costs a service some CPU (Kafka clients have many meters): every 5 s is enough
        if (withMetrics) {
            Map<String, String> scraped = new LinkedHashMap<>();
            for (Stage st : STAGES) {
                String body = scraped.computeIfAbsent(st.service(), this::scrape);
                counts.put(st.name(), counter(body, st.counter()));
            }
        }
        return new Sample(at, counts, procs);
    }

    private String scrape(String service) {
        String url = metricsUrls.get(service);
        if (url == null) {
            return "";
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The sum of a counter over all its labels in a Prometheus text page (NaN when absent). */
    static double counter(String page, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : page.split("\n")) {
            if (line.startsWith(name) && (line.length() == name.length() || line.charAt(name.length()) == '{'
                    || line.charAt(name.length()) == ' ')) {
                String[] parts = line.trim().split("\\s+");
                try {
                    sum += Double.parseDouble(parts[parts.length - 1]);
                    found = true;
                } catch (NumberFormatException ignored) {
                    // not a sample line
                }
            }
        }
        return found ? sum : Double.NaN;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
