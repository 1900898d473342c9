package io.zhibiao.cli.faults;

import io.zhibiao.cli.Clock;
import io.zhibiao.cli.ReportPublisher;
import io.zhibiao.cli.load.GeneratedReport;
import io.zhibiao.contracts.Json;
import io.zhibiao.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes a load to reports.raw as a scraper would (acks=all, idempotent producer), at a steady rate,
 * on a thread of its own. A send that fails (the broker away for longer than the producer waits) is sent
 * again until the broker has it: the load is held whatever the fault.
 */
public final class LoadPublisher implements AutoCloseable {
    private static final int IN_FLIGHT = 256;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();

    public LoadPublisher(String bootstrap) {
        producer = new KafkaProducer<>(ReportPublisher.producerProperties(bootstrap, "zhibiao-fault-load"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** One record of the load. */
    public record Item(String topic, String key, byte[] value, java.util.Map<String, String> headers) {
        public static Item of(GeneratedReport r) {
            return new Item(Topics.RAW, r.sourceUrl(), Json.writeBytes(r.toRawReport()), java.util.Map.of());
        }

        /** The reports as items, each made when it is read (a corpus of thousands stays as it is). */
        public static List<Item> of(List<GeneratedReport> reports) {
            return new java.util.AbstractList<>() {
                @Override
                public Item get(int i) {
                    return Item.of(reports.get(i));
                }

                @Override
                public int size() {
                    return reports.size();
                }
            };
        }

        public static Item of(BadInputs.BadInput b) {
            return new Item(b.topic(), b.key(), b.value(), b.headers());
        }
    }

    /** Starts publishing the items at {@code perSecond} on a daemon thread. */
    public Thread publishAsync(List<Item> items, double perSecond) {
        Thread t = new Thread(() -> publish(items, perSecond), "fault-load");
        t.setDaemon(true);
        t.start();
        return t;
    }

    public void publish(List<Item> items, double perSecond) {
        publish(items, perSecond, (i, nanos) -> { });
    }

    /** Told when an item is about to be sent: its index in the list and {@link System#nanoTime()}. */
    @FunctionalInterface
    public interface Listener {
        void sending(int index, long nanoTime);
    }

    /** Publishes at {@code perSecond} (sends start on a fixed schedule), telling the listener when each send starts. */
    public void publish(List<Item> items, double perSecond, Listener listener) {
        long t0 = System.nanoTime();
        long gapNanos = (long) (1e9 / perSecond);
        for (int i = 0; i < items.size(); i++) {
            long due = t0 + i * gapNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Clock.sleep(wait / 1_000_000);
            }
            Item item = items.get(i);
            listener.sending(i, System.nanoTime());
            send(item);
        }
    }

    /**
     * Publishes every item as fast as Kafka takes them: sends are pipelined (at most {@value #IN_FLIGHT} awaiting
     * their acknowledgement), and the call returns once Kafka has acknowledged all of them. A send that failed is
     * made again, one at a time, as {@link #publish} does.
     */
    public void publishAll(List<Item> items) {
        Queue<Item> failed = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        for (Item item : items) {
            inFlight.acquireUninterruptibly();
            producer.send(record(item), (metadata, e) -> {
                inFlight.release();
                if (e == null) {
                    published.incrementAndGet();
                } else {
                    failed.add(item);
                }
            });
        }
        producer.flush();
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
        for (Item item; (item = failed.poll()) != null; ) {
            resent.incrementAndGet();
            send(item);
        }
    }

    private static ProducerRecord<String, byte[]> record(Item item) {
        RecordHeaders headers = new RecordHeaders();
        item.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(item.topic(), null, item.key(), item.value(), headers);
    }

    private void send(Item item) {
        for (int attempt = 0; ; attempt++) {
            try {
                producer.send(record(item)).get(3, TimeUnit.MINUTES);
                published.incrementAndGet();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                if (attempt >= 20) {
                    throw new IllegalStateException("Kafka does not take " + item.key() + ": " + e, e);
                }
                resent.incrementAndGet();
                Clock.sleep(1000);
            }
        }
    }

    public int published() {
        return published.get();
    }

    /** Sends that failed and were made again. */
    public int resent() {
        return resent.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
