package io.zhibiao.contracts.http;

import java.util.Locale;

/**
 * The body of every error any service answers over HTTP: the status, a short machine-readable code and
 * the reason in words, so that no error is an empty answer or an HTML page.
 *
 * @param status the HTTP status
 * @param code   e.g. {@code not-found}, {@code bad-parameter}, {@code unsupported-media-type}
 * @param reason what was wrong and, where it helps, what to send instead
 */
public record Problem(int status, String code, String reason) {

    /** A problem with the code that stands for the status. */
    public static Problem of(int status, String reason) {
        return new Problem(status, code(status), reason);
    }

    /**
     * The problem for an error response that came without a body of its own (the HTTP layer's 404, 405,
     * 406, 415, ...): the reason names the request and, for 405, the methods allowed.
     *
     * @param allow the response's Allow header, or null
     */
    public static Problem forStatus(int status, String method, String path, String allow) {
        String request = method + " " + path;
        String reason = switch (status) {
            case 404 -> "no such resource: " + request + " (the API is described at /q/openapi)";
            case 405 -> method + " is not allowed on " + path + (allow == null || allow.isBlank() ? "" : "; allowed: " + allow);
            case 406 -> "cannot answer " + request + " in a media type the request accepts (its Accept header); "
                    + "the API answers application/json";
            case 415 -> "the body's Content-Type is not one " + request + " takes (see /q/openapi)";
            case 413 -> "the body of " + request + " is larger than this service takes";
            case 431 -> "the request's headers are larger than this service takes";
            case 401 -> "authentication required for " + request;
            case 403 -> "not allowed: " + request;
            default -> status >= 500 ? "the service could not answer " + request + " (its log says why)"
                    : "the service cannot answer " + request + " as sent";
        };
        return of(status, reason);
    }

    /**
     * The problem for an error the HTTP layer raised (a JAX-RS exception): its message when it says more than
     * the status line ("HTTP 404 Not Found"), else {@link #forStatus}.
     */
    public static Problem forResponse(int status, String message, String method, String path, String allow) {
        if (message == null || message.isBlank() || message.matches("HTTP \\d{3}\\b.*")) {
            return forStatus(status, method, path, allow);
        }
        return of(status, message);
    }

    /** The code that stands for a status: 404 not-found, 405 method-not-allowed, ... */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "http-" + String.format(Locale.ROOT, "%d", status);
        };
    }
}
