package io.zhibiao.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The pid file of a process the stack started: its pid and start time. A pid alone can be reused by
 * another process after a reboot or a crash; pid and start time together name exactly one process,
 * so {@code down} never stops something it did not start.
 */
record ProcessRecord(long pid, Instant started) {

    static Optional<ProcessRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            return Optional.of(new ProcessRecord(Long.parseLong(parts[0]),
                    parts.length > 1 ? Instant.parse(parts[1]) : null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static ProcessRecord of(ProcessHandle handle) {
        return new ProcessRecord(handle.pid(), handle.info().startInstant().orElse(null));
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + " " + (started == null ? "" : started.toString()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live process this record names, if it is still the same process. */
    Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> {
            if (started == null) {
                return true;
            }
            Optional<Instant> s = h.info().startInstant();
            // start times are reported with tick precision; allow a little slack
            return s.isEmpty() || Math.abs(s.get().toEpochMilli() - started.toEpochMilli()) < 2000;
        });
    }
}
