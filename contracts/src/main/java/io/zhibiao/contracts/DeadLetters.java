package io.zhibiao.contracts;

/**
 * Header names on dead-letter records. The record value is the original payload, untouched,
 * so that it can be replayed after a fix; the headers say why it was rejected.
 * The names follow SmallRye Reactive Messaging's dead-letter-queue convention.
 */
public final class DeadLetters {
    /** Human-readable reason, e.g. "content is empty". */
    public static final String REASON = "dead-letter-reason";
    /** A short machine-readable reason code, e.g. "empty-content"; used for metrics and replay filters. */
    public static final String REASON_CODE = "dead-letter-reason-code";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String STAGE = "dead-letter-stage";

    private DeadLetters() {
    }
}
