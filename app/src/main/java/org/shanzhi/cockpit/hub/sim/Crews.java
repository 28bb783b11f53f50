package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;

/**
 * Field units (单兵, DOMAIN.md §5) through their day: on and off shift, patrolling a road, and their
 * part of an order. Every {@link Rates#movePeriod} each unit moves or changes status; the order's
 * steps are scheduled. What follows each status, and after how long:
 *
 * <pre>
 * OFF  → AVL   at the shift's start ({@link Catalogue#shift})
 * AVL  → PAT   1–15 min into the shift, 10–30 min after a patrol, 2–10 min after an order (roles that patrol)
 * AVL  → OFF   at the shift's end
 * PAT  → AVL   after 45–120 min on the road, or at the shift's end
 * ASG  → ACK   0.5–3 min      签收 of the order
 * ACK  → ENR   0.5–2 min      sets out, riding straight to the case
 * ENR  → ONS   on arrival     the case goes IN_PROGRESS
 * ONS  → WRK   1–4 min
 * WRK  → RPT   the case kind's work time; the case is DISPOSED
 * RPT  → RET   2–8 min        rides back to its road, or home
 * RET  → AVL   on arrival
 * </pre>
 *
 * A unit someone else took off its order (through the hub) is left alone until it is free again.
 */
final class Crews {

    /** What a unit's work does to its case; the case lifecycle listens. */
    interface CaseWork {
        void onScene(String incidentId);

        void reported(String incidentId);
    }

    /** How often units move. */
    record Rates(Duration movePeriod) {

        static Rates defaults() {
            return new Rates(Duration.ofSeconds(60));
        }
    }

    /** A unit's private plan: its shift, its patrol road and where it is heading. */
    private static final class Crew {
        final String id;
        final GeoPoint home;
        final Catalogue.Shift shift;
        Patrol road;
        double along;
        int dir = 1;
        boolean onRoad;
        Instant switchAt;
        GeoPoint target;
        String job;
        CaseKind kind;

        Crew(FieldUnit u, Catalogue.Shift shift) {
            this.id = u.id();
            this.home = u.at();
            this.shift = shift;
        }

        GeoPoint rejoinPoint() {
            return road == null ? home : road.at(along);
        }
    }

    private final SimContext ctx;
    private final Rates rates;
    private final CaseWork work;
    private final List<Patrol> roads;
    private final Map<String, Crew> crews = new LinkedHashMap<>();

    Crews(SimContext ctx, Rates rates, CaseWork work) {
        this.ctx = ctx;
        this.rates = rates;
        this.work = work;
        this.roads = ctx.scenario().roads().stream().map(Patrol::new).toList();
        for (FieldUnit u : ctx.scenario().units()) {
            crews.put(u.id(), new Crew(u, Catalogue.shift(u.role(), ctx.nextInt(21))));
        }
    }

    // --- shifts, patrols, rides: every move period ----------------------------------------------------

    void move() {
        if (ctx.now().getEpochSecond() % rates.movePeriod().getSeconds() != 0) {
            return;
        }
        ZonedDateTime z = ctx.local();
        int minute = z.getHour() * 60 + z.getMinute();
        double step = rates.movePeriod().getSeconds();
        Instant now = ctx.now();
        for (Crew crew : crews.values()) {
            FieldUnit u = ctx.situation().units().get(crew.id);
            if (u == null) {
                continue;
            }
            UnitStatus s = u.status();
            boolean onShift = crew.shift.on(minute);
            if (s == UnitStatus.ENR || s == UnitStatus.RET) {
                ride(crew, u, step);
                continue;
            }
            if (crew.job != null && s != UnitStatus.ASG && s != UnitStatus.ACK && s != UnitStatus.ONS
                    && s != UnitStatus.WRK && s != UnitStatus.RPT) {
                crew.job = null; // someone took the unit off the job through the hub
            }
            if (s == UnitStatus.OFF) {
                if (onShift) {
                    setUnit(crew.id, UnitStatus.AVL);
                    crew.switchAt = now.plus(ctx.minutes(1, 15));
                }
            } else if (s == UnitStatus.AVL) {
                if (!onShift) {
                    setUnit(crew.id, UnitStatus.OFF);
                } else if (crew.shift.patrols() && (crew.switchAt == null || !now.isBefore(crew.switchAt))) {
                    if (setUnit(crew.id, UnitStatus.PAT)) {
                        crew.switchAt = now.plus(ctx.minutes(45, 120));
                        if (crew.road == null) {
                            crew.road = nearestRoad(crew.home);
                            crew.along = crew.road.project(crew.home);
                            crew.dir = ctx.coin() ? 1 : -1;
                        }
                        crew.onRoad = false;
                    }
                }
            } else if (s == UnitStatus.PAT) {
                if (!onShift || (crew.switchAt != null && !now.isBefore(crew.switchAt))) {
                    if (setUnit(crew.id, UnitStatus.AVL)) {
                        crew.switchAt = now.plus(ctx.minutes(10, 30));
                    }
                } else {
                    patrol(crew, u, step);
                }
            }
        }
    }

