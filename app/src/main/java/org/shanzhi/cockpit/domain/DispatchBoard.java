package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.shanzhi.cockpit.domain.Kpi.Sla;
import org.shanzhi.cockpit.domain.TimeWindows.Window;

import static org.shanzhi.cockpit.domain.Kpi.communityName;
import static org.shanzhi.cockpit.domain.Kpi.nonNegative;
import static org.shanzhi.cockpit.domain.Kpi.sla;
import static org.shanzhi.cockpit.domain.Kpi.within;
import static org.shanzhi.cockpit.domain.TimeWindows.today;

/** What the dispatch board shows: the cases with their units, the units by availability ({@link Recommendations} says who to send). */
public final class DispatchBoard {

    private DispatchBoard() {
    }


    /** Which cases the dispatch board lists. */
    public enum CaseFilter { OPEN, TODAY, ALL }

    /**
     * A case on the dispatch board with the unit it was given; {@code unitOnCase} says whether that unit is still
     * on it (a unit back on patrol or on another order is not). For a finished case, {@code age} and {@code sla}
     * are taken at its closing (how long it took, whether it was late).
     */
    public record DispatchCase(String id, String title, String category, String community,
                               Incident.Severity severity, IncidentState state, GeoPoint at, Duration age,
                               Instant deadline, Sla sla, String unitId, String unitName, UnitStatus unitStatus,
                               boolean unitOnCase) {
        public boolean open() {
            return !state.terminal();
        }
    }

    private static final Comparator<DispatchCase> BY_URGENCY = Comparator
            .comparing((DispatchCase c) -> !c.open())
            .thenComparing(c -> c.sla() != Sla.OVERDUE)
            .thenComparing(DispatchCase::severity, Comparator.reverseOrder())
            .thenComparing(DispatchCase::age, Comparator.reverseOrder())
            .thenComparing(DispatchCase::id);

    /**
     * The duty desk's cases by urgency: open before finished, overdue first, then severity, then the oldest.
     * {@code TODAY} is every case opened today in Beijing, whatever its state.
     */
    public static List<DispatchCase> dispatchBoard(Situation s, Instant now, CaseFilter filter) {
        Window today = today(now);
        List<DispatchCase> out = new ArrayList<>();
        for (Incident i : s.incidents().values()) {
            boolean take = switch (filter) {
                case OPEN -> i.open();
                case TODAY -> within(i.openedAt(), today.from(), today.to());
                case ALL -> true;
            };
            if (!take) {
                continue;
            }
            Instant until = i.open() || i.closedAt() == null ? now : i.closedAt();
            FieldUnit u = i.unitId() == null ? null : s.units().get(i.unitId());
            out.add(new DispatchCase(i.id(), i.title(), i.category(), communityName(s, i.communityCode()),
                    i.severity(), i.state(), i.at(), nonNegative(Duration.between(i.openedAt(), until)), i.deadline(),
                    sla(i.openedAt(), i.deadline(), until), i.unitId(), u == null ? null : u.name(),
                    u == null ? null : u.status(), u != null && i.id().equals(u.incidentId())));
        }
        out.sort(BY_URGENCY);
        return out;
    }

    /** Field units by {@link UnitStatus.Availability}, and how many call for help (SOS, in any status). */
    public record UnitCounts(int free, int busy, int away, int sos) {
        public int total() {
            return free + busy + away;
        }
    }

    public static UnitCounts unitCounts(Situation s) {
        int free = 0;
        int busy = 0;
        int away = 0;
        int sos = 0;
        for (FieldUnit u : s.units().values()) {
            switch (u.status().availability()) {
                case FREE -> free++;
                case BUSY -> busy++;
                case AWAY -> away++;
            }
            if (u.sos()) {
                sos++;
            }
        }
        return new UnitCounts(free, busy, away, sos);
    }
}
