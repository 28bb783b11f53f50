package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.ScenarioRunner;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.recording.Recording;

/**
 * A range of the storm day's journal exported, read back and folded gives the situation the hub had, at any seq of
 * the range; a damaged, empty or newer file says what is wrong with it, and where.
 */
class RecordingTest {

    /** Small segments, so that the storm's first hours make several of them. */
    static final int EVERY = 1_000;

    @TempDir
    static Path dir;
    static Path data;
    static Path file;
    static Situation live;
    static Instant from;

    @BeforeAll
    static void aStormMorningExported() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        Instant until = Simulator.DEFAULT_START.plus(Duration.ofHours(4));
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(Simulator.DEFAULT_START, 3600)))) {
            runtime.attach(ScenarioRunner.start(runtime.hub(), HeyiScenario.loadDefault(), 1));
            await().atMost(Duration.ofSeconds(120)).until(() -> runtime.hub().situation().time().isAfter(until));
            runtime.close(); // the scenario stops before the hub does
            live = runtime.hub().situation();
        }
        from = Simulator.DEFAULT_START.plus(Duration.ofHours(1));
        file = dir.resolve("storm.shanzhi");
        try (Journal journal = journal()) {
            RecordingExport.export(journal, from, live.time(), file, EVERY);
        }
    }

    static Journal journal() {
        return Journal.open(Journal.h2Url(data), "", "");
    }

    @Test
    void foldingFromASnapshotGivesTheHubsSituationAtEverySeqOfTheRange() {
        Recording.Contents c = Recording.read(file);
        Recording.Header h = c.header();
        assertThat(c.warning()).isNull();
        assertThat(h.version()).isEqualTo(Recording.VERSION);
        assertThat(h.events()).isEqualTo(c.events().size()).isGreaterThan(3L * EVERY);
        assertThat(h.snapshots()).isEqualTo(c.snapshots().size()).isEqualTo((int) ((h.events() + EVERY - 1) / EVERY));
        assertThat(h.toSeq()).isEqualTo(live.seq());
        assertThat(c.events().get(0).time()).isAfterOrEqualTo(from);
        assertThat(h.sha256()).hasSize(64);

        // the hub's situation at each seq, folded from its journal as a starting hub folds it
        Situation s = Situation.empty();
        int compared = 0;
        try (Journal journal = journal()) {
            long last = 0;
            for (List<Journal.Row> rows = journal.readAfter(0, 10_000); !rows.isEmpty();
                    rows = journal.readAfter(last, 10_000)) {
                for (Journal.Row r : rows) {
                    s = Hub.replay(s, r);
                    if (r.seq() >= h.fromSeq() && (r.seq() % 97 == 0 || r.seq() == h.fromSeq()
                            || r.seq() == h.toSeq() || (r.seq() - h.fromSeq()) % EVERY == 0)) {
                        assertThat(c.situationAt(r.seq())).as("seq " + r.seq()).isEqualTo(s);
                        compared++;
                    }
                }
                last = rows.get(rows.size() - 1).seq();
            }
        }
        assertThat(compared).isGreaterThan(40);
        assertThat(c.situationAt(h.toSeq())).isEqualTo(live);
        // the first snapshot is the situation just before the range
        assertThat(c.snapshots().get(0).seq()).isEqualTo(h.fromSeq() - 1);
    }

    @Test
    void aRangeWithNoEventsIsRefused() throws IOException {
        try (Journal journal = journal()) {
            Instant before = Simulator.DEFAULT_START.minus(Duration.ofDays(400));
            assertThatThrownBy(() -> RecordingExport.export(journal, before, before.plusSeconds(60),
                    dir.resolve("none.shanzhi"))).isInstanceOf(RecordingExport.NoEvents.class)
                    .hasMessageContaining("no events");
        }
        assertThat(Files.exists(dir.resolve("none.shanzhi"))).isFalse();
    }

    @Test
    void aTruncatedFileIsRefusedWhereItBreaksOrReadUpToTheLastGoodSnapshot() throws IOException {
        List<Long> segments = segmentStarts(file);
        long third = segments.get(2);
        Path cut = copy("cut.shanzhi", Arrays.copyOf(Files.readAllBytes(file), (int) third + 500));
        assertThatThrownBy(() -> Recording.read(cut)).isInstanceOfSatisfying(Recording.Unreadable.class,
                e -> assertThat(e.offset()).isEqualTo(third))
                .hasMessageStartingWith("at byte " + third + ": ").hasMessageContaining("cut short");

        Recording.Contents c = Recording.readUpToDamage(cut);
        assertThat(c.warning()).contains("at byte " + third).contains("cut short")
                .contains(2 * EVERY + " of " + c.header().events() + " events");
        assertThat(c.snapshots()).hasSize(2);
        assertThat(c.events()).hasSize(2 * EVERY);
        Recording.Contents whole = Recording.read(file);
        long lastGood = c.events().get(c.events().size() - 1).seq();
        assertThat(c.situationAt(lastGood)).isEqualTo(whole.situationAt(lastGood));

        // cut at a segment's end: every segment is whole, the events are not all there
        Path atBoundary = copy("boundary.shanzhi", Arrays.copyOf(Files.readAllBytes(file), (int) third));
        assertThatThrownBy(() -> Recording.read(atBoundary)).isInstanceOfSatisfying(Recording.Unreadable.class,
                e -> assertThat(e.offset()).isEqualTo(third)).hasMessageContaining("cut short");

        // cut inside the header: nothing to read
        Path inHeader = copy("header.shanzhi", Arrays.copyOf(Files.readAllBytes(file), 20));
        assertThatThrownBy(() -> Recording.readUpToDamage(inHeader)).isInstanceOfSatisfying(
                Recording.Unreadable.class, e -> assertThat(e.offset()).isZero()).hasMessageContaining("not a recording");
    }

    @Test
    void aCorruptedByteIsFoundInItsSegment() throws IOException {
        List<Long> segments = segmentStarts(file);
        byte[] bytes = Files.readAllBytes(file);
        long second = segments.get(1);
        int at = (int) (second + (segments.get(2) - second) / 2);
        bytes[at] ^= 0x5a;
        Path bad = copy("corrupted.shanzhi", bytes);
        assertThatThrownBy(() -> Recording.read(bad)).isInstanceOfSatisfying(Recording.Unreadable.class,
                e -> assertThat(e.offset()).isEqualTo(second)).hasMessageContaining("corrupted");
        Recording.Contents c = Recording.readUpToDamage(bad);
        assertThat(c.snapshots()).hasSize(1);
        assertThat(c.events()).hasSize(EVERY);
        assertThat(c.warning()).contains("at byte " + second).contains("last good snapshot at seq "
                + c.snapshots().get(0).seq());

        // damage in the first segment: nothing can be replayed
        byte[] first = Files.readAllBytes(file);
        first[(int) (segments.get(0) + 100)] ^= 0x01;
        Path early = copy("early.shanzhi", first);
        assertThatThrownBy(() -> Recording.readUpToDamage(early)).isInstanceOf(Recording.Unreadable.class)
                .hasMessageContaining("corrupted");
    }

    @Test
    void anEmptyFileANewerFormatAndAnotherFileEachSaySo() throws IOException {
        Path empty = copy("empty.shanzhi", new byte[0]);
        assertThatThrownBy(() -> Recording.read(empty)).isInstanceOf(Recording.Unreadable.class)
                .hasMessageContaining("empty");

        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Path newer = copy("newer.shanzhi", text.replaceFirst("\"version\":2,", "\"version\":3,")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Recording.readUpToDamage(newer)).isInstanceOfSatisfying(Recording.Unreadable.class,
                e -> assertThat(e.offset()).isEqualTo(-1)).hasMessageContaining("format version 3")
                .hasMessageContaining("newer");

        Path other = copy("other.shanzhi", "{\"seq\":1,\"situation\":{}}\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Recording.read(other)).isInstanceOf(Recording.Unreadable.class)
                .hasMessageContaining("not a recording");
    }

    @Test
    void aDrillsMarksTravelInTheFileAndAVersion1FileStillReads() throws IOException {
        Path out = dir.resolve("drill.shanzhi");
        try (TestHub hub = new TestHub(Files.createDirectories(dir.resolve("drill-data")))) {
            hub.ingest(Fixtures.inventory());
            hub.runtime.hub().append(List.of(
                    new Hub.Pending(null, new Event.DrillStarted("YL-R", "录制演练", null), "YL-R"),
                    new Hub.Pending(null, new Event.WarningIssued("YL-R:w", WeatherWarning.Hazard.GALE,
                            WeatherWarning.Level.BLUE, "气象台", null), "YL-R")), Hub.Origin.system("drill"));
            hub.ingest(List.of(new Event.SensorReported("S-1", 4)));
            RecordingExport.export(hub.runtime.hub().journal(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                    out, 2);
        }
        Recording.Contents c = Recording.read(out);
        List<Recorded> last = c.events().subList(c.events().size() - 3, c.events().size());
        assertThat(last).extracting(Recorded::drill).containsExactly("YL-R", "YL-R", null);
        Situation end = c.situationAt(last.get(2).seq());
        assertThat(end.drillOf("warnings", "YL-R:w")).isEqualTo("YL-R");
        assertThat(end.drill().drillId()).isEqualTo("YL-R");

        // a version 1 file (no drills then) reads as it is
        String text = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        Path older = copy("v1.shanzhi", text.replaceFirst("\"version\":2,", "\"version\":1,")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Recording.read(older).events()).isEqualTo(c.events());
    }

    static Path copy(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The byte where each segment starts: after the header line, each is its length, its checksum, its bytes. */
    static List<Long> segmentStarts(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        int at = 0;
        while (b[at] != '\n') {
            at++;
        }
        at++;
        List<Long> out = new ArrayList<>();
        while (at < b.length) {
            out.add((long) at);
            at += 36 + ByteBuffer.wrap(b, at, 4).getInt();
        }
        assertThat(out).hasSizeGreaterThan(3);
        return out;
    }
}
