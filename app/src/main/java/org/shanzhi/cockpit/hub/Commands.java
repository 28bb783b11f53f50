package org.shanzhi.cockpit.hub;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.Whistle;

/**
 * What people do, as request bodies, and the events each becomes. Lifecycle rules are the fold's:
 * a command that breaks them is refused by {@link Hub#append} with the reason.
 */
final class Commands {

    private Commands() {
    }

    record OpenIncident(String title, String category, Incident.Severity severity, GeoPoint at,
                        Incident.Source source) {
    }

    record AdvanceIncident(IncidentState state, String note) {
    }

    record Dispatch(String unitId) {
    }

    record Close(String note) {
    }

    record ReviewAlert(AiAlert.Review decision, String mergedInto, String incidentId, AiAlert.FalseAlarm falseAlarm,
                       String title, Incident.Severity severity) {
    }

    record ChangeUnitStatus(UnitStatus status) {
    }

    record AdvanceComplaint(ComplaintState state) {
    }

    static List<Event> open(Situation s, OpenIncident c) {
        if (c.at() == null) {
            throw new BadRequest("at", "at {lon, lat} is required");
        }
        Incident.Source source = c.source() == null ? Incident.Source.LEADER : c.source();
        return List.of(new Event.IncidentOpened(Ids.incidentOpenedBy(s), c.title(), c.category(), source, c.severity(),
                IncidentState.REGISTERED, c.at(), null, null));
    }

    /** A case moves on through the 数字城管 flow; closing it is the leader's {@link #close}. */
    static List<Event> advance(String incidentId, AdvanceIncident c) {
        if (c.state() != null && c.state().terminal() && c.state() != IncidentState.INVALID) {
            throw new BadRequest(403, "state", "closing a case is the leader's: POST …/close");
        }
        return List.of(new Event.IncidentAdvanced(incidentId, c.state(), c.note()));
    }

    /** Every dispatch is an order with the default task, issued by the street's seat. */
    static List<Event> dispatch(Situation s, String incidentId, Role role, Dispatch c) {
        return issue(s, incidentId, role, new IssueOrder(c.unitId(), null, null, null));
    }

    // --- orders (同屏指挥) ---------------------------------------------------------------------------

    record IssueOrder(String unitId, String task, Incident.Severity priority, Boolean override) {
    }

    record AdvanceOrder(OrderState state, String reason, String note, List<String> photos) {
    }

    record Reassign(String unitId, String task, Boolean override) {
    }

    record IssueInstruction(String incidentId, String text) {
    }

    record ReportPosition(GeoPoint at, Double heading) {
    }

    /** What a unit answers on its own order; a seat only takes an order back. */
    static final Set<OrderState> UNIT_STATES = EnumSet.of(OrderState.DELIVERED, OrderState.ACCEPTED,
            OrderState.DECLINED, OrderState.EN_ROUTE, OrderState.ON_SITE, OrderState.WORKING, OrderState.REPORTED);
    /** What a seat does to an order: take it back (撤回), or send it again (重发) while the phone has not confirmed it. */
    static final Set<OrderState> SEAT_STATES = EnumSet.of(OrderState.CANCELLED, OrderState.SENT);

    /** A seat sends a unit to a case: {@code ZL-<seq>}, with the default task, the case's severity unless given. */
    static List<Event> issue(Situation s, String incidentId, Role role, IssueOrder c) {
        if (c.unitId() == null) {
            throw new BadRequest("unitId", "unitId is required");
        }
        boolean override = overrides(role, c.override());
        String task = c.task() != null ? c.task() : defaultTask(s.incidents().get(incidentId));
        return List.of(new Event.OrderIssued(Ids.orderIssuedBy(s, 0), incidentId, c.unitId(), task, c.priority(),
                issuer(role), override));
    }

    /**
     * An order moves on: a unit answers its own order ({@code unit}: the unit whose token asks, null
     * for a seat), a seat may only take it back (CANCELLED); photos must have been uploaded first.
     */
    static List<Event> advanceOrder(Situation s, String orderId, Role role, String unit, AdvanceOrder c,
                                    Predicate<String> photoStored) {
        if (c.state() == null) {
            throw new BadRequest("state", "state is required");
        }
        DispatchOrder o = s.orders().get(orderId);
        String by;
        if (role == Role.FIELD_UNIT) {
            requireOwn(unit, o.unitId(), "id");
            if (!UNIT_STATES.contains(c.state())) {
                throw new BadRequest(403, "state", "a unit answers its order with " + UNIT_STATES + ", not " + c.state());
            }
            by = unit;
        } else {
            if (!SEAT_STATES.contains(c.state())) {
                throw new BadRequest(403, "state", "a seat takes an order back (CANCELLED), sends it again (SENT) or"
                        + " reassigns it (POST …/reassign); the other steps are the unit's");
            }
            by = seat(role);
        }
        List<String> photos = c.photos() == null ? List.of() : c.photos();
        for (int i = 0; i < photos.size(); i++) {
            if (!photoStored.test(photos.get(i))) {
                throw new BadRequest(422, "photos[" + i + "]", "no photo " + photos.get(i) + " was uploaded"
                        + " (POST /api/v1/photos first)");
            }
        }
        return List.of(new Event.OrderAdvanced(orderId, c.state(), by, c.reason(), c.note(), photos));
    }

