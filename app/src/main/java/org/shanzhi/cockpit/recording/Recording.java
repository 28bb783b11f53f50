package org.shanzhi.cockpit.recording;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

/**
 * A range of the journal in one file, for another hub or wall to replay: the events, and a snapshot of the situation
 * every {@link #SNAPSHOT_EVERY} events so that a replay can start anywhere without folding from the beginning.
 * <p>
 * The file: one header line (JSON, UTF-8, ending in {@code \n}: {@link Header}), then the body, a run of segments.
 * A segment is its length (4 bytes, big-endian), the SHA-256 of its bytes (32 bytes), then its bytes: gzip of JSON
 * lines, first the snapshot of the situation before its first event ({@code {"seq":…,"situation":{…}}}, as
 * {@code GET /api/v1/snapshot} gives it), then its events as stream frames ({@code {"seq","time","type","payload","drill"?}}).
 * The header's {@code sha256} is of the whole body. A segment's own checksum says where damage begins, and every
 * segment before it can still be replayed, each from its own snapshot.
 */
public final class Recording {

    public static final String FORMAT = "shanzhi-recording";
    /**
     * The format this program writes and the newest it reads. Version 2 added each frame's {@code drill} and the
     * situation's {@code drill} and {@code drillThings} (a version 1 reader would count a drill's things as live);
     * version 1 files read as they are, with no drill.
     */
    public static final int VERSION = 2;
    public static final int SNAPSHOT_EVERY = 10_000;
    private static final int MAX_HEADER = 64 * 1024;
    private static final int SEGMENT_PREFIX = 4 + 32;

    /**
     * What the file holds: the range asked for ({@code from}, {@code to}) and the seqs of its first and last event,
     * how many events and snapshots, the body's length and SHA-256 (hex).
     */
    public record Header(String format, int version, String hubVersion, Instant from, Instant to, long fromSeq,
            long toSeq, long events, int snapshots, long bodyBytes, String sha256) {
    }

    /** The situation as it was just after event {@code seq}. */
    public record Snapshot(long seq, Situation situation) {
    }

    /**
     * What was read: the header, the snapshots and the events in seq order; {@code warning} is null for a whole
     * file, else says what was lost when a damaged one was read up to the damage.
     */
    public record Contents(Header header, List<Snapshot> snapshots, List<Recorded> events, String warning) {

        /** The situation just after event {@code seq}: the last snapshot at or before it, the events after folded. */
        public Situation situationAt(long seq) {
            Snapshot from = null;
            for (Snapshot s : snapshots) {
                if (s.seq() <= seq) {
                    from = s;
                }
            }
            if (from == null) {
                throw new IllegalArgumentException("seq " + seq + " is before the recording's first snapshot");
            }
            Situation s = from.situation();
            for (Recorded r : events) {
                if (r.seq() > seq) {
                    break;
                }
                if (r.seq() > from.seq()) {
                    s = s.apply(r);
                }
            }
            return s;
        }
    }

    /** A file that cannot be read (or not wholly): the message says why and, when it is about a place, at which byte. */
    public static final class Unreadable extends RuntimeException {

        private final long offset;

        Unreadable(long offset, String message) {
            super(offset < 0 ? message : "at byte " + offset + ": " + message, null, false, false);
            this.offset = offset;
        }

        /** Where the damage begins in the file, or -1 when the file is not about a place (a newer format). */
        public long offset() {
            return offset;
        }
    }

    private Recording() {
    }

    // --- writing -------------------------------------------------------------------------------------------

    /**
     * Writes a recording: {@link #add} each event of the range in seq order with the situation just before it, then
     * {@link #finish}. The body goes to a temporary file beside {@code out} first (the header needs its checksum),
     * then the file is moved into place whole.
     */
    public static final class Writer implements AutoCloseable {

        private final Path out;
        private final Path body;
        private final OutputStream bodyOut;
        private final MessageDigest bodyDigest = sha256();
        private final String hubVersion;
        private final int snapshotEvery;
        private ByteArrayOutputStream segment;
        private java.io.Writer lines;
        private int inSegment;
        private long bodyBytes;
        private long events;
        private int snapshots;
        private long fromSeq = -1;
        private long toSeq;

