package io.zhibiao.cli.bench;

import io.zhibiao.contracts.words.HanScript;
import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.cli.Http;
import io.zhibiao.contracts.words.WordSegmenter;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Query load on query-service over HTTP: {@code clients} threads, each sending its next request as soon
 * as the previous one answered (a closed loop, no think time), for a fixed time after a warm-up that is
 * not counted. The mix: half searches, a fifth indicator tables, the rest target/actual comparisons and
 * region series. Search terms are words of the corpus (HanLP's words of the sample reports, nouns and
 * verbs of 2–4 Han characters found in 2 to 20 of them); regions, provinces, years and indicators come
 * from the index's own catalog ({@code /api/catalog}). Deterministic for a seed.
 */
final class QueryLoad {
    static final List<String> TYPES = List.of("search", "indicators", "compare", "series");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> words;
    private final List<String> provinces = new ArrayList<>();
    private final List<Integer> years = new ArrayList<>();
    private final List<String> regions = new ArrayList<>();
    private final List<String> indicators = new ArrayList<>();
    private final List<String> topIndicators = new ArrayList<>();

    QueryLoad(String baseUrl, List<String> sampleTexts) {
        this.baseUrl = baseUrl;
        this.words = vocabulary(sampleTexts);
        JsonNode catalog = Http.ok(Http.send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/api/catalog"))
                .timeout(Duration.ofSeconds(60)).GET().build()));
        catalog.path("provinces").forEach(p -> provinces.add(p.path("value").asText()));
        catalog.path("years").forEach(y -> years.add(y.path("value").asInt()));
        catalog.path("regions").forEach(r -> regions.add(r.path("name").asText()));
        List<JsonNode> ind = new ArrayList<>();
        catalog.path("indicators").forEach(i -> {
            if (i.path("facts").asLong() > 0) {
                ind.add(i);
            }
        });
        ind.sort(Comparator.comparingLong((JsonNode i) -> -i.path("facts").asLong()));
        ind.forEach(i -> indicators.add(i.path("id").asText()));
        indicators.stream().limit(6).forEach(topIndicators::add);
        if (words.isEmpty() || regions.isEmpty() || indicators.isEmpty() || years.isEmpty()) {
            throw new IllegalStateException("nothing to query: " + words.size() + " words, " + regions.size() + " regions, "
                    + indicators.size() + " indicators, " + years.size() + " years in the catalog");
        }
    }

    /** Words of the corpus to search for. */
    static List<String> vocabulary(List<String> texts) {
        WordSegmenter seg = WordSegmenter.standard();
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            Set<String> seen = new HashSet<>();
            for (WordSegmenter.Word w : seg.words(text)) {
                String s = w.text();
                if (s.length() >= 2 && s.length() <= 4 && s.codePoints().allMatch(HanScript::is)
                        && (w.pos().startsWith("n") || w.pos().startsWith("v"))) {
                    seen.add(s);
                }
            }
            seen.forEach(s -> df.merge(s, 1, Integer::sum));
        }
        int max = Math.max(2, Math.min(20, texts.size() * 3 / 4));
        return df.entrySet().stream().filter(e -> e.getValue() >= 2 && e.getValue() <= max)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(400).map(Map.Entry::getKey).toList();
    }

    /** A request of the mix: its type and its path with the query string. */
    record Request(String type, String path) {
    }

    Request next(Random r) {
        int k = r.nextInt(100);
        if (k < 50) {
            StringBuilder q = new StringBuilder(pick(words, r));
            if (r.nextInt(100) < 35) {
                q.append(' ').append(pick(words, r));
            }
            StringBuilder p = new StringBuilder("/api/search?q=").append(enc(q.toString()));
            if (r.nextInt(100) < 25) {
                p.append("&province=").append(enc(pick(provinces, r)));
            }
            if (r.nextInt(100) < 10) {
                p.append("&year=").append(pick(years, r));
            }
            if (r.nextInt(100) < 10) {
                p.append("&sort=year");
            }
            if (r.nextInt(100) < 10) {
                p.append("&from=10");
            }
            return new Request("search", p.toString());
        }
        if (k < 70) {
            StringBuilder p = new StringBuilder("/api/indicators?indicator=").append(pick(indicators, r));
            int f = r.nextInt(100);
            if (f < 50) {
                p.append("&region=").append(enc(pick(regions, r)));
            } else if (f < 80) {
                p.append("&province=").append(enc(pick(provinces, r))).append("&kind=target");
            } else {
                p.append("&period=").append(pick(years, r));
            }
            return new Request("indicators", p.toString());
        }
        if (k < 85) {
            StringBuilder p = new StringBuilder("/api/indicators/compare?indicator=").append(pick(topIndicators, r))
                    .append("&period=").append(pick(years, r));
            if (r.nextInt(100) < 30) {
                p.append("&province=").append(enc(pick(provinces, r)));
            }
            return new Request("compare", p.toString());
        }
        return new Request("series", "/api/indicators/series?region=" + enc(pick(regions, r)) + "&indicator="
                + pick(topIndicators, r));
    }

    /** Runs the load; the warm-up is not counted. */
    BenchResult.QueryLoad run(int clients, double warmupSeconds, double seconds, long seed) {
        Map<String, Latencies> byType = new LinkedHashMap<>();
        TYPES.forEach(t -> byType.put(t, new Latencies()));
        Latencies all = new Latencies();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        TYPES.forEach(t -> errors.put(t, new AtomicLong()));
        Map<String, String> firstError = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 7919 + c);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Request q = next(random);
                    long t0 = System.nanoTime();
                    int status;
                    String body = null;
                    try {
                        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(baseUrl + q.path()))
                                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        status = resp.statusCode();
                        body = resp.body();
                    } catch (IOException e) {
                        status = -1;
                        body = e.toString();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long t1 = System.nanoTime();
                    if (t0 < measureFrom || t1 > end) {
                        continue;
                    }
                    if (status != 200) {
                        errors.get(q.type()).incrementAndGet();
                        firstError.putIfAbsent(q.type(), status + " " + q.path() + ": "
                                + (body == null ? "" : body.substring(0, Math.min(200, body.length()))));
                        continue;
                    }
                    double ms = (t1 - t0) / 1e6;
                    all.add(ms);
                    byType.get(q.type()).add(ms);
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Map<String, Latencies.Summary> summaries = new LinkedHashMap<>();
        byType.forEach((t, l) -> summaries.put(t, l.summary()));
        Map<String, Long> errorCounts = new LinkedHashMap<>();
        errors.forEach((t, n) -> errorCounts.put(t, n.get()));
        long errorTotal = errorCounts.values().stream().mapToLong(Long::longValue).sum();
        if (!firstError.isEmpty()) {
            System.err.println("query load: first errors " + firstError);
        }
        return new BenchResult.QueryLoad(clients, warmupSeconds, seconds, all.count() + errorTotal, errorTotal,
                all.count() / seconds, all.summary(), summaries, errorCounts, null);
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