    /** The order ends as REASSIGNED and a new one sends another unit, in one batch. */
    static List<Event> reassign(Situation s, String orderId, Role role, Reassign c) {
        if (c.unitId() == null) {
            throw new BadRequest("unitId", "unitId is required");
        }
        DispatchOrder o = s.orders().get(orderId);
        if (c.unitId().equals(o.unitId())) {
            throw new BadRequest(422, "unitId", "order " + orderId + " is already unit " + o.unitId() + "'s");
        }
        boolean override = overrides(role, c.override());
        return List.of(new Event.OrderAdvanced(orderId, OrderState.REASSIGNED, seat(role), null, null, List.of()),
                new Event.OrderIssued(Ids.orderIssuedBy(s, 1), o.incidentId(), c.unitId(),
                        c.task() != null ? c.task() : o.task(), o.priority(), issuer(role), override));
    }

    /** A 批示 from the leader (the street's) or the district seat: {@code PS-<seq>}. */
    static List<Event> instruct(Situation s, Role role, IssueInstruction c) {
        return List.of(new Event.InstructionIssued(Ids.instructionIssuedBy(s), c.incidentId(), issuer(role), c.text()));
    }

    /** A unit's position: its own token for itself, or a seat for any unit; the heading kept unless given. */
    static List<Event> position(Situation s, String unitId, Role role, String unit, ReportPosition c) {
        if (role == Role.FIELD_UNIT) {
            requireOwn(unit, unitId, "id");
        }
        if (c.at() == null) {
            throw new BadRequest("at", "at {lon, lat} is required");
        }
        double heading = c.heading() != null ? c.heading() : s.units().get(unitId).heading();
        return List.of(new Event.UnitMoved(unitId, c.at(), heading));
    }

    /** Only a unit's own token acts for it; the shared field-unit token does not act for any unit. */
    static void requireOwn(String unit, String unitId, String field) {
        if (unit == null) {
            throw notAUnitsToken();
        }
        if (!unit.equals(unitId)) {
            throw new BadRequest(403, field, "this token is unit " + unit + "'s; this is unit " + unitId + "'s");
        }
    }

    /** The refusal of the shared field-unit token where only a unit's own may act. */
    static BadRequest notAUnitsToken() {
        return new BadRequest(403, "token", "this needs a unit's own token (a leader issues it: POST"
                + " /api/v1/units/{id}/credential); the shared field-unit token speaks for no unit");
    }

    static String defaultTask(Incident i) {
        return "前往处置：" + i.title();
    }

    private static boolean overrides(Role role, Boolean override) {
        if (Boolean.TRUE.equals(override) && role != Role.LEADER && role != Role.DISTRICT) {
            throw new BadRequest(403, "override", "only a leader or the district seat may send a unit that is not free");
        }
        return Boolean.TRUE.equals(override);
    }

    private static DispatchOrder.Issuer issuer(Role role) {
        return role == Role.DISTRICT ? DispatchOrder.Issuer.DISTRICT : DispatchOrder.Issuer.CENTER;
    }

    /** Who a seat's step is recorded as: {@code center} or {@code district}, as the fold names the issuer. */
    private static String seat(Role role) {
        return issuer(role).name().toLowerCase(Locale.ROOT);
    }

    // --- 吹哨报到 ---------------------------------------------------------------------------------

    /** Departments one whistle may summon. */
    static final int MAX_DEPARTMENTS = 20;

    record BlowWhistle(Whistle.Kind kind, String reason, List<String> departments) {
    }

    record WhistleArrival(String department) {
    }

