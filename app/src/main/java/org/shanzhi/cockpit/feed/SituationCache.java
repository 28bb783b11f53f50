package org.shanzhi.cockpit.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

/**
 * The last situation the wall saw, kept in a file under its data directory, so that the next start paints it at once
 * instead of waiting for the hub. As a {@link SituationSource} it shows the live feed's situation once there is one,
 * and until then the kept one, with the status {@code KEPT} {@code since} the moment it was kept (its age).
 * A kept picture is a situation only: nothing may be commanded on it ({@code WallContext.notYetConnected}).
 * <p>
 * The file is gzip'd text: a header line ({@code format}, {@code version}, {@code savedAt}), then the snapshot as
 * {@code GET /api/v1/snapshot} gives it. It is written off the FX thread every {@link #SAVE_EVERY_S} s while the feed
 * moves and on {@link #close()}, to a temporary file moved into place whole. A missing, damaged or older file is
 * ignored with a log line: the wall then waits for its hub as before.
 */
public final class SituationCache implements SituationSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SituationCache.class);
    static final String FORMAT = "shanzhi-wall-situation";
    /** Raise when a reader of the old file would misread the new one; an older file is then ignored. */
    static final int VERSION = 1;
    static final long SAVE_EVERY_S = 30;

    /** A situation read back from the file and when it was kept. */
    public record Kept(Situation situation, Instant savedAt) {
    }

    private final SituationSource live;
    private final Path file;
    private final Clock clock;
    /** Read on the cache's own thread while JavaFX starts; null inside when there was none that reads. */
    private final CompletableFuture<Kept> kept;
    private final ScheduledExecutorService saver;
    /** Completes once the wall has painted the kept situation, or at once when none was kept. */
    private final CompletableFuture<Void> firstPicture = new CompletableFuture<>();
    /** Whether the wall's pulse has taken the kept situation (it paints it in that pulse). */
    private volatile boolean keptTaken;
    /** The live situation last written (by identity), so that a quiet feed is not written again. */
    private Situation saved;

    /** Reads {@code file} in the background at once and keeps {@code live}'s newest in it from now on. */
    public SituationCache(SituationSource live, Path file) {
        this(live, file, Clock.systemUTC());
    }

    SituationCache(SituationSource live, Path file, Clock clock) {
        this.live = live;
        this.file = file;
        this.clock = clock;
        this.saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "situation-cache");
            t.setDaemon(true);
            return t;
        });
        this.kept = CompletableFuture.supplyAsync(() -> read(file), saver);
        kept.thenAccept(k -> {
            if (k == null) {
                firstPicture.complete(null);
            }
        });
        saver.scheduleWithFixedDelay(this::save, SAVE_EVERY_S, SAVE_EVERY_S, TimeUnit.SECONDS);
    }

    /** The situation read at the start, or null when there was none that reads; waits for the read. */
    public Kept kept() {
        return kept.join();
    }

    /**
     * Completes when the wall has painted the kept situation (the pulse after the one that took it has begun), or as
     * soon as there is none: what would compete with that first frame for the CPU (a hub started beside the wall,
     * replaying its journal) can wait for it.
     */
    public CompletableFuture<Void> firstPicture() {
        return firstPicture;
    }

    /** The kept situation once it has been read, else null. */
    private Kept keptNow() {
        return kept.getNow(null);
    }

    @Override
    public Situation latest() {
        Situation s = live.latest();
        Kept k = keptNow();
        if (s != null || k == null) {
            return s;
        }
        keptTaken = true;
        return k.situation();
    }

    /** The feed's version, one more once the kept situation is read: each change of {@link #latest()} moves it. */
    @Override
    public long version() {
        if (keptTaken) {
            firstPicture.complete(null); // the wall's next pulse: the one that took the kept situation has been shown
        }
        return live.version() + (keptNow() != null ? 1 : 0);
    }

    /** The feed's status; before its first situation, with a kept picture, {@code KEPT} since it was kept. */
    @Override
    public FeedStatus status() {
        FeedStatus s = live.status();
        Kept k = keptNow();
        if (k == null || live.latest() != null || s.state() != FeedStatus.State.CONNECTING) {
            return s;
        }
        return new FeedStatus(FeedStatus.State.KEPT, k.savedAt(), k.situation().seq(), s.garbageFrames(),
                s.resnapshots(), s.reconnects(), s.lastError());
    }

    /** Writes the live situation if it moved since the last write; never the kept one (its age must stay its own). */
    private synchronized void save() {
        Situation s = live.latest();
        if (s == null || s == saved) {
            return;
        }
        try {
            write(file, s, clock.instant());
            saved = s;
        } catch (IOException | RuntimeException e) {
            LOG.warn("the wall's last situation could not be kept in {}: {}", file, e.toString());
        }
    }

    /** Keeps the newest live situation once more and stops. */
    @Override
    public void close() {
        firstPicture.complete(null);
        saver.shutdownNow();
        save();
    }

    /** Writes {@code s} to {@code file} atomically: a temporary file beside it, moved into place whole. */
    public static void write(Path file, Situation s, Instant savedAt) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("savedAt", savedAt);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16);
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write(Json.write(header));
            w.write('\n');
            w.write("{\"seq\":" + s.seq() + ",\"situation\":" + Json.write(s) + "}");
        }
        OwnerOnly.restrict(tmp);   // the whole situation (names, places, phone numbers of callers)
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The situation kept in {@code file}, or null (with a log line saying why) when there is none that reads. */
    public static Kept read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String first = in.readLine();
            JsonNode header = first == null ? null : Json.MAPPER.readTree(first);
            if (header == null || !FORMAT.equals(header.path("format").asText())) {
                throw new IOException("not a kept situation");
            }
            if (header.path("version").asInt() != VERSION) {
                throw new IOException("version " + header.path("version") + ", this wall reads " + VERSION);
            }
            Instant savedAt = Instant.parse(header.path("savedAt").asText());
            StringBuilder snapshot = new StringBuilder();
            char[] buf = new char[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                snapshot.append(buf, 0, n);
            }
            Kept k = new Kept(Json.readSnapshot(snapshot.toString()), savedAt);
            LOG.info("the wall shows its last situation (seq {}, kept {}) until its hub answers", k.situation().seq(),
                    savedAt);
            return k;
        } catch (IOException | RuntimeException e) {
            LOG.info("the wall's last situation in {} is not used: {}", file, e.toString());
            return null;
        }
    }
}
