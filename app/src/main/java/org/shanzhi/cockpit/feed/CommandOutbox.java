package org.shanzhi.cockpit.feed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.json.Json;

/**
 * The commands the wall has not yet seen answered, in the order they were given, kept on disk so that neither a
 * hub out of reach nor a wall restarted loses one. The file is append-only, one JSON line per change: an entry
 * written (and forced to the disk) before it is sent, and its key again once the hub has answered; opening it
 * again keeps the entries without an answer and rewrites the file with only those. A line torn by a crash is the
 * last one and was never forced, so its command was never handed on: it is skipped. Thread-safe.
 */
public final class CommandOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandOutbox.class);

    /** One command: its Idempotency-Key, the request as it is sent every time, and when it was given. */
    public record Entry(String key, String method, String path, String body, Instant queuedAt) {
    }

    /** A line of the file: an entry given ({@code add}) or answered ({@code done}, its key). */
    record Line(Entry add, String done) {
    }

    private final Path file;
    private final Map<String, Entry> pending = new LinkedHashMap<>();
    private FileChannel channel;

    private CommandOutbox(Path file) {
        this.file = file;
    }

    /** The outbox in {@code file} (made if missing), with what a previous run left unanswered. */
    public static CommandOutbox open(Path file) throws IOException {
        CommandOutbox box = new CommandOutbox(file);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            box.read();
        }
        box.rewrite();
        return box;
    }

    /** An outbox that lives only as long as this process (tools and tests with no place on disk). */
    public static CommandOutbox inMemory() {
        return new CommandOutbox(null);
    }

    private void read() throws IOException {
        int lineNo = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (text.isBlank()) {
                continue;
            }
            try {
                Line line = Json.MAPPER.readValue(text, Line.class);
                if (line.add() != null) {
                    pending.put(line.add().key(), line.add());
                } else if (line.done() != null) {
                    pending.remove(line.done());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("outbox {} line {} cannot be read and is skipped: {}", file, lineNo, e.toString());
            }
        }
    }

    /** The file again with only the pending entries, replaced in one move. */
    private void rewrite() throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        List<String> lines = new ArrayList<>();
        for (Entry e : pending.values()) {
            lines.add(Json.write(new Line(e, null)));
        }
        Files.write(fresh, lines, StandardCharsets.UTF_8);
        OwnerOnly.restrict(fresh);   // the bodies are the center's orders
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Keeps {@code e}; when this returns, it is on the disk. */
    public synchronized void add(Entry e) throws IOException {
        append(new Line(e, null));
        pending.put(e.key(), e);
    }

    /** Forgets the entry of {@code key}: the hub has answered it. */
    public synchronized void remove(String key) throws IOException {
        if (pending.remove(key) == null) {
            return;
        }
        if (pending.isEmpty() && channel != null) {
            channel.truncate(0); // nothing left to keep: the file does not grow for ever
            channel.force(true);
        } else {
            append(new Line(null, key));
        }
    }

    private void append(Line line) throws IOException {
        if (channel == null) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    /** The oldest entry not yet answered, or null. */
    public synchronized Entry head() {
        return pending.isEmpty() ? null : pending.values().iterator().next();
    }

    /** The entries not yet answered, oldest first. */
    public synchronized List<Entry> pending() {
        return List.copyOf(pending.values());
    }

    public synchronized int size() {
        return pending.size();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
