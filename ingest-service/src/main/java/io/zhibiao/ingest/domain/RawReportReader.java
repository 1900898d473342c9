package io.zhibiao.ingest.domain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.RawReport;
import io.zhibiao.ingest.domain.formats.SourceFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the public input event, from a Kafka record value and its headers or from an HTTP JSON
 * body, into {@link RawReport}s. Four shapes are accepted:
 * <ul>
 *   <li>plain RawReport JSON;</li>
 *   <li>CloudEvents structured mode: a JSON envelope ({@code specversion}, {@code id},
 *       {@code source}, {@code type}; content type {@code application/cloudevents+json}) whose
 *       {@code data} is the RawReport object, or whose {@code data_base64} holds its JSON bytes;</li>
 *   <li>CloudEvents binary mode: the attributes in headers ({@code ce_specversion}, {@code ce_id},
 *       {@code ce_source}, {@code ce_type}, and {@code content-type: application/json}; the HTTP
 *       spelling {@code ce-id} works too) and the RawReport JSON as the value;</li>
 *   <li>CloudEvents batch mode ({@code application/cloudevents-batch+json}): a JSON array of
 *       structured-mode events, one report each.</li>
 * </ul>
 * The RawReport is validated against {@code schemas/raw-report.schema.json} of the contracts
 * module; every refusal names the field and what is wrong with it.
 */
public final class RawReportReader {
    /** 10 MiB of content is 13.4 MiB as base64; the envelope adds little. */
    public static final long DEFAULT_MAX_VALUE_BYTES = 16L * 1024 * 1024;
    static final String SCHEMA_RESOURCE = "/schemas/raw-report.schema.json";
    private static final List<String> ENVELOPE_ATTRIBUTES = List.of("id", "source", "type");

    private static volatile Schema schema;

    private final long maxValueBytes;

    private RawReportReader(long maxValueBytes) {
        this.maxValueBytes = maxValueBytes;
    }

    public static RawReportReader standard() {
        return new RawReportReader(DEFAULT_MAX_VALUE_BYTES);
    }

    /** The same reader with another limit on the size of a whole record value or body. */
    public RawReportReader withMaxValueBytes(long maxValueBytes) {
        return new RawReportReader(maxValueBytes);
    }

    /** The one report of a record or body; a CloudEvents batch is refused here (see {@link #readAll}). */
    public RawReport read(byte[] value, Map<String, String> headers) {
        List<RawReport> reports = readAll(value, headers);
        if (reports.size() != 1) {
            throw Rejection.BAD_ENVELOPE.because("a CloudEvents batch of " + reports.size() + " events where one report was expected");
        }
        return reports.get(0);
    }

