package io.zhibiao.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhibiao.contracts.Json;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests a service must refuse with a reason: each probe's answer must have the expected status and a
 * JSON body with {@code status}, {@code code} and a {@code reason} (never an empty body or an HTML page).
 * Each service's {@code HttpErrorsTest} runs the standard probes and its own.
 */
public final class ErrorProbes {
    private ErrorProbes() {
    }

    /** A request, written byte for byte, and the status it must get. */
    public record Probe(String name, String method, byte[] target, Map<String, String> headers, byte[] body, int status) {
        public static Probe of(String name, String method, String target, Map<String, String> headers, String body, int status) {
            return new Probe(name, method, target.getBytes(StandardCharsets.UTF_8), headers,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
        }
    }

    /**
     * What every service must refuse with a reason: a path it does not serve, a query string in GBK (not UTF-8),
     * a malformed percent escape, and the query string's Chinese as raw UTF-8 on a path it does not serve (read,
     * then 404: the URL is not refused for its bytes).
     */
    public static List<Probe> standard() {
        byte[] gbk = concat("/api/no-such-resource?q=".getBytes(StandardCharsets.US_ASCII), "新能源".getBytes(Charset.forName("GBK")));
        return List.of(
                Probe.of("a path no route serves", "GET", "/api/no-such-resource", Map.of(), null, 404),
                Probe.of("a path outside the API", "GET", "/no/such/page.html", Map.of(), null, 404),
                Probe.of("raw UTF-8 in the query string of an unknown path", "GET", "/api/no-such-resource?q=新能源", Map.of(), null, 404),
                new Probe("a query string in GBK", "GET", gbk, Map.of(), null, 400),
                Probe.of("a malformed percent escape", "GET", "/api/no-such-resource?q=%zz", Map.of(), null, 400));
    }

    /** The probes whose answers are not as they must be, each with what was wrong; empty when all are right. */
    public static List<String> problems(String host, int port, List<Probe> probes) {
        List<String> problems = new ArrayList<>();
        for (Probe p : probes) {
            RawHttp.Answer a = RawHttp.send(host, port, p.method(), p.target(), p.headers(), p.body());
            String what = p.name() + " (" + p.method() + " " + new String(p.target(), StandardCharsets.UTF_8) + "): ";
            if (a.status() != p.status()) {
                problems.add(what + "status " + a.status() + ", expected " + p.status() + "; body: " + a.body());
                continue;
            }
            JsonNode body;
            try {
                body = Json.mapper().readTree(a.body());
            } catch (Exception e) {
                problems.add(what + "the body is not JSON: '" + a.body() + "'");
                continue;
            }
            if (body == null || body.path("status").asInt() != p.status() || body.path("code").asText("").isBlank()
                    || body.path("reason").asText("").isBlank()) {
                problems.add(what + "the body has no status, code and reason: " + a.body());
            }
        }
        return problems;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