    private Patrol nearestRoad(GeoPoint p) {
        Patrol best = roads.get(0);
        double bestD = Double.MAX_VALUE;
        for (Patrol r : roads) {
            double d = r.at(r.project(p)).metresTo(p);
            if (d < bestD) {
                bestD = d;
                best = r;
            }
        }
        return best;
    }

    /** Walks to the road, then along it, back and forth. */
    private void patrol(Crew crew, FieldUnit u, double seconds) {
        if (crew.road == null) {
            return;
        }
        double metres = crew.shift.patrolSpeed() * seconds * (0.8 + ctx.uniform() * 0.4);
        if (!crew.onRoad) {
            GeoPoint target = crew.road.at(crew.along);
            GeoPoint next = Geo.toward(u.at(), target, metres);
            ctx.emit(new Event.UnitMoved(crew.id, next, Geo.heading(u.at(), next)));
            crew.onRoad = next.equals(target);
            return;
        }
        double[] moved = crew.road.advance(crew.along, crew.dir, metres);
        crew.along = moved[0];
        crew.dir = (int) moved[1];
        GeoPoint next = crew.road.at(crew.along);
        ctx.emit(new Event.UnitMoved(crew.id, next, Geo.heading(u.at(), next)));
    }

    /** Rides straight to the case (ENR) or back (RET). */
    private void ride(Crew crew, FieldUnit u, double seconds) {
        if (crew.target == null) {
            crew.target = u.status() == UnitStatus.RET ? crew.home : null;
            if (crew.target == null) {
                return;
            }
        }
        GeoPoint next = Geo.toward(u.at(), crew.target, crew.shift.rideSpeed() * seconds);
        ctx.emit(new Event.UnitMoved(crew.id, next, Geo.heading(u.at(), next)));
        if (!next.equals(crew.target)) {
            return;
        }
        if (u.status() == UnitStatus.ENR && crew.job != null) {
            arrived(crew);
        } else if (u.status() == UnitStatus.RET) {
            crew.target = null;
            if (setUnit(crew.id, UnitStatus.AVL)) {
                crew.onRoad = crew.shift.patrols();
                crew.switchAt = ctx.now().plus(ctx.minutes(2, 10));
            }
        }
    }

    // --- the unit's part of an order ------------------------------------------------------------------

    /** The unit was dispatched (ASG) to the case at {@code at}. */
    void take(String unitId, String incidentId, CaseKind kind, GeoPoint at) {
        ctx.later(ctx.minutes(0.5, 3), () -> acknowledge(unitId, incidentId, kind, at));
    }

    private void acknowledge(String unitId, String incidentId, CaseKind kind, GeoPoint at) {
        FieldUnit u = ctx.situation().units().get(unitId);
        if (u != null && u.status() == UnitStatus.ASG && incidentId.equals(u.incidentId())
                && setUnit(unitId, UnitStatus.ACK)) {
            ctx.later(ctx.minutes(0.5, 2), () -> setOut(unitId, incidentId, kind, at));
        }
    }

