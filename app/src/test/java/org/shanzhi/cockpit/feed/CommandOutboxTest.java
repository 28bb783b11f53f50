package org.shanzhi.cockpit.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandOutboxTest {

    @TempDir
    Path dir;

    static CommandOutbox.Entry entry(String key) {
        return new CommandOutbox.Entry(key, "POST", "/api/v1/instructions", "{\"text\":\"加强巡查\"}",
                Instant.parse("2026-05-30T08:00:00Z"));
    }

    @Test
    void keepsWhatIsNotAnsweredInOrderAcrossAReopen() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        try (CommandOutbox box = CommandOutbox.open(file)) {
            box.add(entry("k1"));
            box.add(entry("k2"));
            box.add(entry("k3"));
            box.remove("k2");
        }
        try (CommandOutbox box = CommandOutbox.open(file)) {
            assertThat(box.pending()).extracting(CommandOutbox.Entry::key).containsExactly("k1", "k3");
            assertThat(box.head()).isEqualTo(entry("k1"));
            // reopened, the file holds only what waits
            assertThat(Files.readAllLines(file)).hasSize(2);
        }
    }

    @Test
    void aLineTornByACrashIsSkipped() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        try (CommandOutbox box = CommandOutbox.open(file)) {
            box.add(entry("k1"));
        }
        Files.writeString(file, "{\"add\":{\"key\":\"k2\",\"meth", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (CommandOutbox box = CommandOutbox.open(file)) {
            assertThat(box.pending()).extracting(CommandOutbox.Entry::key).containsExactly("k1");
            box.add(entry("k3"));
        }
        try (CommandOutbox box = CommandOutbox.open(file)) {
            assertThat(box.pending()).extracting(CommandOutbox.Entry::key).containsExactly("k1", "k3");
        }
    }

    @Test
    void anEmptiedOutboxLeavesAnEmptyFile() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        try (CommandOutbox box = CommandOutbox.open(file)) {
            box.add(entry("k1"));
            box.remove("k1");
            assertThat(box.size()).isZero();
        }
        assertThat(Files.size(file)).isZero();
    }
}
