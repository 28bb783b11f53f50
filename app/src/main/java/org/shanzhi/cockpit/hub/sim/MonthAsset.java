package org.shanzhi.cockpit.hub.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.json.Json;

/**
 * The lived month of the default seed, made once and shipped in the jar ({@value #RESOURCE}), so that a new hub
 * reads it rather than simulating thirty days while the wall waits: reading is a fraction of the ticks' cost.
 *
 * <p>One gzip file of lines: a header (JSON: the seed, the day's start, the SHA-256 of the inventory it was made
 * on, the number of events and the SHA-256 of the lines after the header), then one event a line as
 * {@code time TAB type TAB payload}. It is used only when seed, day and inventory are those it was made for and
 * its lines match their checksum; anything else is simulated ({@link History#month}). {@code HistoryTest} fails
 * when it differs from what the simulator makes; {@link #main} makes it again.
 */
public final class MonthAsset {

    private static final Logger LOG = LoggerFactory.getLogger(MonthAsset.class);
    static final String RESOURCE = "assets/heyi/month.jsonl.gz";

    /** What the file was made for, and what it holds. */
    record Header(long seed, Instant dayStart, String inventory, int events, String sha256) {
    }

    private MonthAsset() {
    }

    /**
     * The shipped month for this seed, day and inventory, or empty (none shipped, made for another, damaged). Each
     * event keeps its line's JSON, which the checksum proves is what the simulator wrote: the journal takes it as is.
     */
    static Optional<List<Hub.Serialized>> read(long seed, Instant dayStart, List<Event> inventory) {
        InputStream in = MonthAsset.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            Header h = Json.read(Json.readTree(r.readLine().getBytes(StandardCharsets.UTF_8)), Header.class, "header");
            if (h.seed() != seed || !h.dayStart().equals(dayStart) || !h.inventory().equals(fingerprint(inventory))) {
                return Optional.empty();
            }
            MessageDigest sha = sha256();
            List<Hub.Serialized> out = new ArrayList<>(h.events());
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                String type = line.substring(a + 1, b);
                String payload = line.substring(b + 1);
                out.add(new Hub.Serialized(Instant.parse(line.substring(0, a)), Json.readEvent(type, payload), type,
                        payload));
            }
            if (out.size() != h.events() || !HexFormat.of().formatHex(sha.digest()).equals(h.sha256())) {
                LOG.warn("{} does not match its checksum: the month is simulated instead", RESOURCE);
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} is unreadable ({}): the month is simulated instead", RESOURCE, e.toString());
            return Optional.empty();
        }
    }

    /** Writes the month of {@code seed} before {@code dayStart} on {@code heyi}'s inventory to {@code file}. */
    static void write(Path file, HeyiScenario heyi, long seed, Instant dayStart) throws IOException {
        List<TimedEvent> month = History.simulated(heyi, seed, dayStart);
        StringBuilder body = new StringBuilder(month.size() * 200);
        for (TimedEvent t : month) {
            body.append(line(t)).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        Header h = new Header(seed, dayStart, fingerprint(heyi.inventory()), month.size(),
                HexFormat.of().formatHex(sha256().digest(bytes)));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write(Json.write(h));
            w.write('\n');
            w.flush();
            out.write(bytes);
        }
    }

    /** One event as the file holds it. */
    static String line(TimedEvent t) {
        return t.time() + "\t" + Json.typeOf(t.event()) + "\t" + Json.write(t.event());
    }

    /** The SHA-256 of the inventory's events: a month is only valid on the inventory it was lived on. */
    static String fingerprint(List<Event> inventory) {
        MessageDigest sha = sha256();
        for (Event e : inventory) {
            sha.update(Json.typeOf(e).getBytes(StandardCharsets.UTF_8));
            sha.update(Json.write(e).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the shipped month again: {@code MonthAsset assets/heyi/month.jsonl.gz}, run where ./assets is. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "assets/heyi/month.jsonl.gz");
        write(file, HeyiScenario.loadDefault(), History.DEFAULT_SEED, Simulator.DEFAULT_START);
        System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
    }
}
