package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;

/**
 * A hub (H2 journal in a temporary directory) that has folded the synthetic inventory and one
 * synthetic day, appended through {@link Hub#appendEach} in batches as a producer would: for
 * {@code hub.heap_mb} and {@code hub.snapshot_ms}.
 */
final class DayHub implements AutoCloseable {

    static final Instant DAY = Instant.parse("2026-05-29T16:00:00Z"); // 00:00 in Beijing

    private final Path dir;
    private final HubRuntime runtime;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();

    private DayHub(Path dir, HubRuntime runtime) {
        this.dir = dir;
        this.runtime = runtime;
    }

    /**
     * A day: ≈200k unit moves, ≈20k sensor readings, 15 complaints and 50 cases with their
     * lifecycles. Quick runs keep the complaints and cases but a tenth of the moves and readings.
     */
    static DayHub start(boolean quick) throws IOException {
        Path dir = Files.createTempDirectory("shanzhi-bench-day");
        HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir)
                .withClock(s -> HubClock.simulated(DAY.plus(Duration.ofDays(1)), 1)));
        DayHub d = new DayHub(dir, runtime);
        Hub hub = runtime.hub();
        List<Hub.Pending> inventory = new ArrayList<>();
        Instant t = DAY.minusSeconds(3600);
        for (Event e : SyntheticHeyi.inventory(1)) {
            inventory.add(new Hub.Pending(t, e));
        }
        int accepted = hub.appendEach(inventory, "bench");
        long moves = quick ? 22_000 : 220_000;
        SyntheticDay day = new SyntheticDay(11, DAY, Duration.ofHours(24), moves, 15, 50, 0.0909, "");
        long t0 = System.nanoTime();
        List<Hub.Pending> batch = new ArrayList<>(1000);
        int offered = 0;
        Hub.Pending p;
        while ((p = day.next()) != null) {
            batch.add(p);
            offered++;
            if (batch.size() == 1000) {
                accepted += hub.appendEach(batch, "bench");
                batch = new ArrayList<>(1000);
            }
        }
        accepted += hub.appendEach(batch, "bench");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Figures.note("day hub: {} + {} events offered, {} accepted (head {}) in {} ms; mix {}; counts {}",
                inventory.size(), offered, accepted, hub.head(), ms, day.counts(), hub.situation().counts());
        if (accepted != inventory.size() + offered) {
            throw new IllegalStateException("the synthetic day did not fold whole: " + accepted + " of "
                    + (inventory.size() + offered));
        }
        return d;
    }

    /** Heap used after a full collection, in MiB. */
    double heapAfterGcMb() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used / (1024.0 * 1024.0);
    }

    /**
     * {@code hub.snapshot_ms}: the first GET /api/v1/snapshot after a change, once the snapshot at the change is
     * prepared, p50 of {@code runs}; and {@code hub.snapshot.prepare_ms}, the preparation (written from the previous
     * one, UTF-8, gzip) the hub does off the request threads, p50. Returns both and the answer's size.
     */
    double[] snapshotMs(int warmups, int runs) throws IOException {
        Hub hub = runtime.hub();
        String token = runtime.tokens().tokenOf(Role.VIEWER);
        Request get = new Request.Builder().url(runtime.baseUrl() + "/api/v1/snapshot")
                .header("Authorization", "Bearer " + token).build();
        double[] ms = new double[runs];
        double[] prepareMs = new double[runs];
        long bytes = 0;
        for (int i = -warmups; i < runs; i++) {
            // a change, so the snapshot is made anew
            hub.appendEach(List.of(new Hub.Pending(null, new Event.UnitMoved(SyntheticHeyi.unitId(0),
                    new GeoPoint(116.39 + i * 1e-5, 39.81), 90))), "bench");
            long p0 = System.nanoTime();
            hub.snapshotAtHead(); // or waits for the hub's preparer doing it
            if (i >= 0) {
                prepareMs[i] = (System.nanoTime() - p0) / 1e6;
            }
            long t0 = System.nanoTime();
            try (Response r = http.newCall(get).execute()) {
                byte[] body = r.body().bytes();
                if (r.code() != 200) {
                    throw new IllegalStateException("snapshot answered " + r.code());
                }
                bytes = body.length;
            }
            double took = (System.nanoTime() - t0) / 1e6;
            if (i >= 0) {
                ms[i] = took;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(prepareMs);
        Figures.note("snapshot: {} bytes; GETs after a change min {} ms, p50 {} ms, max {} ms; preparing it p50 {} ms",
                bytes, String.format("%.1f", ms[0]), String.format("%.1f", Figures.median(ms)),
                String.format("%.1f", ms[ms.length - 1]), String.format("%.1f", Figures.median(prepareMs)));
        return new double[] {Figures.median(ms), bytes, Figures.median(prepareMs)};
    }

    @Override
    public void close() {
        runtime.close();
        http.connectionPool().evictAll();
        TempDirs.delete(dir);
    }
}
