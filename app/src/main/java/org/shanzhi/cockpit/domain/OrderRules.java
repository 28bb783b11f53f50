package org.shanzhi.cockpit.domain;

import java.util.List;
import java.util.Locale;

import org.shanzhi.cockpit.domain.Event.*;

import static org.shanzhi.cockpit.domain.FoldChecks.check;
import static org.shanzhi.cockpit.domain.FoldChecks.require;
import static org.shanzhi.cockpit.domain.FoldChecks.requireId;
import static org.shanzhi.cockpit.domain.FoldChecks.requireText;

/** The fold's rules for dispatch: a unit sent to a case, orders and their loop, the unit's state that follows, 批示. */
final class OrderRules {

    private OrderRules() {
    }

    static void incidentDispatched(Fold f, IncidentDispatched x) {
        Incident i = require(f.incidents, x.incidentId(), "incidentId", "incident");
        FieldUnit u = require(f.units, x.unitId(), "unitId", "unit");
        check("incidentId", IncidentState.DISPATCHED, i.state(), i.state().next());
        if (!u.status().dispatchable()) {
            throw new Rejection("unitId", "unit " + u.id() + " is " + u.status() + " (" + u.status().zh
                    + "), not free for an order");
        }
        f.incidents = f.incidents.plus(i.id(), i.assigned(u.id(), f.at));
        f.units = f.units.plus(u.id(), u.withStatus(UnitStatus.ASG, i.id()));
    }

    static void orderIssued(Fold f, OrderIssued x) {
        requireId(x.orderId(), "orderId", f.orders);
        Incident i = require(f.incidents, x.incidentId(), "incidentId", "incident");
        if (!i.open()) {
            throw new Rejection("incidentId", "case " + i.id() + " is " + i.state().zh + ": no more orders");
        }
        FieldUnit u = require(f.units, x.unitId(), "unitId", "unit");
        requireText(x.task(), "task");
        if (x.issuer() == null) {
            throw new Rejection("issuer", "issuer is required: CENTER or DISTRICT");
        }
        DispatchOrder held = openOrderOf(f, u);
        if (held != null && held.incidentId().equals(i.id())) {
            throw new Rejection("unitId", "unit " + u.id() + " already has order " + held.id() + " on this case");
        }
        if (!x.override() && (!u.status().dispatchable() || u.sos())) {
            throw new Rejection("unitId", "unit " + u.id() + " is " + (u.sos() ? "in SOS" : u.status().zh)
                    + ", not free for an order; a leader may override");
        }
        if (held != null) {
            // a leader takes a busy unit off its order: that order ends, its case may need another unit
            end(f, held, OrderState.CANCELLED, "override", "改调他处");
        }
        Incident.Severity priority = x.priority() != null ? x.priority() : i.severity();
        DispatchOrder o = new DispatchOrder(x.orderId(), i.id(), u.id(), x.task(), priority, x.issuer(), OrderState.SENT, f.at, f.at,
                x.override(), null, null, List.of(), List.of(new DispatchOrder.Step(OrderState.SENT, f.at,
                        x.issuer().name().toLowerCase(Locale.ROOT))));
        f.orders = f.orders.plus(o.id(), o);
        DrillRules.mark(f, "orders", o.id(), DrillThing.key("incidents", i.id()));
        i = f.incidents.get(i.id()).withOrder(o.id());
        // an order on a case waiting for a unit dispatches it (a registered case is dispatched f.at once)
        if (i.state() == IncidentState.PENDING_DISPATCH || i.state() == IncidentState.REGISTERED) {
            i = i.assigned(u.id(), f.at);
        }
        f.incidents = f.incidents.plus(i.id(), i);
        f.units = f.units.plus(u.id(), f.units.get(u.id()).withStatus(UnitStatus.ASG, i.id()));
    }

