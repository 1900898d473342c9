package io.zhibiao.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.cli.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The few Elasticsearch calls the benchmark makes, over plain HTTP (the CLI carries no Elasticsearch client). */
final class ElasticHttp {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String url;

    ElasticHttp(String url) {
        this.url = url;
    }

    /** Documents visible to search in an index or alias (0 when it does not exist). */
    long count(String index) {
        HttpResponse<String> r = send("GET", "/" + index + "/_count", null);
        return r.statusCode() == 200 ? Http.read(r.body()).path("count").asLong() : 0;
    }

    JsonNode search(String index, String json) {
        return Http.ok(send("POST", "/" + index + "/_search", json));
    }

    /** Several searches in one request ({@code _msearch}): header and body lines, NDJSON. */
    JsonNode msearch(String ndjson) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_msearch")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build();
        return Http.ok(Http.send(http, request));
    }

    void refresh(String index) {
        Http.ok(send("POST", "/" + index + "/_refresh", ""));
    }

    void createIndex(String index, String json) {
        Http.ok(send("PUT", "/" + index, json));
    }

    void deleteIndex(String index) {
        HttpResponse<String> r = send("DELETE", "/" + index, null);
        if (r.statusCode() != 200 && r.statusCode() != 404) {
            throw new IllegalStateException("DELETE /" + index + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    JsonNode get(String path) {
        return Http.ok(send("GET", path, null));
    }

    /** One bulk request from a file of NDJSON; the response (errors are the caller's to read). */
    JsonNode bulk(Path ndjson) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_bulk")).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(ndjson)).build();
        HttpResponse<String> r = Http.send(http, request);
        if (r.statusCode() == 429 || r.statusCode() >= 500) {
            throw new IOException("bulk answered " + r.statusCode());
        }
        return Http.ok(r);
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return Http.send(http, b.build());
    }
}
