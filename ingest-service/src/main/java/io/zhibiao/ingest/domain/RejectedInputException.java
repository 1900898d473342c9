package io.zhibiao.ingest.domain;

import java.util.Objects;

/**
 * Input that ingestion refuses, with a short machine code (for metrics, dead-letter headers and
 * HTTP problem bodies) and a sentence a person can act on.
 */
public class RejectedInputException extends RuntimeException {
    private final Rejection rejection;
    private final String reason;

    public RejectedInputException(Rejection rejection, String reason) {
        this(rejection, reason, null);
    }

    public RejectedInputException(Rejection rejection, String reason, Throwable cause) {
        super(Objects.requireNonNull(rejection, "rejection").code() + ": " + reason, cause);
        this.rejection = rejection;
        this.reason = reason;
    }

    /** The short machine code, e.g. {@code empty-content}. */
    public String code() {
        return rejection.code();
    }

    /** A clear human sentence, e.g. "content is empty after cleaning". */
    public String reason() {
        return reason;
    }

    public Rejection rejection() {
        return rejection;
    }
}