    private void setOut(String unitId, String incidentId, CaseKind kind, GeoPoint at) {
        Crew crew = crews.get(unitId);
        if (setUnit(unitId, UnitStatus.ENR) && crew != null) {
            onTheWay(crew, incidentId, kind, at);
        }
    }

    private static void onTheWay(Crew crew, String incidentId, CaseKind kind, GeoPoint at) {
        crew.job = incidentId;
        crew.kind = kind;
        crew.target = at;
    }

    private void arrived(Crew crew) {
        String incidentId = crew.job;
        CaseKind kind = crew.kind;
        crew.target = null;
        if (!setUnit(crew.id, UnitStatus.ONS)) {
            crew.job = null;
            return;
        }
        work.onScene(incidentId);
        ctx.later(ctx.minutes(1, 4), () -> startWork(crew, incidentId, kind));
    }

    private void startWork(Crew crew, String incidentId, CaseKind kind) {
        if (!setUnit(crew.id, UnitStatus.WRK)) {
            crew.job = null;
            return;
        }
        ctx.later(ctx.minutes(kind.workMinMinutes(), kind.workMaxMinutes()), () -> report(crew, incidentId));
    }

    private void report(Crew crew, String incidentId) {
        if (!setUnit(crew.id, UnitStatus.RPT)) {
            crew.job = null;
            return;
        }
        work.reported(incidentId);
        ctx.later(ctx.minutes(2, 8), () -> goBack(crew));
    }

    private void goBack(Crew crew) {
        crew.job = null;
        if (setUnit(crew.id, UnitStatus.RET)) {
            crew.target = crew.shift.patrols() ? crew.rejoinPoint() : crew.home;
        }
    }

    private boolean setUnit(String unitId, UnitStatus to) {
        FieldUnit u = ctx.situation().units().get(unitId);
        return u != null && u.status().next().contains(to) && ctx.emit(new Event.UnitStatusChanged(unitId, to));
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /**
     * Carries on every unit from its status: a patrol goes on from where the unit stands, and a unit
     * on one of the simulator's cases takes up its order at the step it had reached, timed from the
     * case's last change. Off, free and returning units need nothing: their shift and ride go on.
     */
    void resume(Situation s) {
        for (Crew crew : crews.values()) {
            FieldUnit u = s.units().get(crew.id);
            if (u == null) {
                continue;
            }
            if (u.status() == UnitStatus.PAT) {
                crew.road = nearestRoad(u.at());
                crew.along = crew.road.project(u.at());
                crew.dir = ctx.coin() ? 1 : -1;
                crew.onRoad = false;
                crew.switchAt = ctx.now().plus(ctx.minutes(45, 120));
                continue;
            }
            Incident i = u.incidentId() == null ? null : s.incidents().get(u.incidentId());
            if (i == null || !SimContext.ours(Cases.PREFIX, i.id())) {
                continue;
            }
            CaseKind kind = Catalogue.caseKind(i.category(), i.title());
            switch (u.status()) {
                case ASG -> ctx.asOf(i.updatedAt(), () -> take(u.id(), i.id(), kind, i.at()));
                case ACK -> ctx.asOf(i.updatedAt(),
                        () -> ctx.later(ctx.minutes(0.5, 2), () -> setOut(u.id(), i.id(), kind, i.at())));
                case ENR -> onTheWay(crew, i.id(), kind, i.at());
                case ONS -> {
                    crew.job = i.id();
                    ctx.asOf(i.updatedAt(), () -> ctx.later(ctx.minutes(1, 4), () -> startWork(crew, i.id(), kind)));
                }
                case WRK -> {
                    crew.job = i.id();
                    ctx.asOf(i.updatedAt(), () -> ctx.later(ctx.minutes(kind.workMinMinutes(), kind.workMaxMinutes()),
                            () -> report(crew, i.id())));
                }
                case RPT -> {
                    crew.job = i.id();
                    ctx.asOf(i.updatedAt(), () -> ctx.later(ctx.minutes(2, 8), () -> goBack(crew)));
                }
                default -> {
                    // the shift and the ride go on by themselves
                }
            }
        }
    }
}
