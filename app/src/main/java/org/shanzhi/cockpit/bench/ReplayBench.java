package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.RecordingExport;
import org.shanzhi.cockpit.recording.Recording;

/**
 * {@code replay.file_mb} (the recording of a 24-hour synthetic day of about a million events, in MB per million
 * events) and {@code replay.import_s} (reading that file whole: checksums, decompression, every snapshot and event
 * decoded). The day is appended to a hub on a temporary H2 journal, which is then stopped and exported like
 * {@code recording export} does.
 */
final class ReplayBench {

    private final boolean quick;

    ReplayBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) throws IOException {
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
        } finally {
            TempDirs.delete(dir);
        }
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
