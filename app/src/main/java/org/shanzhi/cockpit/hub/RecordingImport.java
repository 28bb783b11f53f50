package org.shanzhi.cockpit.hub;

import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;

/**
 * Makes an empty journal hold a recording's range, so that a hub started on it serves that period: the recording's
 * first snapshot becomes the journal's base and its events follow with the seqs, times and drill marks they had,
 * so a replay of the new journal equals the original. The file was read whole (its checksums); the range is folded
 * first, so that the hub can start on it, then everything is written in one transaction.
 */
public final class RecordingImport {

    private RecordingImport() {
    }

    /** Why a recording cannot go into this journal. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Writes the recording's range into {@code journal}, which must be empty; the number of events. */
    public static int into(Journal journal, Recording.Contents recording) {
        if (journal.head() > 0 || journal.base().seq() > 0) {
            throw new Refused("the journal is not empty (its head is seq " + Math.max(journal.head(), journal.base().seq())
                    + "): a recording goes into a new data directory");
        }
        Situation before = recording.snapshots().get(0).situation();
        Situation s = before;
        List<Journal.Row> rows = new ArrayList<>(recording.events().size());
        for (Recorded r : recording.events()) {
            try {
                s = s.apply(r);
            } catch (Rejection x) {
                throw new Refused("the recording's events do not follow one another at seq " + r.seq() + " ("
                        + x.getMessage() + ")");
            }
            rows.add(new Journal.Row(r.seq(), r.time(), Json.typeOf(r.event()), Json.write(r.event()), r.drill()));
        }
        journal.importRange(before, rows, "import");
        return rows.size();
    }
}