        public Writer(Path out, String hubVersion) {
            this(out, hubVersion, SNAPSHOT_EVERY);
        }

        public Writer(Path out, String hubVersion, int snapshotEvery) {
            this.out = out.toAbsolutePath();
            this.hubVersion = hubVersion;
            this.snapshotEvery = snapshotEvery;
            try {
                this.body = Files.createTempFile(this.out.getParent(), ".recording-", ".body");
                this.bodyOut = Files.newOutputStream(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One event of the range (its journal form, {@code drill} as the journal's), with the situation just before it. */
        public void add(Situation before, long seq, Instant time, String type, String payloadJson, String drill) {
            try {
                if (segment == null) {
                    segment = new ByteArrayOutputStream(1 << 20);
                    lines = new OutputStreamWriter(new GZIPOutputStream(segment, 1 << 16),
                            StandardCharsets.UTF_8);
                    lines.write("{\"seq\":" + before.seq() + ",\"situation\":" + Json.write(before) + "}\n");
                    snapshots++;
                }
                lines.write(Json.frame(seq, time, type, payloadJson, drill));
                lines.write('\n');
                fromSeq = fromSeq < 0 ? seq : fromSeq;
                toSeq = seq;
                events++;
                if (++inSegment == snapshotEvery) {
                    endSegment();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void endSegment() throws IOException {
            lines.close();
            byte[] bytes = segment.toByteArray();
            DataOutputStream d = new DataOutputStream(bodyOut);
            byte[] prefix = new byte[SEGMENT_PREFIX];
            ByteBuffer.wrap(prefix).putInt(bytes.length).put(sha256().digest(bytes));
            d.write(prefix);
            d.write(bytes);
            bodyDigest.update(prefix);
            bodyDigest.update(bytes);
            bodyBytes += prefix.length + bytes.length;
            segment = null;
            lines = null;
            inSegment = 0;
        }

        /** Writes the file for the range {@code from}..{@code to}; refused when no event was added. */
        public Header finish(Instant from, Instant to) {
            if (events == 0) {
                throw new IllegalStateException("no events between " + from + " and " + to);
            }
            try {
                if (segment != null) {
                    endSegment();
                }
                bodyOut.close();
                Header h = new Header(FORMAT, VERSION, hubVersion, from, to, fromSeq, toSeq, events, snapshots,
                        bodyBytes, HexFormat.of().formatHex(bodyDigest.digest()));
                Path whole = Files.createTempFile(out.getParent(), ".recording-", ".part");
                try (OutputStream o = Files.newOutputStream(whole); InputStream b = Files.newInputStream(body)) {
                    o.write((Json.write(h) + "\n").getBytes(StandardCharsets.UTF_8));
                    b.transferTo(o);
                }
                Files.move(whole, out, StandardCopyOption.REPLACE_EXISTING);
                return h;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Drops the temporary body. */
        @Override
        public void close() {
            try {
                bodyOut.close();
                Files.deleteIfExists(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- reading -------------------------------------------------------------------------------------------

    /** Reads a whole recording; any damage is {@link Unreadable}, with the byte where it begins. */
    public static Contents read(Path file) {
        return read(file, false);
    }

    /**
     * Reads a recording, a damaged one up to the damage: the segments before it, each from its snapshot, with a
     * warning that says where the damage is and what was lost. {@link Unreadable} still for an empty file, one
     * from a newer format, or one with no good segment.
     */
    public static Contents readUpToDamage(Path file) {
        return read(file, true);
    }

    private static Contents read(Path file, boolean upToDamage) {
        try (InputStream raw = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size == 0) {
                throw new Unreadable(-1, "the file is empty: there is no recording in it");
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            byte[] headerLine = headerLine(in, size);
            Header h = header(headerLine);
            long offset = headerLine.length + 1;
            MessageDigest whole = sha256();
            List<Snapshot> snapshots = new ArrayList<>();
            List<Recorded> events = new ArrayList<>();
            try {
                while (offset < size) {
                    long start = offset;
                    if (size - offset < SEGMENT_PREFIX) {
                        throw new Unreadable(start, "the file is cut short inside a segment's prefix");
                    }
                    byte[] prefix = in.readNBytes(SEGMENT_PREFIX);
                    int length = ByteBuffer.wrap(prefix).getInt();
                    if (length <= 0 || length > size - offset - SEGMENT_PREFIX) {
                        throw new Unreadable(start, length <= 0 ? "a segment's length is damaged"
                                : "the file is cut short: the segment starting here needs " + length
                                + " bytes, the file has " + (size - offset - SEGMENT_PREFIX) + " left");
                    }
                    byte[] bytes = in.readNBytes(length);
                    byte[] sum = Arrays.copyOfRange(prefix, 4, SEGMENT_PREFIX);
                    if (!MessageDigest.isEqual(sum, sha256().digest(bytes))) {
                        throw new Unreadable(start, "the segment starting here is corrupted (its checksum does not match)");
                    }
                    whole.update(prefix);
                    whole.update(bytes);
                    segment(start, bytes, snapshots, events);
                    offset += SEGMENT_PREFIX + length;
                }
                if (events.size() != h.events()) {
                    throw new Unreadable(offset, "the file ends after " + events.size() + " of the header's "
                            + h.events() + " events: it is cut short");
                }
                if (offset - headerLine.length - 1 != h.bodyBytes()
                        || !HexFormat.of().formatHex(whole.digest()).equals(h.sha256())) {
                    throw new Unreadable(headerLine.length + 1, "the body's checksum does not match the header's");
                }
                return new Contents(h, List.copyOf(snapshots), List.copyOf(events), null);
            } catch (Unreadable damage) {
                if (!upToDamage || snapshots.isEmpty()) {
                    throw damage;
                }
                Snapshot last = snapshots.get(snapshots.size() - 1);
                String warning = damage.getMessage() + "; read up to the damage: " + events.size() + " of "
                        + h.events() + " events (seq " + h.fromSeq() + " to "
                        + (events.isEmpty() ? last.seq() : events.get(events.size() - 1).seq())
                        + "), last good snapshot at seq " + last.seq();
                return new Contents(h, List.copyOf(snapshots), List.copyOf(events), warning);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] headerLine(DataInputStream in, long size) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0 || b.size() >= MAX_HEADER) {
                throw new Unreadable(0, "not a recording: it does not start with a header line");
            }
            b.write(c);
        }
        return b.toByteArray();
    }

    private static Header header(byte[] line) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new Unreadable(0, "not a recording: its header line is not readable");
        }
        if (n == null || !FORMAT.equals(n.path("format").asText())) {
            throw new Unreadable(0, "not a recording: its header does not say \"" + FORMAT + "\"");
        }
        int version = n.path("version").asInt(0);
        if (version > VERSION) {
            throw new Unreadable(-1, "the recording is in format version " + version + ", newer than this program"
                    + " reads (version " + VERSION + "): open it with a newer version of 善治 Cockpit");
        }
        try {
            return Json.MAPPER.treeToValue(n, Header.class);
        } catch (IOException e) {
            throw new Unreadable(0, "its header is damaged: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** One segment's snapshot and events; anything unreadable in it is damage at the segment's start. */
    private static void segment(long start, byte[] bytes, List<Snapshot> snapshots, List<Recorded> events) {
        List<Recorded> mine = new ArrayList<>();
        Snapshot snapshot;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(bytes)), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            if (first == null) {
                throw new Unreadable(start, "the segment starting here is empty");
            }
            Situation s = Json.readSnapshot(first);
            snapshot = new Snapshot(s.seq(), s);
            long seq = s.seq();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Recorded e = Json.readFrame(line);
                if (e.seq() <= seq) {
                    throw new Unreadable(start, "the segment starting here has its events out of order at seq " + e.seq());
                }
                seq = e.seq();
                mine.add(e);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) {
                throw u;
            }
            throw new Unreadable(start, "the segment starting here cannot be read: " + e.getMessage());
        }
        if (!events.isEmpty() && snapshot.seq() != events.get(events.size() - 1).seq()) {
            throw new Unreadable(start, "the segment starting here does not follow the one before it");
        }
        snapshots.add(snapshot);
        events.addAll(mine);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
