package org.shanzhi.cockpit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.RecordingExport;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.Tokens;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.ScenarioRunner;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.recording.Recording;

/**
 * A storm afternoon as the hub lived it, recorded and played back: the replay at any position is the hub's situation
 * at that seq, reached by playing, seeking (either way) or stepping; the replay clock keeps its speed on a clock
 * moved by hand; a seek beyond the end stops at the end and says so; markers and steps land where they say.
 */
class ReplaySourceTest {

    /** Small segments, so that the afternoon makes several snapshots to seek between. */
    static final int EVERY = 2_000;

    @TempDir
    static Path dir;
    static Path data;
    static Replay replay;
    static Instant from;
    static Instant to;
    /** The hub's situation just after each of some seqs of the range, folded from its journal as a starting hub does. */
    static final Map<Long, Situation> hubAt = new HashMap<>();
    static Situation last;

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeAll
    static void aStormAfternoonRecorded() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        Instant until = Simulator.DEFAULT_START.plus(Duration.ofHours(12)); // 18:00, the storm has hit
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(Simulator.DEFAULT_START, 3600)))) {
            runtime.attach(ScenarioRunner.start(runtime.hub(), HeyiScenario.loadDefault(), 1));
            await().atMost(Duration.ofSeconds(120)).until(() -> runtime.hub().situation().time().isAfter(until));
            runtime.close();
            last = runtime.hub().situation();
        }
        from = Simulator.DEFAULT_START.plus(Duration.ofHours(7)); // 13:00, before the warnings
        to = last.time();
        Path file = dir.resolve("afternoon.shanzhi");
        try (Journal journal = Journal.open(Journal.h2Url(data), "", "")) {
            RecordingExport.export(journal, from, to, file, EVERY);
            Situation s = Situation.empty();
            long after = 0;
            for (List<Journal.Row> rows = journal.readAfter(0, 10_000); !rows.isEmpty();
                    rows = journal.readAfter(after, 10_000)) {
                for (Journal.Row r : rows) {
                    s = Hub.replay(s, r);
                    if (r.seq() % 97 == 0) {
                        hubAt.put(r.seq(), s);
                    }
                }
                after = rows.get(rows.size() - 1).seq();
            }
        }
        replay = new Replay(Recording.read(file));
        assertThat(replay.header().snapshots()).isGreaterThan(4);
    }

    ReplaySource source() {
        return new ReplaySource(replay, nanos::get);
    }

    /** The position just after the event with {@code seq}. */
    static int positionOf(long seq) {
        for (int i = 0; i < replay.size(); i++) {
            if (replay.event(i).seq() == seq) {
                return i + 1;
            }
        }
        throw new AssertionError("seq " + seq + " is not in the recording");
    }

    static List<Long> someSeqs() {
        List<Long> seqs = new ArrayList<>();
        long first = replay.event(0).seq();
        for (long seq : hubAt.keySet().stream().sorted().toList()) {
            if (seq >= first && seqs.size() < 200) {
                seqs.add(seq);
            }
        }
        return seqs;
    }

    @Test
    void theReplayAtSeqNIsTheHubsSituationAtNWhicheverWayItGetsThere() {
        List<Long> seqs = someSeqs();
        assertThat(seqs).hasSizeGreaterThan(20);
        ReplaySource backwards = source();
        backwards.seek(replay.end());
        int compared = 0;
        for (int i = 0; i < seqs.size(); i += 7) {
            long seq = seqs.get(i);
            int p = positionOf(seq);
            assertThat(replay.situationAt(p)).as("folded from its snapshot to seq " + seq).isEqualTo(hubAt.get(seq));
            // a seek lands on a time: the hub's situation at the last event of that time
            Instant t = replay.timeAt(p);
            ReplaySource forwards = source();
            assertThat(forwards.seek(t)).isEqualTo(ReplaySource.Seek.DONE);
            assertThat(forwards.latest()).isEqualTo(replay.situationAt(replay.positionAt(t)));
            backwards.seek(t);
            assertThat(backwards.latest()).isEqualTo(forwards.latest());
            compared++;
        }
        assertThat(compared).isGreaterThan(3);
        // the whole range played at the fastest speed ends where the hub ended
        ReplaySource played = source();
        played.speed(64);
        played.play();
        long version = played.version();
        Situation before = played.latest();
        while (played.playing()) {
            nanos.addAndGet(Duration.ofSeconds(10).toNanos());
            played.latest();
        }
        assertThat(played.version()).isNotEqualTo(version);
        assertThat(played.latest()).isNotSameAs(before).isEqualTo(last);
        assertThat(played.time()).isEqualTo(replay.end());
    }

    @Test
    void aSeekBeyondTheEndStopsAtTheEndAndSaysSoAndOneBeforeTheStartAtTheStart() {
        ReplaySource r = source();
        r.seek(replay.start().plus(Duration.ofMinutes(40)));
        r.play();
        assertThat(r.seek(replay.end().plus(Duration.ofHours(5)))).isEqualTo(ReplaySource.Seek.BEYOND_END);
        assertThat(r.time()).isEqualTo(replay.end());
        assertThat(r.position()).isEqualTo(replay.size());
        assertThat(r.latest()).isEqualTo(last);
        assertThat(r.playing()).as("at the end the clock stands").isFalse();

        assertThat(r.seek(replay.start().minus(Duration.ofDays(1)))).isEqualTo(ReplaySource.Seek.BEFORE_START);
        assertThat(r.time()).isEqualTo(replay.start());
        assertThat(r.latest()).isEqualTo(replay.situationAt(replay.positionAt(replay.start())));
        assertThatThrownBy(() -> replay.situationAt(replay.size() + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClockRunsAtItsSpeedOnTheOperatorsClockAndStandsWhilePaused() {
        ReplaySource r = source();
        Instant start = r.time();
        assertThat(r.playing()).isFalse();
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(r.time()).as("paused on opening").isEqualTo(start);
        Instant t = start;
        for (double speed : new double[] {0.25, 1, 8, 64}) {
            r.speed(speed);
            r.play();
            nanos.addAndGet(Duration.ofSeconds(4).toNanos());
            Instant now = r.time();
            assertThat(Duration.between(t, now).toMillis()).as("at " + speed + "×").isEqualTo((long) (4000 * speed));
            t = now;
        }
        r.pause();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(r.time()).isEqualTo(t);
        r.faster(true);
        assertThat(r.speed()).isEqualTo(64); // the fastest stays
        r.faster(false);
        assertThat(r.speed()).isEqualTo(32);
        assertThatThrownBy(() -> r.speed(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.25");
        assertThat(r.speed()).isEqualTo(32);
        assertThat(r.time()).isEqualTo(t);
    }

    /** The debrief opens when playing runs into the end: once each time, never for a seek or a step to the end. */
    @Test
    void playingIntoTheEndIsCountedOnceAndASeekOrAStepThereIsNot() {
        ReplaySource r = source();
        r.seek(replay.end());
        assertThat(r.endsReached()).as("a seek to the end").isZero();
        r.seek(replay.end().minus(Duration.ofMinutes(10)));
        while (r.step()) {
            // one event at a time up to the last
        }
        assertThat(r.time()).isEqualTo(replay.end());
        assertThat(r.endsReached()).as("steps to the end").isZero();

        r.seek(replay.end().minus(Duration.ofMinutes(10)));
        r.speed(8);
        r.play();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos()); // 4 of the 10 minutes
        assertThat(r.endsReached()).isZero();
        nanos.addAndGet(Duration.ofSeconds(60).toNanos()); // past the end
        assertThat(r.endsReached()).isEqualTo(1);
        assertThat(r.playing()).isFalse();
        assertThat(r.time()).isEqualTo(replay.end());
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(r.endsReached()).as("standing at the end").isEqualTo(1);

        r.play(); // from the start again
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        r.pause();
        assertThat(r.endsReached()).as("a pause before the end").isEqualTo(1);
        r.seek(replay.end().minus(Duration.ofMinutes(1)));
        r.play();
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(r.endsReached()).as("a second run into the end").isEqualTo(2);
    }

    @Test
    void aStepAppliesOneEventAndMarkersLandOnTheirEvent() {
        ReplaySource r = source();
        r.seek(replay.start().plus(Duration.ofMinutes(20)));
        int p = r.position();
        Situation before = r.latest();
        assertThat(r.step()).isTrue();
        assertThat(r.position()).isEqualTo(p + 1);
        assertThat(r.latest()).isEqualTo(before.apply(replay.event(p)));
        assertThat(r.latest().seq()).isEqualTo(replay.event(p).seq());
        assertThat(r.playing()).isFalse();

        assertThat(replay.markers()).extracting(Marker::kind).contains(Marker.Kind.WARNING, Marker.Kind.DISPATCH,
                Marker.Kind.ARRIVAL);
        Marker next = r.toMarker(true);
        assertThat(next).isNotNull();
        assertThat(next.position()).isGreaterThan(p + 1);
        assertThat(r.position()).isEqualTo(next.position());
        assertThat(Marker.of(replay.event(next.position() - 1).event(), next.position(), next.time())).isEqualTo(next);
        assertThat(r.latest()).isEqualTo(replay.situationAt(next.position()));
        Marker following = r.toMarker(true);
        assertThat(following.position()).isGreaterThan(next.position());
        assertThat(r.toMarker(false)).isEqualTo(next);
        // no marker before the first
        r.seek(replay.start());
        Marker first = replay.markers().get(0);
        while (r.position() < first.position()) {
            r.step();
        }
        assertThat(r.toMarker(false)).isNull();
        assertThat(r.position()).isEqualTo(first.position());
        r.seek(replay.end());
        assertThat(r.step()).isFalse();
        assertThat(r.toMarker(true)).isNull();
    }

    @Test
    void theHubsOwnJournalIsFetchedForReplayWithATrainersTokenAndRefusedToAnOperators() throws Exception {
        try (HubRuntime hub = HubRuntime.start(HubRuntime.Config.local(data))) {
            Replay fetched = new HubRecordings(hub.baseUrl(), hub.tokens().tokenOf(Role.TRAINER)).fetch(from, to);
            assertThat(fetched.size()).isEqualTo(replay.size());
            assertThat(fetched.situationAt(fetched.size())).isEqualTo(last);
            assertThatThrownBy(() -> new HubRecordings(hub.baseUrl(), hub.tokens().tokenOf(Role.OPERATOR))
                    .fetch(from, to)).isInstanceOfSatisfying(HubRecordings.Refused.class,
                            e -> assertThat(e.status()).isEqualTo(403));
            assertThatThrownBy(() -> new HubRecordings(hub.baseUrl(), hub.tokens().tokenOf(Role.TRAINER))
                    .fetch(from.minus(Duration.ofDays(300)), from.minus(Duration.ofDays(299))))
                    .isInstanceOfSatisfying(HubRecordings.Refused.class, e -> assertThat(e.status()).isEqualTo(404))
                    .hasMessageContaining("no events");
        }
    }

    /** A wall opened with its hub asks for a range the hub may not have lived yet: it waits, then takes what there is. */
    @Test
    void aRangeTheHubHasNotLivedToIsWaitedForThenTakenAsItIs() throws Exception {
        try (HubRuntime hub = HubRuntime.start(HubRuntime.Config.local(data))) {
            HubRecordings recordings = new HubRecordings(hub.baseUrl(), hub.tokens().tokenOf(Role.TRAINER));
            assertThat(recordings.fetchWhenReady(from, to, Duration.ofSeconds(30)).size()).isEqualTo(replay.size());
            long asked = System.nanoTime();
            Replay partial = recordings.fetchWhenReady(from, to.plus(Duration.ofHours(5)), Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(partial.size()).isEqualTo(replay.size());
        }
    }

    /** The wall's own hub may listen only minutes after the wall asked (it reads its journal first): it is waited for. */
    @Test
    void aHubThatListensOnlyAfterThePatienceIsStillWaitedFor() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HubRuntime.Config config = HubRuntime.Config.local(data).withPort(port);
        HubRecordings recordings = new HubRecordings("http://127.0.0.1:" + port,
                Tokens.loadOrCreate(config.tokens()).tokenOf(Role.TRAINER));
        CompletableFuture<Replay> fetched = CompletableFuture.supplyAsync(() -> {
            try {
                return recordings.fetchWhenReady(from, to, Duration.ofMillis(200));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        Thread.sleep(1500); // longer than the patience: the hub has not answered yet, so its clock has not started
        assertThat(fetched).isNotDone();
        try (HubRuntime hub = HubRuntime.start(config)) {
            assertThat(fetched.get(60, TimeUnit.SECONDS).size()).isEqualTo(replay.size());
        }
    }
}
