package io.zhibiao.query.limits;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each client may make {@code burst} requests at once and
 * {@code perSecond} a second after that. Idle clients are forgotten, so memory stays bounded.
 * Plain Java; the HTTP filter asks it and answers 429 when it says no.
 */
public final class RateLimiter {
    private static final int FORGET_AFTER_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** What the limiter decided; {@code retryAfterSeconds} tells a refused client when to come back. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    public RateLimiter(double perSecond, double burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    public RateLimiter(double perSecond, double burst) {
        this(perSecond, burst, System::nanoTime);
    }

    public Decision acquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > FORGET_AFTER_CLIENTS) {
            forgetIdle(now);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * perSecond);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return new Decision(true, 0);
            }
            return new Decision(false, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }

    /** A client whose bucket has refilled completely is as good as new: drop it. */
    private void forgetIdle(long now) {
        long full = (long) (burst / perSecond * 1e9);
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            if (now - b.lastNanos > full) {
                it.remove();
            }
        }
    }

    int clients() {
        return buckets.size();
    }
}
