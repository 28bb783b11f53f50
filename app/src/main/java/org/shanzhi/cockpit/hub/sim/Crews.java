package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;

/**
 * Field units (单兵, DOMAIN.md §5) through their day: on and off shift, patrolling a road, and riding to
 * a case and back. Every {@link Rates#movePeriod} each unit moves or changes status; its part of an
 * order (ASG → ACK → ENR → ONS → WRK, then free) follows the order's steps, which {@link Orders} answers.
 * What follows each status, and after how long:
 *
 * <pre>
 * OFF  → AVL   at the shift's start ({@link Catalogue#shift})
 * AVL  → PAT   1–15 min into the shift, 10–30 min after a patrol, 2–10 min after an order (roles that patrol)
 * AVL  → OFF   at the shift's end; a grid worker not while called out (应急响应, {@link #calledOutWhile})
 * PAT  → AVL   after 45–120 min on the road, or at the shift's end
 * ENR          rides straight to the case at its role's speed ({@link Catalogue#shift}, {@link #rideTo})
 * AVL          after its report, rides back to its road, or home, before anything else ({@link #backFrom})
 * any          standing at work (not off or away, patrolling or riding): its phone reports where it stands every
 *              {@link #REPORT_EVERY}, as a handset does, so the seats never see its position grow stale
 * </pre>
 *
 * In the lived month ({@link History}) the units keep no shifts and do not move: each is at work where it stands,
 * answers its orders there after the ride's time, and is off again when the day begins.
 *
 * A unit a person has taken over ({@link SimContext#peoples}) is left alone: its phone moves it.
 */
final class Crews {

    /** How often a standing unit's phone reports its position (the seats grey a position after 5 min). */
    static final Duration REPORT_EVERY = Duration.ofMinutes(4);

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
        /** What arriving at {@code target} on an order does; null when riding back. */
        Runnable arrival;
        boolean returning;

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
    private final List<Patrol> roads;
    private final Map<String, Crew> crews = new LinkedHashMap<>();
    /** 应急响应: while this says so, the grid workers stay on shift whatever their hours. */
    private BooleanSupplier calledOut = () -> false;

    Crews(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
        this.roads = ctx.scenario().roads().stream().map(Patrol::new).toList();
        for (FieldUnit u : ctx.scenario().units()) {
            crews.put(u.id(), new Crew(u, Catalogue.shift(u.role(), ctx.nextInt(21))));
        }
    }

    /** The grid workers are called out (应急响应) while {@code when} says so. */
    void calledOutWhile(BooleanSupplier when) {
        this.calledOut = when;
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
        boolean emergency = calledOut.getAsBoolean();
        for (Crew crew : crews.values()) {
            FieldUnit u = ctx.situation().units().get(crew.id);
            if (u == null) {
                continue;
            }
            if (ctx.peoples(crew.id)) {
                continue;
            }
            UnitStatus s = u.status();
            if (ctx.lean()) {
                if (s == UnitStatus.OFF) {
                    setUnit(crew.id, UnitStatus.AVL);
                }
                continue;
            }
            boolean onShift = crew.shift.on(minute) || (u.role() == FieldUnit.Role.GRID_WORKER && emergency);
            if (standing(crew, s) && u.positionAt() != null
                    && Duration.between(u.positionAt(), now).compareTo(REPORT_EVERY) >= 0) {
                ctx.emit(new Event.UnitMoved(crew.id, u.at(), u.heading()));
            }
            if (s == UnitStatus.ENR && crew.arrival != null) {
                ride(crew, u, step);
                continue;
            }
            if (crew.arrival != null) {
                crew.arrival = null; // someone took the unit off its order through the hub: back it goes
                crew.returning = s == UnitStatus.AVL;
                crew.target = crew.returning ? crew.rejoinPoint() : null;
            }
            if (crew.returning) {
                if (s == UnitStatus.AVL) {
                    ride(crew, u, step);
                    continue;
                }
                crew.returning = false; // sent somewhere else on the way
                crew.target = null;
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

    /** At work and not moving this period: neither off or away, nor on patrol, nor riding to a case or back. */
    private static boolean standing(Crew crew, UnitStatus s) {
        return s != UnitStatus.OFF && s != UnitStatus.UNA && s != UnitStatus.PAT && s != UnitStatus.ENR
                && !crew.returning;
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

    /** Rides straight to the case (on an order) or back from it. */
    private void ride(Crew crew, FieldUnit u, double seconds) {
        GeoPoint next = Geo.toward(u.at(), crew.target, crew.shift.rideSpeed() * seconds);
        ctx.emit(new Event.UnitMoved(crew.id, next, Geo.heading(u.at(), next)));
        if (!next.equals(crew.target)) {
            return;
        }
        crew.target = null;
        if (crew.arrival != null) {
            Runnable arrival = crew.arrival;
            crew.arrival = null;
            arrival.run();
        } else {
            crew.returning = false;
            crew.onRoad = crew.shift.patrols();
            crew.switchAt = ctx.now().plus(ctx.minutes(2, 10));
        }
    }

    /** Whether the unit is one of the scenario's, played by the simulator. */
    boolean knows(String unitId) {
        return crews.containsKey(unitId);
    }

    // --- riding for an order ----------------------------------------------------------------------------

    /** The unit sets out (ENR) for {@code at}; {@code arrival} runs when it gets there. */
    void rideTo(String unitId, GeoPoint at, Runnable arrival) {
        Crew crew = crews.get(unitId);
        if (crew != null && ctx.lean()) {
            // the lived month: there after the ride's time, without the positions on the way
            FieldUnit u = ctx.situation().units().get(unitId);
            ctx.later(Duration.ofSeconds((long) (u.at().metresTo(at) / crew.shift.rideSpeed())), arrival);
        } else if (crew != null) {
            crew.target = at;
            crew.arrival = arrival;
            crew.returning = false;
        }
    }

    /** The unit reported and is free: it rides back to its road, or home. */
    void backFrom(String unitId) {
        Crew crew = crews.get(unitId);
        if (crew != null && !ctx.lean()) {
            crew.arrival = null;
            crew.returning = true;
            crew.target = crew.shift.patrols() ? crew.rejoinPoint() : crew.home;
        }
    }

    private boolean setUnit(String unitId, UnitStatus to) {
        FieldUnit u = ctx.situation().units().get(unitId);
        return u != null && u.status().next().contains(to) && ctx.emit(new Event.UnitStatusChanged(unitId, to));
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /**
     * Carries on every unit from its status: a patrol goes on from where the unit stands, and a free unit
     * that does not patrol rides home from where an order left it. A unit on an order is the order's
     * ({@link Orders#takeUp}); off and free units need nothing: their shift goes on.
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
            } else if (u.status() == UnitStatus.AVL && !crew.shift.patrols() && !u.at().equals(crew.home)) {
                crew.returning = true;
                crew.target = crew.home;
            }
        }
    }
}
