package org.shanzhi.cockpit.wall.cockpit;

import java.time.Instant;
import java.util.List;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/** Builds a small district's day with events at given Beijing times of 2026-05-30 (and the day before). */
final class Day {

    /** 20:00 Beijing on the storm day: the panels' "now" in these tests. */
    static final Instant NOW = Instant.parse("2026-05-30T12:00:00Z");

    private Situation s = Fixtures.district();

    /** {@code hhmm} today in Beijing, e.g. "10:00"; "y10:00" is yesterday. */
    Day at(String hhmm, Event... events) {
        boolean yesterday = hhmm.startsWith("y");
        String hm = yesterday ? hhmm.substring(1) : hhmm;
        Instant t = Instant.parse((yesterday ? "2026-05-29" : "2026-05-30") + "T" + hm + ":00+08:00");
        for (Event e : events) {
            s = s.apply(new Recorded(s.seq() + 1, t, e));
        }
        return this;
    }

    /** Takes a case from REPORTED to CLOSED through unit U-1. */
    Day closeCase(String hhmm, String id) {
        at(hhmm, new Event.IncidentAdvanced(id, IncidentState.REGISTERED, null),
                new Event.IncidentAdvanced(id, IncidentState.PENDING_DISPATCH, null),
                new Event.IncidentDispatched(id, "U-1"));
        for (IncidentState st : List.of(IncidentState.IN_PROGRESS, IncidentState.DISPOSED, IncidentState.CHECKING,
                IncidentState.CLOSED)) {
            at(hhmm, new Event.IncidentAdvanced(id, st, null));
        }
        return this;
    }

    /** Ends the day at 20:00 (the situation's time is its newest event). */
    Situation now() {
        return at("20:00", new Event.KeyPeriodDeclared("KP-CLOCK", "时钟", Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2000-01-02T00:00:00Z"))).s;
    }

    static Event opened(String id, String title, Instant deadline) {
        return new Event.IncidentOpened(id, title, "市容环境", Incident.Source.GRID_WORKER, null, null, Fixtures.WEST,
                deadline, null);
    }

    static Instant today(String hhmm) {
        return Instant.parse("2026-05-30T" + hhmm + ":00+08:00");
    }

    static Instant yesterday(String hhmm) {
        return Instant.parse("2026-05-29T" + hhmm + ":00+08:00");
    }
}
