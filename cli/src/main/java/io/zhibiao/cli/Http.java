package io.zhibiao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * JSON over HTTP for the command line's own calls to the services and Elasticsearch: one way to send (a
 * server that does not answer is an {@link IllegalStateException} naming it), to accept an answer (200, or
 * the method, address, status and the start of the body) and to read it.
 */
public final class Http {
    private Http() {
    }

    public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The answer as JSON when it is a 200; anything else is refused with what the server said. */
    public static JsonNode ok(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return read(r.body());
    }

    public static JsonNode read(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
