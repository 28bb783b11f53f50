package org.shanzhi.cockpit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;


import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.RecordingExport;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.replay.Replay;
import org.shanzhi.cockpit.replay.ReplaySource;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Wall;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;
import org.shanzhi.cockpit.wall.layout.WallLayout;

/**
 * {@code replay.file_mb} (the recording of a 24-hour synthetic day of about a million events, in MB per million
 * events) and {@code replay.import_s} (reading that file whole: checksums, decompression, every snapshot and event
 * decoded). The day is appended to a hub on a temporary H2 journal, which is then stopped and exported like
 * {@code recording export} does. Then the replay of that file: {@code replay.seek_ms} and
 * {@code replay.speed_error_pct} at 1×, 8× and 64× with the laptop layout on the replay (headless JavaFX).
 */
final class ReplayBench {

    private final boolean quick;

    ReplayBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) throws Exception {
        Path dir = Files.createTempDirectory("shanzhi-bench-replay");
        try {
            long head = day(dir);
            Path file = dir.resolve("day.shanzhi");
            long t0 = System.nanoTime();
            Recording.Header h;
            try (Journal journal = Journal.open(
                    Journal.h2Url(dir), "", "")) {
                h = RecordingExport.export(journal, DayHub.DAY.minus(Duration.ofDays(1)),
                        DayHub.DAY.plus(Duration.ofDays(2)), file);
            }
            double exportS = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(file);
            long t1 = System.nanoTime();
            Recording.Contents c = Recording.read(file);
            double importS = (System.nanoTime() - t1) / 1e9;
            if (c.events().size() != head) {
                throw new IllegalStateException("read " + c.events().size() + " of " + head + " events");
            }
            Figures.note("replay: {} events, {} snapshots, {} bytes; export {} s (folding the journal from its start)",
                    h.events(), h.snapshots(), bytes, String.format("%.1f", exportS));
            figures.put("replay.file_mb", bytes / 1e6 / (h.events() / 1e6), 1, "MB per million events");
            figures.put("replay.import_s", importS, 1, "s");
            Replay replay = new Replay(c);
            seeks(replay, figures);
            for (double speed : new double[] {1, 8, 64}) {
                speed(replay, speed, figures);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /**
     * {@code replay.seek_ms}: seeks to times drawn evenly over the whole range, each the seek and the situation the
     * wall then takes (from the nearest snapshot, the events after folded).
     */
    private void seeks(Replay replay, Figures figures) {
        ReplaySource source = ReplaySource.of(replay);
        Random random = new Random(7);
        int n = quick ? 100 : 400;
        long[] nanos = new long[n];
        long span = replay.end().toEpochMilli() - replay.start().toEpochMilli();
        for (int i = 0; i < n; i++) {
            Instant t = replay.start().plusMillis((long) (random.nextDouble() * span));
            long t0 = System.nanoTime();
            source.seek(t);
            source.latest();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        figures.put("replay.seek_ms", Figures.quantile(nanos, n, 0.99) / 1e6, 1, "ms (p99 of " + n + " seeks)");
    }

    /**
     * {@code replay.speed_error_pct.<speed>x}: the real {@link Wall} with the laptop layout (headless, as in
     * {@link WallBench}) on the replay, played from the middle of its events; over the measured window (from a second
     * after play), how far the replay time of the positions the wall showed moved, against the operator's clock times
     * the speed. The frames
     * are the wall's own (its pump taking a situation, the pulse ended: {@link ShownSource}), so the figure counts
     * the wall's lag behind the replay clock, not only the clock's arithmetic; a growing lag is noted.
     */
    private void speed(Replay replay, double speed, Figures figures) throws Exception {
        ReplaySource source = ReplaySource.of(replay);
        // the middle of the events (the range's own middle can fall in the hour between the inventory and the day)
        source.seek(replay.timeAt(replay.size() / 2));
        source.speed(speed);
        long seconds = quick ? 3 : speed == 1 ? 20 : 10;
        WallBench.startToolkit();
        ShownSource shown = new ShownSource(source, s -> { });
        WallLayout layout = LayoutLoader.standard().load("laptop").orElseThrow();
        Wall wall = WallBench.onFx(() -> {
            I18n.setLocale(Locale.forLanguageTag("zh-CN"));
            Wall w = new Wall(shown, new WallContext(source::status, "replay"), LayoutLoader.standard());
            w.start(layout);
            return w;
        });
        try {
            Thread.sleep(2000); // the layout built and its first frames drawn before the clock runs
            Instant playedFrom = source.time();
            source.play();
            long played = System.nanoTime();
            Thread.sleep(1000); // the first second, in which the wall catches up with the clock, is not measured
            long t0 = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            long t1 = System.nanoTime();
            long[][] frames = WallBench.onFx(shown::frames);
            int first = -1;
            int last = -1;
            for (int i = 0; i < frames[0].length; i++) {
                if (frames[1][i] >= t0 && frames[1][i] <= t1) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first < 0 || last == first) {
                throw new IllegalStateException("the wall showed " + (first < 0 ? "no" : "one") + " frame in "
                        + seconds + " s at " + speedName(speed) + "×");
            }
            double shownMoved = Duration.between(shownTime(replay, frames[0][first]), shownTime(replay, frames[0][last]))
                    .toNanos();
            double clockMoved = (frames[1][last] - frames[1][first]) * speed;
            double error = Math.abs(shownMoved / clockMoved - 1) * 100;
            Figures.note("replay {}x: {} frames in {} s; the wall's lag behind the replay clock {} ms at the window's"
                            + " first frame, {} ms at its last (replay time)", speedName(speed), last - first + 1,
                    seconds, lagMs(replay, frames, first, playedFrom, played, speed),
                    lagMs(replay, frames, last, playedFrom, played, speed));
            figures.put("replay.speed_error_pct." + speedName(speed) + "x", error, 2,
                    "% over " + seconds + " s at " + speedName(speed) + "×");
        } finally {
            source.pause();
            WallBench.stop(wall);
        }
    }

    /** How far the time shown in frame {@code i} was behind the replay clock then, in ms of replay time. */
    private static String lagMs(Replay replay, long[][] frames, int i, Instant playedFrom, long played, double speed) {
        Instant clock = playedFrom.plusNanos((long) ((frames[1][i] - played) * speed));
        return Long.toString(Duration.between(shownTime(replay, frames[0][i]), clock).toMillis());
    }

    /** The replay time of the position at which {@code seq} was applied. */
    private static Instant shownTime(Replay replay, long seq) {
        int lo = 0;
        int hi = replay.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (replay.event(mid).seq() <= seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return replay.timeAt(lo);
    }

    private static String speedName(double s) {
        return Long.toString((long) s);
    }

    /** The synthetic inventory and a day of about a million events (a tenth with --quick); the journal's head. */
    private long day(Path dir) {
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir)
                .withClock(s -> HubClock.simulated(DayHub.DAY.plus(Duration.ofDays(1)), 1)))) {
            Hub hub = runtime.hub();
            List<Hub.Pending> batch = new ArrayList<>(1000);
            Instant t = DayHub.DAY.minusSeconds(3600);
            for (Event e : SyntheticHeyi.inventory(1)) {
                batch.add(new Hub.Pending(t, e));
            }
            hub.appendEach(batch, "bench");
            SyntheticDay day = new SyntheticDay(11, DayHub.DAY, Duration.ofHours(24), quick ? 100_000 : 1_000_000,
                    15, 50, 0.0909, "");
            batch = new ArrayList<>(1000);
            Hub.Pending p;
            while ((p = day.next()) != null) {
                batch.add(p);
                if (batch.size() == 1000) {
                    hub.appendEach(batch, "bench");
                    batch = new ArrayList<>(1000);
                }
            }
            hub.appendEach(batch, "bench");
            return hub.head();
        }
    }
}
