package io.zhibiao.stack;

import java.util.List;
import java.util.Map;

/**
 * How the local stack runs its own JVMs (the services and Kafka) on a laptop-sized machine: a small initial
 * heap, the serial collector, which gives back what a burst took (it shrinks the heap at a full collection
 * when more than MaxHeapFreeRatio of it is free), and few malloc arenas.
 */
final class LeanJvm {
    /**
     * glibc's malloc keeps an arena per thread that allocates (up to 8 per core): a JVM's many threads leave
     * tens of MB of native memory resident; two arenas are enough for what the JVM mallocs.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private LeanJvm() {
    }

    /** The java command's options for a heap of {@code initialHeap} growing up to {@code maxHeap}. */
    static List<String> options(String initialHeap, String maxHeap) {
        return List.of("-Xms" + initialHeap, "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=40");
    }
}
