package org.shanzhi.cockpit.hub;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.recording.Recording;

/**
 * Exports the journal's events from {@code from} to {@code to} (both included, by the time the hub gave them) as a
 * {@link Recording}, whole in seq: from the first event at or after {@code from} up to the first after {@code to}: the journal is folded from its start, as a starting hub folds it, so that each snapshot in the
 * file is the situation the hub had at that seq.
 */
public final class RecordingExport {

    private static final int PAGE = 10_000;

    private RecordingExport() {
    }

    /** The program's version, as the jar says it ({@code dev} when run from the build's classes). */
    public static String hubVersion() {
        String v = RecordingExport.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Writes the file; {@link NoEvents} when the range holds none. */
    public static Recording.Header export(Journal journal, Instant from, Instant to, Path out) {
        return export(journal, from, to, out, Recording.SNAPSHOT_EVERY);
    }

    /** The same with a snapshot every {@code snapshotEvery} events (tests and benchmarks make several from a short range). */
    public static Recording.Header export(Journal journal, Instant from, Instant to, Path out, int snapshotEvery) {
        Situation s = journal.base();
        long last = s.seq();
        boolean any = false;
        try (Recording.Writer w = new Recording.Writer(out, hubVersion(), snapshotEvery)) {
            pages:
            while (true) {
                List<Journal.Row> rows = journal.readAfter(last, PAGE);
                if (rows.isEmpty()) {
                    break;
                }
                for (Journal.Row r : rows) {
                    if (r.time().isAfter(to)) {
                        break pages;
                    }
                    // the range is whole in seq: a replay folds every event after the first (times are not
                    // monotonic in seq: the simulator's events carry its tick's time, a command the hub's)
                    if (any || !r.time().isBefore(from)) {
                        w.add(s, r.seq(), r.time(), r.type(), r.payload(), r.drill());
                        any = true;
                    }
                    s = Hub.replay(s, r);
                }
                last = rows.get(rows.size() - 1).seq();
            }
            if (!any) {
                throw new NoEvents(from, to);
            }
            return w.finish(from, to);
        }
    }

    /** The range holds no event of the journal. */
    public static final class NoEvents extends RuntimeException {
        NoEvents(Instant from, Instant to) {
            super("the journal has no events from " + from + " to " + to, null, false, false);
        }
    }
}