    /**
     * The reports of a record or body: one, or one per event of a CloudEvents batch
     * ({@code application/cloudevents-batch+json}: a JSON array of structured-mode events). A batch is read
     * all or nothing: an event that is bad refuses the whole record, and the reason says which event it was.
     */
    public List<RawReport> readAll(byte[] value, Map<String, String> headers) {
        if (value == null || value.length == 0) {
            throw Rejection.NOT_JSON.because("the payload is empty; expected a RawReport JSON object");
        }
        if (value.length > maxValueBytes) {
            throw Rejection.TOO_LARGE.because(String.format(Locale.ROOT,
                    "the payload is %,d bytes, over the limit of %,d bytes", value.length, maxValueBytes));
        }
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    h.put(k, v);
                }
            });
        }
        String contentType = h.getOrDefault("content-type", "").strip().toLowerCase(Locale.ROOT);
        if (header(h, "specversion") != null) {
            checkBinaryMode(h);
            return List.of(report(parseObject(value, "the record value")));
        }
        if (contentType.startsWith(BATCH_CONTENT_TYPE)) {
            return batch(parse(value, "the payload"));
        }
        JsonNode root = parseObject(value, "the payload");
        // a RawReport has no specversion (the schema allows no extra field): such an object is an envelope
        boolean structured = contentType.startsWith("application/cloudevents") || root.has("specversion");
        return List.of(report(structured ? unwrapStructured(root) : root));
    }

    /** The media type of a CloudEvents batch (JSON format): an array of structured-mode events. */
    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

    private static List<RawReport> batch(JsonNode root) {
        if (!root.isArray()) {
            throw Rejection.BAD_ENVELOPE.because("a CloudEvents batch (" + BATCH_CONTENT_TYPE + ") is " + kind(root)
                    + "; expected a JSON array of events");
        }
        if (root.isEmpty()) {
            throw Rejection.BAD_ENVELOPE.because("the CloudEvents batch holds no event");
        }
        List<RawReport> reports = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode event = root.get(i);
            try {
                if (!event.isObject()) {
                    throw Rejection.BAD_ENVELOPE.because("it is " + kind(event) + "; expected a CloudEvent object");
                }
                reports.add(report(unwrapStructured(event)));
            } catch (RejectedInputException e) {
                throw new RejectedInputException(e.rejection(), "event " + (i + 1) + " of the batch of " + root.size()
                        + ": " + e.reason(), e);
            }
        }
        return reports;
    }

    private static RawReport report(JsonNode payload) {
        validate(payload);
        try {
            return Json.mapper().treeToValue(payload, RawReport.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Rejection.SCHEMA_VIOLATION.because("the report cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    // ------------------------------------------------------------------ CloudEvents

    private static String header(Map<String, String> h, String attribute) {
        String v = h.get("ce_" + attribute);
        return v != null ? v : h.get("ce-" + attribute);
    }

    private static void checkBinaryMode(Map<String, String> h) {
        String version = header(h, "specversion");
        if (!"1.0".equals(version.strip())) {
            throw Rejection.BAD_ENVELOPE.because("CloudEvents header ce_specversion is '" + version + "'; expected 1.0");
        }
        for (String attribute : ENVELOPE_ATTRIBUTES) {
            String v = header(h, attribute);
            if (v == null || v.isBlank()) {
                throw Rejection.BAD_ENVELOPE.because("CloudEvents binary mode: header ce_" + attribute + " is missing");
            }
        }
        String contentType = h.get("content-type");
        if (contentType != null && !isJson(contentType)) {
            throw Rejection.UNSUPPORTED_CONTENT_TYPE.because("CloudEvents binary mode: content-type is '" + contentType
                    + "'; the record value must be the RawReport JSON (application/json)");
        }
    }

    private static JsonNode unwrapStructured(JsonNode envelope) {
        JsonNode version = envelope.get("specversion");
        if (version == null || !version.isTextual() || !"1.0".equals(version.asText())) {
            throw Rejection.BAD_ENVELOPE.because("CloudEvents envelope: specversion is "
                    + (version == null ? "missing" : version.toString()) + "; expected \"1.0\"");
        }
        for (String attribute : ENVELOPE_ATTRIBUTES) {
            JsonNode v = envelope.get(attribute);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw Rejection.BAD_ENVELOPE.because("CloudEvents envelope: attribute '" + attribute
                        + "' is " + (v == null ? "missing" : "not a non-empty string"));
            }
        }
        JsonNode dataContentType = envelope.get("datacontenttype");
        if (dataContentType != null && !isJson(dataContentType.asText())) {
            throw Rejection.UNSUPPORTED_CONTENT_TYPE.because("CloudEvents envelope: datacontenttype is '"
                    + dataContentType.asText() + "'; data must be the RawReport JSON (application/json)");
        }
        JsonNode data = envelope.get("data");
        JsonNode dataBase64 = envelope.get("data_base64");
        if (data != null && dataBase64 != null) {
            throw Rejection.BAD_ENVELOPE.because("CloudEvents envelope: both data and data_base64 are given; send one");
        }
        if (dataBase64 != null) {
            if (!dataBase64.isTextual()) {
                throw Rejection.BAD_BASE64.because("CloudEvents envelope: data_base64 is not a string");
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(dataBase64.asText());
            } catch (IllegalArgumentException e) {
                throw Rejection.BAD_BASE64.because("CloudEvents envelope: data_base64 is not valid base64: " + e.getMessage(), e);
            }
            return parseObject(bytes, "the envelope's data_base64");
        }
        if (data == null || data.isNull()) {
            throw Rejection.BAD_ENVELOPE.because("CloudEvents envelope: it has neither data nor data_base64");
        }
        if (data.isTextual()) {
            return parseObject(data.asText().getBytes(StandardCharsets.UTF_8), "the envelope's data string");
        }
        if (!data.isObject()) {
            throw Rejection.SCHEMA_VIOLATION.because("CloudEvents envelope: data is " + kind(data)
                    + "; expected the RawReport JSON object");
        }
        return data;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
    }

    // ------------------------------------------------------------------ JSON and schema

    private static JsonNode parseObject(byte[] bytes, String what) {
        JsonNode node = parse(bytes, what);
        if (!node.isObject()) {
            throw Rejection.NOT_JSON.because(what + " is " + kind(node) + "; expected a JSON object");
        }
        return node;
    }

    private static JsonNode parse(byte[] bytes, String what) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw Rejection.NOT_JSON.because(what + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw Rejection.NOT_JSON.because(what + " cannot be read as JSON: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw Rejection.NOT_JSON.because(what + " is empty; expected a JSON object");
        }
        return node;
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a JSON array";
        }
        if (node.isTextual()) {
            return "a JSON string";
        }
        if (node.isNumber()) {
            return "a JSON number";
        }
        if (node.isBoolean()) {
            return "a JSON boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return "a JSON object";
    }

    private static void validate(JsonNode payload) {
        ObjectNode report = (ObjectNode) payload;
        boolean content = report.has("content");
        boolean base64 = report.has("contentBase64");
        if (content == base64) {
            throw Rejection.SCHEMA_VIOLATION.because(content
                    ? "both content and contentBase64 are given; send exactly one"
                    : "the report has neither content nor contentBase64; send exactly one");
        }
        for (String field : List.of("content", "contentBase64")) {
            JsonNode v = report.get(field);
            if (v != null && v.isTextual() && v.asText().isBlank()) {
                throw Rejection.EMPTY_CONTENT.because(field + " is empty");
            }
        }
        // a well-formed media type that is not ours is an unsupported type (HTTP 415), not a malformed event
        JsonNode type = report.get("contentType");
        if (type != null && type.isTextual() && type.asText().matches("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?")
                && SourceFormat.ofMediaType(type.asText()).isEmpty()
                && !type.asText().toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
            throw Rejection.UNSUPPORTED_CONTENT_TYPE.because("contentType '" + type.asText()
                    + "' is not supported; send " + ReportIngestor.SUPPORTED_TYPES);
        }
        List<Error> errors = schema().validate(payload.toString(), InputFormat.JSON,
                ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        if (!errors.isEmpty()) {
            throw Rejection.SCHEMA_VIOLATION.because(describe(errors));
        }
    }

    static String describe(List<Error> errors) {
        // the oneOf over content/contentBase64 is checked above with a clearer message
        List<Error> specific = errors.stream().filter(e -> !"oneOf".equals(e.getKeyword())).toList();
        List<Error> shown = specific.isEmpty() ? errors : specific;
        return shown.stream().limit(5).map(RawReportReader::describe).distinct().collect(Collectors.joining("; "));
    }

    private static String describe(Error e) {
        String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (where.equals("$") || where.isEmpty() || message.startsWith(where)) {
            return message;
        }
        return where + ": " + message;
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (RawReportReader.class) {
                s = schema;
                if (s == null) {
                    try (InputStream in = RawReport.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing " + SCHEMA_RESOURCE + " (contracts module)");
                        }
                        s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
                        schema = s;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return s;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
