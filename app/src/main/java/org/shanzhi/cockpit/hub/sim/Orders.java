package org.shanzhi.cockpit.hub.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;

/**
 * Orders (指令, docs/api.md "Order"): the simulated center issues them ({@link #issue}), and a simulated
 * unit answers every order it gets, from the center here or from a person at a seat through the hub,
 * as a person with a phone would. The unit's status follows the order (the fold), so a unit on an order
 * changes status only here. What follows each state, and after how long:
 *
 * <pre>
 * SENT       → DELIVERED   3–20 s           the phone receives it
 * DELIVERED  → ACCEPTED    20 s–3 min       a person reads and signs
 *            → ACCEPTED    2.5–6 min, 8 %   late: after the seat's 2-minute alert
 *            → DECLINED    20 s–2 min, 6 %  with a reason ({@link Catalogue#DECLINE_REASONS}); the center
 *                                           sends the next nearest free unit ({@link CaseWork#declined})
 * ACCEPTED   → EN_ROUTE    0.5–2 min        sets out, riding at the role's speed ({@link Crews#rideTo})
 * EN_ROUTE   → ON_SITE     on arrival
 * ON_SITE    → WORKING     1–4 min          the case goes IN_PROGRESS (the fold)
 * WORKING    → REPORTED    the case kind's work time, with its result ({@link Catalogue#orderResult}); the unit
 *                                           is free (the fold) and rides back ({@link Crews#backFrom}); the
 *                                           last report disposes of the case ({@link CaseWork#disposed})
 * </pre>
 *
 * A unit a person has taken over ({@link SimContext#peoples}) answers its orders itself, and one that is not
 * the scenario's has nobody to play it: their orders are left alone, as is an order someone else ended.
 */
final class Orders {

    static final String PREFIX = Ids.ORDER;

    /** What a unit's answer does to its case; the case lifecycle listens. */
    interface CaseWork {
        /** The unit's report was the case's last open order: the case is DISPOSED. */
        void disposed(String incidentId);

        /** The unit declined and the case waits for dispatch again. */
        void declined(String incidentId);
    }

    /** How often a unit declines, or accepts late; defaults are estimates [E]. */
    record Rates(double declineShare, double lateShare) {

        static Rates defaults() {
            return new Rates(0.06, 0.08);
        }
    }

    private final SimContext ctx;
    private final Rates rates;
    private final Crews crews;
    private final CaseWork work;
    /** The orders a step is scheduled for: each is answered once. */
    private final Set<String> answering = new HashSet<>();

    Orders(SimContext ctx, Rates rates, Crews crews, CaseWork work) {
        this.ctx = ctx;
        this.rates = rates;
        this.crews = crews;
        this.work = work;
    }

    /** Whether the simulator answers for this unit: one of the scenario's, not in a person's hands. */
    boolean answers(String unitId) {
        return crews.knows(unitId) && !ctx.peoples(unitId);
    }

    /** The simulated center sends the unit to the case with the task of its kind; false when the fold refuses. */
    boolean issue(Incident i, String unitId) {
        String id = ctx.nextId(PREFIX, ctx.situation().orders());
        if (!ctx.emit(new Event.OrderIssued(id, i.id(), unitId, Catalogue.orderTask(i.category(), i.title()), null,
                DispatchOrder.Issuer.CENTER, false))) {
            return false;
        }
        answering.add(id);
        after(id, OrderState.SENT);
        return true;
    }

    // --- the unit's answers ----------------------------------------------------------------------------

    /** Schedules the unit's next answer after {@code reached}: the table of the class comment. */
    private void after(String id, OrderState reached) {
        switch (reached) {
            case SENT -> ctx.later(ctx.seconds(3, 20), () -> advance(id, OrderState.DELIVERED, null, null));
            case DELIVERED -> {
                double x = ctx.uniform();
                if (x < rates.declineShare()) {
                    ctx.later(ctx.seconds(20, 120), () -> advance(id, OrderState.DECLINED,
                            ctx.pick(Catalogue.DECLINE_REASONS), null));
                } else if (x < rates.declineShare() + rates.lateShare()) {
                    ctx.later(ctx.minutes(2.5, 6), () -> advance(id, OrderState.ACCEPTED, null, null));
                } else {
                    ctx.later(ctx.seconds(20, 180), () -> advance(id, OrderState.ACCEPTED, null, null));
                }
            }
            case ACCEPTED -> ctx.later(ctx.minutes(0.5, 2), () -> advance(id, OrderState.EN_ROUTE, null, null));
            case EN_ROUTE -> {
                DispatchOrder o = ctx.situation().orders().get(id);
                crews.rideTo(o.unitId(), ctx.situation().incidents().get(o.incidentId()).at(),
                        () -> advance(id, OrderState.ON_SITE, null, null));
            }
            case ON_SITE -> ctx.later(ctx.minutes(1, 4), () -> advance(id, OrderState.WORKING, null, null));
            case WORKING -> {
                Incident i = incidentOf(id);
                CaseKind kind = Catalogue.caseKind(i.category(), i.title());
                ctx.later(ctx.minutes(kind.workMinMinutes(), kind.workMaxMinutes()), () -> advance(id,
                        OrderState.REPORTED, null, Catalogue.orderResult(i.category(), i.title())));
            }
            default -> answering.remove(id); // ended
        }
    }

    /** The unit answers {@code to}, unless the order went another way meanwhile or a person took the unit over. */
    private void advance(String id, OrderState to, String reason, String note) {
        DispatchOrder o = ctx.situation().orders().get(id);
        if (o == null || !o.state().next().contains(to) || !answers(o.unitId())) {
            answering.remove(id);
            return;
        }
        IncidentState before = incidentOf(id).state();
        if (!ctx.emit(new Event.OrderAdvanced(id, to, o.unitId(), reason, note, List.of()))) {
            answering.remove(id);
            return;
        }
        IncidentState now = incidentOf(id).state();
        if (to == OrderState.REPORTED) {
            crews.backFrom(o.unitId());
            if (now == IncidentState.DISPOSED && before != now) {
                work.disposed(o.incidentId());
            }
        } else if (to == OrderState.DECLINED && now == IncidentState.PENDING_DISPATCH && before != now) {
            work.declined(o.incidentId());
        }
        after(id, to);
    }

    private Incident incidentOf(String orderId) {
        return ctx.situation().incidents().get(ctx.situation().orders().get(orderId).incidentId());
    }

    // --- orders nobody answers yet ------------------------------------------------------------------------

    /**
     * Takes up every open order on a simulated unit that no step is scheduled for: on the first call, the
     * orders in progress when the simulator started (its own and people's, each at its step, timed from
     * that step); then, every tick, an order a person sent through the hub.
     */
    void takeUp(Situation s) {
        for (FieldUnit u : s.units().values()) {
            Incident i = u.incidentId() == null ? null : s.incidents().get(u.incidentId());
            if (i == null || i.orderIds().isEmpty()) {
                continue;
            }
            DispatchOrder o = openOrder(s, i, u.id());
            if (o == null || answering.contains(o.id()) || !answers(u.id())) {
                continue;
            }
            answering.add(o.id());
            ctx.asOf(o.updatedAt(), () -> after(o.id(), o.state()));
        }
    }

    private static DispatchOrder openOrder(Situation s, Incident i, String unitId) {
        for (String id : i.orderIds()) {
            DispatchOrder o = s.orders().get(id);
            if (o.open() && o.unitId().equals(unitId)) {
                return o;
            }
        }
        return null;
    }
}
