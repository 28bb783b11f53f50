package org.shanzhi.cockpit.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.Hub;

/**
 * {@code fold.events_per_s}: one thread folding a busy mix into a Heyi-sized situation. The events
 * are made beforehand (their making is not measured); every pass folds the same run from the
 * same situation after the inventory, so the cases' maps grow through a pass as in a day.
 */
final class FoldBench {

    static final Instant T0 = Instant.parse("2026-05-30T00:00:00Z");

    private final boolean quick;

    FoldBench(boolean quick) {
        this.quick = quick;
    }

    /** The situation after the synthetic inventory, its events one millisecond apart. */
    static Situation district() {
        Situation s = Situation.empty();
        for (Event e : SyntheticHeyi.inventory(1)) {
            s = s.apply(new Recorded(s.seq() + 1, T0.plusMillis(s.seq()), e));
        }
        return s;
    }

    void run(Figures figures) {
        Situation base = district();
        // 85 % moves, 10 % readings, ~5 % lifecycle steps of complaints and cases
        int total = quick ? 100_000 : 400_000;
        SyntheticDay day = new SyntheticDay(7, T0.plusSeconds(3600), Duration.ofHours(24), total,
                total / 400, total / 470, 0.105, "");
        List<Recorded> run = new ArrayList<>(total + 1024);
        long seq = base.seq();
        for (Hub.Pending p : day.all()) {
            run.add(new Recorded(++seq, p.time(), p.event()));
        }
        Figures.note("fold: {} events per pass after {} inventory events; mix {}", run.size(), base.seq(),
                day.counts());

        long warmNanos = Duration.ofMillis(quick ? 300 : 3000).toNanos();
        long measureNanos = Duration.ofMillis(quick ? 500 : 2500).toNanos();
        int rounds = quick ? 1 : 3;

        long sink = foldFor(base, run, warmNanos)[1];
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long[] r = foldFor(base, run, measureNanos);
            rates[i] = r[0] * 1e9 / r[2];
            sink += r[1];
            Figures.note("fold round {}: {} events in {} ms = {} events/s", i + 1, r[0], r[2] / 1_000_000,
                    Math.round(rates[i]));
        }
        Figures.note("fold check {}", sink);
        figures.put("fold.events_per_s", Figures.median(rates), 0, "events/s");
    }

    /** Folds whole passes until at least {@code nanos} have passed: {events, check, elapsed nanos}. */
    private static long[] foldFor(Situation base, List<Recorded> run, long nanos) {
        long events = 0;
        long check = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            Situation s = base;
            for (int i = 0, n = run.size(); i < n; i++) {
                s = s.apply(run.get(i));
            }
            events += run.size();
            check += s.seq() + s.complaints().size() + s.incidents().size();
            elapsed = System.nanoTime() - t0;
        } while (elapsed < nanos);
        return new long[] {events, check, elapsed};
    }
}
