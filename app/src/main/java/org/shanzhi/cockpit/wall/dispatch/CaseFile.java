package org.shanzhi.cockpit.wall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.DispatchBoard;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Instruction;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Recommendations;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.VideoAlarms;
import org.shanzhi.cockpit.domain.Whistle;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;

/**
 * Everything the incident screen (案件指挥) shows of one case, taken from a situation through the domain: the case's
 * details and deadline standing, its orders with how long each keeps the seat waiting, the units to send, the
 * timeline, the cameras and the AI alert it came from, the 12345 orders joined to it or beside it and its 吹哨. Plain data, no
 * JavaFX and no words (the screen writes them), so records compare equal when nothing shown changed.
 */
public record CaseFile(Incident incident, String community, Kpi.Sla sla, Duration toDeadline, List<OrderLine> orders,
                       List<RecommendedUnit> recommended, List<Moment> timeline, List<Camera> cameras,
                       AiAlert alert, List<ComplaintLine> complaints, List<WhistleLine> whistles) {

    /** How many units the screen offers to send. */
    static final int RECOMMENDED = 4;
    /** 12345 orders of the case's category this close, joined to no case, are offered to join it (并案). */
    static final double COMPLAINT_METRES = 200;
    static final int COMPLAINTS = 5;
    /** A department that reports on site within this time of the 吹哨 counts as on time (报到及时率). */
    static final Duration WHISTLE_ON_TIME = Duration.ofMinutes(30);

    /**
     * An order with its unit and, while it waits for the unit, how late it is; {@code replacement} is the unit
     * offered for 改派 once the unit has not accepted in time (null otherwise, or when none is free).
     */
    public record OrderLine(DispatchOrder order, String unitName, FieldUnit.Role role, GeoPoint unitAt,
                            DispatchOrder.Lateness lateness, RecommendedUnit replacement) {

        public boolean open() {
            return order.open();
        }
    }

    /** A 12345 order on the screen: joined to the case (并案), or an open one of its category nearby that may join. */
    public record ComplaintLine(Complaint complaint, boolean joined) {
    }

    /** What a moment of the timeline is; at one instant they stand in this order. */
    public enum MomentKind { ALERT, OPENED, CASE_STATE, ORDER_STEP, INSTRUCTION, WHISTLE, WHISTLE_ARRIVED }

    /**
     * One moment of the case's timeline: when, what ({@code subject}: the order id, the instruction's text, the
     * department …; {@code state} the state reached, if any), and who ({@code by}: a seat, a unit, the hub).
     */
    public record Moment(Instant at, MomentKind kind, String subject, Enum<?> state, String by) {
    }

    /** A 吹哨 on the case: departments summoned, how many reported, how many of them within 30 minutes. */
    public record WhistleLine(String id, String reason, int summoned, int arrived, int onTime, boolean open,
                              List<Summoned> departments) {
    }

    /** One department a whistle summoned: when it reported on site (null: not yet), and whether within 30 minutes. */
    public record Summoned(String department, Instant arrivedAt, boolean onTime) {
    }

    /**
     * The case's file at {@code now} (the hub's time), its orders' lateness against the hub's {@code timing}; null
     * when the situation has no such case.
     */
    public static CaseFile of(Situation s, String incidentId, Instant now, DispatchOrder.Timing timing) {
        Incident i = incidentId == null ? null : s.incidents().get(incidentId);
        if (i == null) {
            return null;
        }
        List<RecommendedUnit> free = recommend(s, i);
        List<RecommendedUnit> offered = free.subList(0, Math.min(RECOMMENDED, free.size()));

        List<OrderLine> orders = new ArrayList<>();
        List<Moment> timeline = new ArrayList<>();
        timeline.add(new Moment(i.openedAt(), MomentKind.OPENED, null, i.source(), null));
        // the situation keeps the case's present state only, with the time it was reached
        timeline.add(new Moment(i.updatedAt(), MomentKind.CASE_STATE, null, i.state(), null));
        for (String id : i.orderIds()) {
            DispatchOrder o = s.orders().get(id);
            if (o == null) {
                continue;
            }
            FieldUnit u = s.units().get(o.unitId());
            DispatchOrder.Lateness late = o.open() ? o.lateness(now, timing)
                    : DispatchOrder.Lateness.ON_TIME;
            boolean offerAnother = late == DispatchOrder.Lateness.NOT_ACCEPTED || late == DispatchOrder.Lateness.EXPIRED;
            orders.add(new OrderLine(o, u == null ? o.unitId() : u.name(), u == null ? null : u.role(),
                    u == null ? null : u.at(), late, offerAnother && !free.isEmpty() ? free.get(0) : null));
            for (DispatchOrder.Step step : o.steps()) {
                timeline.add(new Moment(step.at(), MomentKind.ORDER_STEP, o.id(), step.state(), step.by()));
            }
        }
        // open orders first (the seat acts on them), then the newest
        orders.sort(Comparator.comparing((OrderLine l) -> !l.open())
                .thenComparing((OrderLine l) -> l.order().issuedAt(), Comparator.reverseOrder()));
        for (Instruction n : s.instructions().values()) {
            if (i.id().equals(n.incidentId())) {
                timeline.add(new Moment(n.at(), MomentKind.INSTRUCTION, n.text(), null, n.issuer().zh));
            }
        }
        AiAlert alert = i.alertId() == null ? null : s.alerts().get(i.alertId());
        if (alert != null) {
            timeline.add(new Moment(alert.raisedAt(), MomentKind.ALERT, alert.kind(), null, alert.cameraId()));
        }
        List<WhistleLine> whistles = new ArrayList<>();
        for (Whistle w : s.whistles().values()) {
            if (i.id().equals(w.incidentId())) {
                int onTime = (int) w.arrivals().values().stream()
                        .filter(t -> !t.isAfter(w.requestedAt().plus(WHISTLE_ON_TIME))).count();
                List<Summoned> summoned = new ArrayList<>();
                for (String d : w.departments()) {
                    Instant at = w.arrivals().get(d);
                    summoned.add(new Summoned(d, at, at != null && !at.isAfter(w.requestedAt().plus(WHISTLE_ON_TIME))));
                }
                whistles.add(new WhistleLine(w.id(), w.reason(), w.departments().size(), w.arrivals().size(), onTime,
                        w.open(), List.copyOf(summoned)));
                timeline.add(new Moment(w.requestedAt(), MomentKind.WHISTLE, w.reason(), null, null));
                w.arrivals().forEach((dept, at) -> timeline.add(new Moment(at, MomentKind.WHISTLE_ARRIVED, dept, null, dept)));
            }
        }
        timeline.sort(Comparator.comparing(Moment::at).thenComparing(m -> m.kind().ordinal()));

        Instant until = i.open() || i.closedAt() == null ? now : i.closedAt();
        Duration toDeadline = i.deadline() == null ? null : Duration.between(until, i.deadline());
        Community community = i.communityCode() == null ? null : s.communities().get(i.communityCode());
        return new CaseFile(i, community == null ? null : community.name(), Kpi.sla(i.openedAt(), i.deadline(), until),
                toDeadline, List.copyOf(orders), List.copyOf(offered), List.copyOf(timeline), cameras(s, i, alert),
                alert, complaints(s, i), List.copyOf(whistles));
    }

    /** The units to send to the case, best first: by travel time along the roads, the case's trades first. */
    static List<RecommendedUnit> recommend(Situation s, Incident i) {
        if (!i.open() || i.at() == null) {
            return List.of();
        }
        List<RecommendedUnit> all = Recommendations.rank(s, i, BaseMapLoader.shared().getNow(BaseMap.EMPTY).network(),
                s.time(), Recommendations.Rules.defaults());
        return all.subList(0, Math.min(RECOMMENDED + 1, all.size()));
    }

    /** The AI alert's camera, then the online camera nearest the case. */
    private static List<Camera> cameras(Situation s, Incident i, AiAlert alert) {
        Set<Camera> out = new LinkedHashSet<>();
        if (alert != null && s.cameras().get(alert.cameraId()) != null) {
            out.add(s.cameras().get(alert.cameraId()));
        }
        if (i.at() != null) {
            Camera near = VideoAlarms.nearestOnlineCamera(s, i.at(), VideoAlarms.ALARM_CAMERA_METRES);
            if (near != null) {
                out.add(near);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The 12345 orders joined to the case, then (while the case is open) up to five open ones of its category within
     * 200 m that joined no case, each part the newest first.
     */
    private static List<ComplaintLine> complaints(Situation s, Incident i) {
        List<Complaint> joined = new ArrayList<>();
        List<Complaint> near = new ArrayList<>();
        for (Complaint c : s.complaints().values()) {
            if (i.id().equals(c.incidentId())) {
                joined.add(c);
            } else if (i.open() && c.open() && c.incidentId() == null && i.category() != null
                    && i.category().equals(c.category()) && i.at() != null && c.at() != null
                    && c.at().metresTo(i.at()) <= COMPLAINT_METRES) {
                near.add(c);
            }
        }
        Comparator<Complaint> newest = Comparator.comparing(Complaint::acceptedAt,
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Complaint::orderNo);
        joined.sort(newest);
        near.sort(newest);
        List<ComplaintLine> out = new ArrayList<>();
        joined.forEach(c -> out.add(new ComplaintLine(c, true)));
        near.subList(0, Math.min(COMPLAINTS, near.size())).forEach(c -> out.add(new ComplaintLine(c, false)));
        return List.copyOf(out);
    }

    /** The case may take another order: it is open and past the 立案 (an order dispatches a registered case). */
    public boolean takesOrders() {
        IncidentState st = incident.state();
        return incident.open() && st != IncidentState.REPORTED && st != IncidentState.VERIFYING;
    }

    /** Whether an order may still be cancelled or reassigned from the seat (the fold's rules). */
    public static boolean reassignable(DispatchOrder o) {
        return o.state().next().contains(OrderState.REASSIGNED);
    }

    public static boolean cancellable(DispatchOrder o) {
        return o.state().next().contains(OrderState.CANCELLED);
    }

    /**
     * The case the incident screen shows when none was chosen ("自动 · 最紧急"): the most severe open case first (a 特急
     * case over an overdue 一般 one), then an overdue one, then one with orders going round (the one being worked),
     * then the oldest.
     */
    public static String mostUrgent(Situation s, Instant now) {
        return DispatchBoard.dispatchBoard(s, now, DispatchBoard.CaseFilter.OPEN).stream()
                .min(Comparator.comparing(DispatchBoard.DispatchCase::severity, Comparator.reverseOrder())
                        .thenComparing(c -> c.sla() != Kpi.Sla.OVERDUE)
                        .thenComparing(c -> s.incidents().get(c.id()).orderIds().isEmpty())
                        .thenComparing(DispatchBoard.DispatchCase::age, Comparator.reverseOrder())
                        .thenComparing(DispatchBoard.DispatchCase::id))
                .map(DispatchBoard.DispatchCase::id).orElse(null);
    }
}