    /** The street summons departments to a case: {@code CS-<seq>}, a demand (吹哨) unless another kind is given. */
    static List<Event> whistle(Situation s, String incidentId, BlowWhistle c) {
        if (c.reason() == null || c.reason().isBlank()) {
            throw new BadRequest("reason", "reason is required: why the departments are summoned");
        }
        if (c.departments() == null || c.departments().isEmpty()) {
            throw new BadRequest("departments", "departments is required: at least one department to summon");
        }
        if (c.departments().size() > MAX_DEPARTMENTS) {
            throw new BadRequest("departments", "a whistle summons at most " + MAX_DEPARTMENTS + " departments");
        }
        for (int i = 0; i < c.departments().size(); i++) {
            String d = c.departments().get(i);
            if (d == null || d.isBlank()) {
                throw new BadRequest("departments[" + i + "]", "a department needs its name");
            }
            if (c.departments().indexOf(d) < i) {
                throw new BadRequest("departments[" + i + "]", d + " is summoned twice");
            }
        }
        if (s.incidents().get(incidentId).state().terminal()) {
            throw new BadRequest(422, "id", "case " + incidentId + " is closed");
        }
        Whistle.Kind kind = c.kind() == null ? Whistle.Kind.DEMAND : c.kind();
        return List.of(new Event.WhistleBlown(Ids.whistleBlownBy(s), kind, c.reason(), c.departments(), incidentId));
    }

    /** The seat records that a summoned department has reported on site (报到). */
    static List<Event> arrived(String whistleId, WhistleArrival c) {
        if (c.department() == null || c.department().isBlank()) {
            throw new BadRequest("department", "department is required: who reported on site");
        }
        return List.of(new Event.WhistleArrived(whistleId, c.department()));
    }

    /** Closing is the last step of either ending: a checked case, or an approved abnormal close. */
    static List<Event> close(Situation s, String incidentId, Close c) {
        Incident i = s.incidents().get(incidentId);
        IncidentState to = i.state() == IncidentState.ABNORMAL_CLOSE_REQUESTED
                ? IncidentState.CLOSED_ABNORMAL : IncidentState.CLOSED;
        return List.of(new Event.IncidentAdvanced(incidentId, to, c == null ? null : c.note()));
    }

    static List<Event> unitStatus(String unitId, ChangeUnitStatus c) {
        return List.of(new Event.UnitStatusChanged(unitId, c.status()));
    }

    static List<Event> advance(String orderNo, AdvanceComplaint c) {
        return List.of(new Event.ComplaintAdvanced(orderNo, c.state()));
    }

    record RevisitComplaint(Boolean responded, Complaint.Resolution resolved, Complaint.Satisfaction satisfaction) {
    }

    record LinkComplaint(String orderNo) {
    }

    /** The 回访 of a 办结 12345 order: what the caller said; it counts in the 三率. */
    static List<Event> revisit(String orderNo, RevisitComplaint c) {
        if (c.responded() == null) {
            throw new BadRequest("responded", "responded is required: whether the caller was contacted in time");
        }
        if (c.resolved() == null) {
            throw new BadRequest("resolved", "resolved is required: " + List.of(Complaint.Resolution.values()));
        }
        if (c.satisfaction() == null) {
            throw new BadRequest("satisfaction", "satisfaction is required: " + List.of(Complaint.Satisfaction.values()));
        }
        return List.of(new Event.ComplaintRevisited(orderNo, c.responded(), c.resolved(), c.satisfaction()));
    }

    /** A 12345 order joins the case (并案): it is 办结 when the case is closed. */
    static List<Event> link(String incidentId, LinkComplaint c) {
        if (c.orderNo() == null || c.orderNo().isBlank()) {
            throw new BadRequest("orderNo", "orderNo is required: the 12345 order that joins the case");
        }
        return List.of(new Event.ComplaintLinked(c.orderNo(), incidentId));
    }

    /** An accepted alert opens a proactive case (未诉先办) at its camera, then records the review. */
    static List<Event> review(Situation s, String alertId, ReviewAlert c) {
        if (c.decision() == null) {
            throw new BadRequest("decision", "decision is required: ACCEPTED, REJECTED or MERGED");
        }
        AiAlert a = s.alerts().get(alertId);
        if (c.decision() == AiAlert.Review.REJECTED && c.falseAlarm() == null) {
            throw new BadRequest("falseAlarm", "a false alarm needs its reason: " + List.of(AiAlert.FalseAlarm.values()));
        }
        if (c.decision() == AiAlert.Review.MERGED && (c.mergedInto() == null) == (c.incidentId() == null)) {
            throw new BadRequest("mergedInto", "a merge names either the alert (mergedInto) or the open case"
                    + " (incidentId) it joins");
        }
        if (c.decision() != AiAlert.Review.ACCEPTED) {
            return List.of(new Event.AiAlertReviewed(alertId, c.decision(), c.incidentId(), c.mergedInto(),
                    c.falseAlarm()));
        }
        Camera camera = s.cameras().get(a.cameraId());
        String title = c.title() != null ? c.title() : a.kind() + " · " + camera.name();
        return List.of(
                new Event.IncidentOpened(Ids.incidentOpenedBy(s), title, a.kind(), Incident.Source.AI, c.severity(),
                        IncidentState.REGISTERED, camera.at(), null, alertId),
                new Event.AiAlertReviewed(alertId, AiAlert.Review.ACCEPTED, Ids.incidentOpenedBy(s), null, null));
    }
}