    static void orderAdvanced(Fold f, OrderAdvanced x) {
        DispatchOrder o = require(f.orders, x.orderId(), "orderId", "order");
        check("state", x.state(), o.state(), o.state().next());
        requireText(x.by(), "by");
        if (x.state() == OrderState.DECLINED) {
            requireText(x.reason(), "reason");
        }
        if (x.state() == OrderState.REPORTED) {
            requireText(x.note(), "note");
        }
        if (x.state().terminal() && x.state() != OrderState.REPORTED) {
            end(f, o, x.state(), x.by(), x.reason());
            return;
        }
        FieldUnit u = f.units.get(o.unitId());
        UnitStatus unitTo = x.state().unitStatus();
        if (unitTo != null && u.status() != unitTo) {
            if (!u.status().next().contains(unitTo)) {
                throw new Rejection("state", "unit " + u.id() + " is " + u.status() + " (" + u.status().zh
                        + "), it cannot go " + unitTo + " (" + unitTo.zh + ")");
            }
            f.units = f.units.plus(u.id(), u.withStatus(unitTo, o.incidentId()));
        }
        f.orders = f.orders.plus(o.id(), o.moved(x.state(), f.at, x.by(), x.reason(), x.note(), x.photos()));
        Incident i = f.incidents.get(o.incidentId());
        if (x.state() == OrderState.WORKING
                && (i.state() == IncidentState.DISPATCHED || i.state() == IncidentState.REWORK)) {
            f.incidents = f.incidents.plus(i.id(), i.moved(IncidentState.IN_PROGRESS, f.at));
        }
        if (x.state() == OrderState.REPORTED) {
            f.units = f.units.plus(u.id(), u.withStatus(UnitStatus.AVL, null));
            // the last unit to report finishes the case's 处置
            if (i.state() == IncidentState.IN_PROGRESS && openOrdersOn(f, i) == 0) {
                f.incidents = f.incidents.plus(i.id(), i.moved(IncidentState.DISPOSED, f.at));
            }
        }
    }

    /** An order ends before its report: the unit is free again, and a case left with no unit waits again. */
    private static void end(Fold f, DispatchOrder o, OrderState to, String by, String reason) {
        f.orders = f.orders.plus(o.id(), o.moved(to, f.at, by, reason, null, null));
        FieldUnit u = f.units.get(o.unitId());
        if (o.incidentId().equals(u.incidentId())) {
            f.units = f.units.plus(u.id(), u.withStatus(UnitStatus.AVL, null));
        }
        Incident i = f.incidents.get(o.incidentId());
        if (i.state() == IncidentState.DISPATCHED && openOrdersOn(f, i) == 0) {
            f.incidents = f.incidents.plus(i.id(), i.returnedToDispatch(f.at));
        }
    }

    static void instructionIssued(Fold f, InstructionIssued x) {
        requireId(x.instructionId(), "instructionId", f.instructions);
        if (x.incidentId() != null) {
            require(f.incidents, x.incidentId(), "incidentId", "incident");
        }
        if (x.issuer() == null) {
            throw new Rejection("issuer", "issuer is required: CENTER or DISTRICT");
        }
        requireText(x.text(), "text");
        f.instructions = f.instructions.plus(x.instructionId(),
                new Instruction(x.instructionId(), x.incidentId(), x.issuer(), x.text(), f.at));
        DrillRules.mark(f, "instructions", x.instructionId(), x.incidentId() == null ? null : DrillThing.key("incidents", x.incidentId()));
    }

    /** The open order a unit is on, found through its case (a unit holds at most one). */
    static DispatchOrder openOrderOf(Fold f, FieldUnit u) {
        Incident i = u.incidentId() == null ? null : f.incidents.get(u.incidentId());
        if (i == null) {
            return null;
        }
        for (String id : i.orderIds()) {
            DispatchOrder o = f.orders.get(id);
            if (o.open() && o.unitId().equals(u.id())) {
                return o;
            }
        }
        return null;
    }

    private static int openOrdersOn(Fold f, Incident i) {
        int n = 0;
        for (String id : i.orderIds()) {
            if (f.orders.get(id).open()) {
                n++;
            }
        }
        return n;
    }
}
