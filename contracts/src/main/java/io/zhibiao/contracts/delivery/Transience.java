package io.zhibiao.contracts.delivery;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that is the world's fault (a database, broker or search engine away or busy) from
 * one that is the record's fault. The first is waited out — retried for as long as it lasts, the
 * record is not to blame and must not be dead-lettered; the second is retried a bounded number of
 * times and then dead-lettered with its reason.
 */
public final class Transience {

    /** True when something in the cause chain says "try again later". */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") // connection exception
                    || sql.getSQLState().startsWith("57P") // operator intervention: shutdown, restart
                    || sql.getSQLState().startsWith("53") // insufficient resources
                    || sql.getSQLState().equals("40001") // serialization failure
                    || sql.getSQLState().equals("40P01"))) { // deadlock
                return true;
            }
            String name = t.getClass().getName();
            if (name.startsWith("org.apache.kafka.common.errors.") && isKafkaRetriable(t)) {
                return true;
            }
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("io.agroal.pool.ConnectionPoolException")
                    || name.equals("org.apache.kafka.common.errors.TimeoutException")
                    || name.equals("io.smallrye.reactive.messaging.kafka.KafkaException")
                    || name.endsWith(".ConnectionClosedException")
                    || name.equals("org.apache.hc.core5.http.ConnectionClosedException")) {
                return true;
            }
            if (isBusyOrUnavailable(t)) {
                return true;
            }
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Elasticsearch answering 429 (too many requests) or 5xx (e.g. 503 while its shards recover after a
     * restart): the client's {@code ElasticsearchException} ({@code status()}) or {@code TransportException}
     * ({@code statusCode()}), read by name so that this module needs no Elasticsearch client.
     */
    private static boolean isBusyOrUnavailable(Throwable t) {
        String name = t.getClass().getName();
        if (!name.startsWith("co.elastic.clients.")) {
            return false;
        }
        for (String accessor : new String[]{"status", "statusCode"}) {
            try {
                Object status = t.getClass().getMethod(accessor).invoke(t);
                if (status instanceof Integer code) {
                    return code == 429 || code >= 500;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // no such accessor
            }
        }
        return false;
    }

    private static boolean isKafkaRetriable(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.apache.kafka.common.errors.RetriableException")) {
                return true;
            }
        }
        return false;
    }

    private Transience() {
    }
}
