package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit.Role;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;

/**
 * Cases (数字城管 案卷, DOMAIN.md §1.2) through the closed loop, whoever opened them: an accepted AI
 * alert, a grid worker on patrol ({@link #patrolFindings}), a sensor, the storm. What follows each
 * state, and after how long:
 *
 * <pre>
 * REPORTED          → REGISTERED         1–5 min    立案
 * REGISTERED        → PENDING_DISPATCH   1–4 min
 * PENDING_DISPATCH  → DISPATCHED         1–5 min, an order ({@link Orders#issue}) to the nearest free unit of the
 *                                        kind's roles (from the 4th try grid workers and 城管 too), none that
 *                                        declined it; none free: again every 3 min, 60 times; after a
 *                                        decline, 0.5–2 min
 * DISPATCHED        → IN_PROGRESS        when the unit starts work        ({@link Orders}: the unit's answers)
 * IN_PROGRESS       → DISPOSED           when the unit reports; after a 返工, 30–90 min
 * DISPOSED          → CHECKING           10–60 min  核查 by video or the reporting 监督员
 * CHECKING          → CLOSED, or REWORK (8 %, once)  5–40 min
 * REWORK            → IN_PROGRESS        5–20 min
 * </pre>
 */
final class Cases implements Orders.CaseWork {

    static final String PREFIX = Ids.INCIDENT;
    private static final int DISPATCH_TRIES = 60;

    /** Rates of the cases the simulator finds itself; defaults are DOMAIN.md estimates [E]. */
    record Rates(
            /* grid-worker patrol findings per day (§4.2) */
            double patrolFindingsPerDay) {

        static Rates defaults() {
            return new Rates(1.3);
        }
    }

    /** What a case needs beyond the situation: its kind (who handles it, how long) and the unit that found it. */
    private record Plan(CaseKind kind, String preferredUnit) {
    }

    private final SimContext ctx;
    private final Rates rates;
    private final Map<String, Plan> plans = new HashMap<>();
    private final Set<String> reworked = new HashSet<>();
    private Orders orders;

    Cases(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
    }

    /** Where this lifecycle's orders go (their answers come back through {@link Orders.CaseWork}). */
    void dispatchTo(Orders orders) {
        this.orders = orders;
    }

    /** One tick of the working day (08–18): a grid worker on patrol reports what he found. */
    void patrolFindings() {
        int hour = ctx.local().getHour();
        if (hour < 8 || hour >= 18
                || !ctx.chance(rates.patrolFindingsPerDay() * ctx.workday(0.6) / (10 * 360.0))) {
            return;
        }
        // in the lived month nobody patrols (no positions): a grid worker at work reports where he stands
        UnitStatus out = ctx.lean() ? UnitStatus.AVL : UnitStatus.PAT;
        List<FieldUnit> patrolling = new ArrayList<>();
        for (FieldUnit u : ctx.situation().units().values()) {
            if (u.role() == Role.GRID_WORKER && u.status() == out) {
                patrolling.add(u);
            }
        }
        if (patrolling.isEmpty()) {
            return;
        }
        FieldUnit reporter = ctx.any(patrolling);
        CaseKind kind = ctx.pick(Catalogue.PATROL_FINDINGS);
        open(kind, Incident.Source.GRID_WORKER, IncidentState.REGISTERED, ctx.near(reporter.at(), 15), null,
                kind.roles().contains(Role.GRID_WORKER) ? reporter.id() : null);
    }

    /** Opens a case (REPORTED, or REGISTERED from a trusted source) and starts its loop. Returns its id, or null. */
    String open(CaseKind kind, Incident.Source source, IncidentState initial, GeoPoint at, String alertId,
                String preferredUnit) {
        String id = ctx.nextId(PREFIX, ctx.situation().incidents());
        if (!ctx.emit(new Event.IncidentOpened(id, kind.title(), kind.category(), source, kind.severity(), initial,
                at, kind.limit().from(ctx.now()), alertId))) {
            return null;
        }
        plans.put(id, new Plan(kind, preferredUnit));
        after(id, initial);
        return id;
    }

    // --- the lifecycle ---------------------------------------------------------------------------------

    /** Schedules what follows {@code reached}: the table of the class comment. */
    private void after(String id, IncidentState reached) {
        switch (reached) {
            case REPORTED -> ctx.later(ctx.minutes(1, 5), () -> advance(id, IncidentState.REGISTERED));
            case REGISTERED -> ctx.later(ctx.minutes(1, 4), () -> advance(id, IncidentState.PENDING_DISPATCH));
            case PENDING_DISPATCH -> ctx.later(ctx.minutes(1, 5), () -> dispatch(id, 0));
            case IN_PROGRESS -> {
                if (reworked.contains(id)) {
                    ctx.later(ctx.minutes(30, 90), () -> advance(id, IncidentState.DISPOSED));
                } // else the unit on scene works and reports
            }
            case DISPOSED -> ctx.later(ctx.minutes(10, 60), () -> advance(id, IncidentState.CHECKING));
            case CHECKING -> ctx.later(ctx.minutes(5, 40), () -> checked(id));
            case REWORK -> ctx.later(ctx.minutes(5, 20), () -> advance(id, IncidentState.IN_PROGRESS));
            default -> {
                // DISPATCHED: the unit's part; CLOSED ends it; the rest (核实, 调整, 延期, 非正常结案) are people's
            }
        }
    }

