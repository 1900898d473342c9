package io.zhibiao.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessRecordTest {

    @Test
    void namesTheLiveProcessItWasWrittenFor(@TempDir Path dir) {
        Path file = dir.resolve("me.pid");
        ProcessRecord.of(ProcessHandle.current()).write(file);
        assertThat(ProcessRecord.read(file).flatMap(ProcessRecord::live)).contains(ProcessHandle.current());
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotOurs(@TempDir Path dir) {
        Path file = dir.resolve("old.pid");
        new ProcessRecord(ProcessHandle.current().pid(), Instant.parse("2001-01-01T00:00:00Z")).write(file);
        assertThat(ProcessRecord.read(file).flatMap(ProcessRecord::live)).isEmpty();
    }

    @Test
    void aMissingOrGarbledFileNamesNothing(@TempDir Path dir) throws Exception {
        assertThat(ProcessRecord.read(dir.resolve("absent.pid"))).isEmpty();
        Files.writeString(dir.resolve("bad.pid"), "not a pid");
        assertThat(ProcessRecord.read(dir.resolve("bad.pid"))).isEmpty();
    }
}
