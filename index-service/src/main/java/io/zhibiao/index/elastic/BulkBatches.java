package io.zhibiao.index.elastic;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a list of operations into bulk requests bounded by count and by size. A Kafka batch of 50
 * long reports is some 20 MB of JSON (each report's text travels once in {@code reports} and once more,
 * paragraph by paragraph, in {@code passages}); Elasticsearch takes bulk requests best at a few MB.
 * An operation larger than the limit alone gets a request of its own.
 */
public final class BulkBatches {
    private final int maxOperations;
    private final long maxBytes;

    /** An operation with the size of its JSON, estimated. */
    public record Sized<T>(T operation, long bytes) {
    }

    public BulkBatches(int maxOperations, long maxBytes) {
        if (maxOperations < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bulk limits must be positive: " + maxOperations + " operations, " + maxBytes + " bytes");
        }
        this.maxOperations = maxOperations;
        this.maxBytes = maxBytes;
    }

    /** The operations, in order, in requests of at most maxOperations and (except a lone big one) maxBytes. */
    public <T> List<List<T>> split(List<Sized<T>> operations) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (Sized<T> op : operations) {
            if (!current.isEmpty() && (current.size() >= maxOperations || bytes + op.bytes() > maxBytes)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(op.operation());
            bytes += op.bytes();
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** UTF-8 bytes of a Chinese text in JSON: three a character, a little more for escapes. */
    public static long textBytes(String s) {
        return s == null ? 0 : 3L * s.length();
    }
}
