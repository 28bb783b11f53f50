package org.shanzhi.cockpit.hub;

import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

/**
 * Replays a journal as a starting hub would, without serving it: finds every entry a hub could
 * not start past and, when asked, sets each aside (see {@link Journal#quarantine}). An entry that
 * only followed from a set-aside one (a unit's move after its registration) is found in turn.
 */
public final class JournalCheck {

    /** An entry that cannot be replayed, and why. */
    public record Problem(long seq, String type, String reason) {
    }

    private JournalCheck() {
    }

    public static List<Problem> run(Journal journal, boolean quarantine) {
        List<Problem> problems = new ArrayList<>();
        Situation s = journal.base();
        long last = s.seq();
        while (true) {
            List<Journal.Row> rows = journal.readAfter(last, 10_000);
            if (rows.isEmpty()) {
                return problems;
            }
            for (Journal.Row r : rows) {
                try {
                    s = Hub.replay(s, r);
                } catch (Hub.UnreadableEntry e) {
                    problems.add(new Problem(r.seq(), r.type(), e.reason));
                    Event placeholder = new Event.EntryQuarantined(r.type(), e.reason);
                    if (quarantine) {
                        journal.quarantine(r.seq(), e.reason, Json.typeOf(placeholder), Json.write(placeholder));
                    }
                    s = s.apply(new Recorded(r.seq(), r.time(), placeholder));
                }
            }
            last = rows.get(rows.size() - 1).seq();
        }
    }
}