    private void dispatch(String id, int attempt) {
        Incident i = ctx.situation().incidents().get(id);
        if (i == null || i.state() != IncidentState.PENDING_DISPATCH) {
            return;
        }
        Plan plan = plans.get(id);
        FieldUnit unit = null;
        Set<String> declined = declinedBy(i);
        if (plan.preferredUnit() != null) {
            FieldUnit u = ctx.situation().units().get(plan.preferredUnit());
            if (u != null && free(u, declined)) {
                unit = u;
            }
        }
        List<Role> roles = new ArrayList<>(plan.kind().roles());
        if (attempt >= 3) {
            roles.add(Role.GRID_WORKER);
            roles.add(Role.ENFORCEMENT);
        }
        for (int r = 0; unit == null && r < roles.size(); r++) {
            unit = nearestFree(roles.get(r), i.at(), declined);
        }
        if (unit == null) {
            if (attempt < DISPATCH_TRIES) {
                ctx.later(Duration.ofMinutes(3), () -> dispatch(id, attempt + 1));
            }
            return;
        }
        orders.issue(i, unit.id());
    }

    /** The units that declined an order on the case: not asked again. */
    private Set<String> declinedBy(Incident i) {
        Set<String> units = new HashSet<>();
        for (String orderId : i.orderIds()) {
            DispatchOrder o = ctx.situation().orders().get(orderId);
            if (o.state() == OrderState.DECLINED) {
                units.add(o.unitId());
            }
        }
        return units;
    }

    /** Free for the simulated center: dispatchable, one the simulator plays (not a person's), not one that declined. */
    private boolean free(FieldUnit u, Set<String> declined) {
        return u.status().dispatchable() && !u.sos() && !declined.contains(u.id()) && orders.answers(u.id());
    }

    private FieldUnit nearestFree(Role role, GeoPoint at, Set<String> declined) {
        FieldUnit best = null;
        double bestD = Double.MAX_VALUE;
        for (FieldUnit u : ctx.situation().units().values()) {
            if (u.role() == role && free(u, declined)) {
                double d = u.at().metresTo(at);
                if (d < bestD) {
                    bestD = d;
                    best = u;
                }
            }
        }
        return best;
    }

    /** 核查 done: 结案, or once in a while 返工 (§1.2); a case reworked once is closed. */
    private void checked(String id) {
        if (!reworked.contains(id) && ctx.chance(0.08)) {
            reworked.add(id);
            advance(id, IncidentState.REWORK);
        } else {
            advance(id, IncidentState.CLOSED);
        }
    }

    private boolean advance(String id, IncidentState to) {
        Incident i = ctx.situation().incidents().get(id);
        if (i == null || !i.state().next().contains(to) || !ctx.emit(new Event.IncidentAdvanced(id, to, null))) {
            return false;
        }
        if (to.terminal()) {
            plans.remove(id);
            reworked.remove(id);
        }
        after(id, to);
        return true;
    }

    // --- what the unit's answers do to the case --------------------------------------------------------

    @Override
    public void disposed(String incidentId) {
        if (plans.containsKey(incidentId)) {
            after(incidentId, IncidentState.DISPOSED);
        }
    }

    @Override
    public void declined(String incidentId) {
        if (plans.containsKey(incidentId)) {
            ctx.later(ctx.minutes(0.5, 2), () -> dispatch(incidentId, 0));
        }
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /**
     * Carries on every open case the simulator opened, from when it reached its state. A case with an
     * open order on it is its unit's to carry on ({@link Orders#takeUp}); one in progress with no order
     * open is past a 返工 and disposed of by itself.
     */
    void resume(Situation s) {
        for (Incident i : s.incidents().values()) {
            if (!i.open() || !SimContext.ours(PREFIX, i.id())) {
                continue;
            }
            plans.put(i.id(), new Plan(Catalogue.caseKind(i.category(), i.title()), null));
            boolean unitOnIt = i.orderIds().stream().anyMatch(o -> s.orders().get(o).open());
            switch (i.state()) {
                case REPORTED, REGISTERED, PENDING_DISPATCH, DISPOSED, CHECKING ->
                        ctx.asOf(i.updatedAt(), () -> after(i.id(), i.state()));
                case REWORK -> {
                    reworked.add(i.id());
                    ctx.asOf(i.updatedAt(), () -> after(i.id(), i.state()));
                }
                case IN_PROGRESS -> {
                    if (!unitOnIt) {
                        reworked.add(i.id());
                        ctx.asOf(i.updatedAt(), () -> after(i.id(), i.state()));
                    }
                }
                default -> {
                    // DISPATCHED: its unit's; the states the simulator never enters are people's
                }
            }
        }
    }
}
