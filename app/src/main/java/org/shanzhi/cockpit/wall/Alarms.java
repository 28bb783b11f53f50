package org.shanzhi.cockpit.wall;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Instruction;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;

/**
 * New high-severity happenings, raised as a notification bar the operator acknowledges one by
 * one: serious cases, weather warnings, sensors going into alarm, a unit's SOS, an outage, a 批示 from a seat, and
 * an order its unit keeps waiting ({@link DispatchOrder#lateness}, on the hub's time: not delivered, not accepted),
 * declines or lets time out. Compares each new situation with the one shown before; the first situation raises
 * nothing.
 */
final class Alarms {

    /** Something worth interrupting the room for. */
    record Alarm(String text) {
    }

    private final NotificationPane pane;
    private final Deque<Alarm> waiting = new ArrayDeque<>();
    private Situation previous;

    Alarms() {
        pane = new NotificationPane();
        pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        pane.setShowFromTop(true);
        pane.setCloseButtonVisible(false);
    }

    NotificationPane node() {
        return pane;
    }

    /** Waiting alarms, the one on screen first. */
    List<Alarm> waiting() {
        return new ArrayList<>(waiting);
    }

    void check(Situation s, DispatchOrder.Timing timing) {
        if (previous != null && s.seq() > previous.seq()) {
            for (Alarm a : newAlarms(previous, s, timing)) {
                waiting.addLast(a);
            }
            showHead();
        }
        previous = s;
    }

    /** A layout error or another message for the operator, ahead of the alarms. */
    void tell(String text) {
        waiting.addFirst(new Alarm(text));
        showHead();
    }

    void acknowledge() {
        waiting.pollFirst();
        showHead();
    }

    private void showHead() {
        Alarm head = waiting.peekFirst();
        if (head == null) {
            pane.hide();
            return;
        }
        String more = waiting.size() > 1 ? "  " + I18n.t("alarm.more", waiting.size() - 1) : "";
        pane.getActions().setAll(new Action(I18n.t("alarm.acknowledge"), e -> acknowledge()));
        pane.show(head.text() + more);
    }

    static List<Alarm> newAlarms(Situation before, Situation now, DispatchOrder.Timing timing) {
        List<Alarm> out = new ArrayList<>();
        for (Instruction i : now.instructions().values()) {
            if (!before.instructions().containsKey(i.id())) {
                Incident about = i.incidentId() == null ? null : now.incidents().get(i.incidentId());
                String seat = I18n.t("issuer." + i.issuer().name());
                out.add(new Alarm(about == null ? I18n.t("alarm.instruction", seat, i.text())
                        : I18n.t("alarm.instruction.case", seat, i.text(), about.title())));
            }
        }
        for (DispatchOrder o : now.orders().values()) {
            String late = orderAlarm(before.orders().get(o.id()), o, before, now, timing);
            if (late != null) {
                out.add(new Alarm(late));
            }
        }
        for (Incident i : now.incidents().values()) {
            if (!before.incidents().containsKey(i.id()) && (i.severity() == Incident.Severity.HIGH
                    || i.severity() == Incident.Severity.CRITICAL)) {
                out.add(new Alarm(I18n.t("alarm.incident", I18n.t("severity", i.severity()), i.title())));
            }
        }
        for (WeatherWarning w : now.warnings().values()) {
            if (!before.warnings().containsKey(w.id())) {
                out.add(new Alarm(I18n.t("alarm.warning", w.hazard().zh, w.level().zh)));
            }
        }
        for (Sensor x : now.sensors().values()) {
            Sensor was = before.sensors().get(x.id());
            if (x.alarm() && (was == null || !was.alarm())) {
                out.add(new Alarm(I18n.t("alarm.sensor", x.kind().zh, x.id(), x.value(), x.kind().unit)));
            }
        }
        for (FieldUnit u : now.units().values()) {
            FieldUnit was = before.units().get(u.id());
            if (u.sos() && (was == null || !was.sos())) {
                out.add(new Alarm(I18n.t("alarm.sos", u.name())));
            }
        }
        for (Outage o : now.outages().values()) {
            if (!before.outages().containsKey(o.id())) {
                out.add(new Alarm(I18n.t("alarm.outage", o.buildings(), o.households())));
            }
        }
        return out;
    }

    /** What to say of order {@code o} that was {@code was} in the situation before, or null: nothing new. */
    private static String orderAlarm(DispatchOrder was, DispatchOrder o, Situation before, Situation now,
                                     DispatchOrder.Timing timing) {
        FieldUnit unit = now.units().get(o.unitId());
        String who = unit == null ? o.unitId() : unit.name();
        Incident incident = now.incidents().get(o.incidentId());
        String title = incident == null ? o.incidentId() : incident.title();
        if (o.state() != (was == null ? null : was.state())) {
            if (o.state() == OrderState.DECLINED) {
                return I18n.t("alarm.order.declined", o.id(), who, title, o.reason() == null ? "" : o.reason());
            }
            if (o.state() == OrderState.TIMED_OUT) {
                return I18n.t("alarm.order.timedOut", o.id(), who, title);
            }
        }
        DispatchOrder.Lateness late = o.lateness(now.time(), timing);
        DispatchOrder.Lateness wasLate = was == null ? DispatchOrder.Lateness.ON_TIME : was.lateness(before.time(), timing);
        if (late == wasLate) {
            return null;
        }
        return switch (late) {
            case NOT_DELIVERED -> I18n.t("alarm.order.notDelivered", o.id(), who, title,
                    timing.deliverWithin().toSeconds());
            case NOT_ACCEPTED -> I18n.t("alarm.order.notAccepted", o.id(), who, title,
                    timing.acceptWithin().toMinutes());
            case ON_TIME, EXPIRED -> null; // expired: the hub marks it timed out, said above
        };
    }
}
