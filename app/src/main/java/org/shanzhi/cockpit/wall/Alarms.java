package org.shanzhi.cockpit.wall;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.DrillThing;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Instruction;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.wall.drill.DrillMark;

/**
 * New high-severity happenings, raised as a bar at the top of the wall's first window that the operator acknowledges
 * one by one: serious cases, weather warnings, sensors going into alarm, a unit's SOS, an outage, a 批示 from a seat,
 * and an order its unit keeps waiting ({@link DispatchOrder#lateness}, on the hub's time: not delivered, not
 * accepted), declines or lets time out. Compares each new situation with the one shown before; the first situation
 * raises nothing. The bar takes its place in the window's layout (the screens fit below it), so it never covers a
 * banner or a panel's title; a drill's alarm carries the 演练 mark, and during a replay the bar says it is live.
 * An alarm that is over ({@link Alarm#over}: its drill ended, its warning lifted) leaves the queue unacknowledged.
 */
final class Alarms {

    static final String BAR = "alarm-bar";
    private static final PseudoClass DRILL = PseudoClass.getPseudoClass("drill");

    /**
     * Something worth interrupting the room for; {@code drill}: the drill that raised it, or null;
     * {@code subject}: the thing it is about ({@code "warnings/<id>"} …), or null for a message.
     */
    record Alarm(String text, String drill, String subject) {
        Alarm(String text) {
            this(text, null, null);
        }

        /** The alarm about thing {@code id} of {@code family}, marked when a drill made it. */
        static Alarm about(Situation s, String family, String id, String text) {
            String drill = s.drillOf(family, id);
            return new Alarm(drill != null ? DrillMark.text(text) : text, drill, DrillThing.key(family, id));
        }

        /**
         * Whether the alarm no longer waits for anyone in situation {@code s}: its drill is not running any more
         * (结束演练 takes the drill's alarms with it), or its weather warning has been lifted.
         */
        boolean over(Situation s) {
            if (drill != null && (s.drill() == null || !drill.equals(s.drill().drillId()))) {
                return true;
            }
            if (subject != null && subject.startsWith(WARNINGS)) {
                WeatherWarning w = s.warnings().get(subject.substring(WARNINGS.length()));
                return w != null && w.lifted();
            }
            return false;
        }
    }

    private static final String WARNINGS = DrillThing.key("warnings", "");

    private final Label text = new Label();
    private final Button acknowledge = new Button(I18n.t("alarm.acknowledge"));
    private final HBox bar;
    private final Deque<Alarm> waiting = new ArrayDeque<>();
    private Situation previous;
    private boolean replaying;

    Alarms() {
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        acknowledge.setOnAction(e -> acknowledge());
        acknowledge.setMinWidth(Region.USE_PREF_SIZE);
        bar = new HBox(16, text, acknowledge);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(BAR);
        show(false);
    }

    /** The bar, to be placed above the screens. */
    HBox node() {
        return bar;
    }

    /** Waiting alarms, the one on screen first. */
    List<Alarm> waiting() {
        return new ArrayList<>(waiting);
    }

    void check(Situation s, DispatchOrder.Timing timing) {
        if (previous != null && s.seq() > previous.seq()) {
            waiting.removeIf(a -> a.over(s));
            for (Alarm a : newAlarms(previous, s, timing)) {
                if (!a.over(s)) {
                    waiting.addLast(a);
                }
            }
            showHead();
        }
        previous = s;
    }

    /** While the screens show a replay, the bar says its alarms are live. */
    void replaying(boolean now) {
        if (now != replaying) {
            replaying = now;
            showHead();
        }
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
            show(false);
            return;
        }
        String more = waiting.size() > 1 ? "  " + I18n.t("alarm.more", waiting.size() - 1) : "";
        text.setText((replaying ? I18n.t("alarm.live", head.text()) : head.text()) + more);
        bar.pseudoClassStateChanged(DRILL, head.drill() != null);
        show(true);
    }

    private void show(boolean shown) {
        bar.setVisible(shown);
        bar.setManaged(shown);
    }

    static List<Alarm> newAlarms(Situation before, Situation now, DispatchOrder.Timing timing) {
        List<Alarm> out = new ArrayList<>();
        for (Instruction i : now.instructions().values()) {
            if (!before.instructions().containsKey(i.id())) {
                Incident about = i.incidentId() == null ? null : now.incidents().get(i.incidentId());
                String seat = I18n.t("issuer." + i.issuer().name());
                out.add(Alarm.about(now, "instructions", i.id(), about == null ? I18n.t("alarm.instruction", seat,
                        i.text()) : I18n.t("alarm.instruction.case", seat, i.text(), about.title())));
            }
        }
        for (DispatchOrder o : now.orders().values()) {
            String late = orderAlarm(before.orders().get(o.id()), o, before, now, timing);
            if (late != null) {
                out.add(Alarm.about(now, "orders", o.id(), late));
            }
        }
        for (Incident i : now.incidents().values()) {
            if (!before.incidents().containsKey(i.id()) && (i.severity() == Incident.Severity.HIGH
                    || i.severity() == Incident.Severity.CRITICAL)) {
                out.add(Alarm.about(now, "incidents", i.id(),
                        I18n.t("alarm.incident", I18n.t("severity", i.severity()), i.title())));
            }
        }
        for (WeatherWarning w : now.warnings().values()) {
            if (!before.warnings().containsKey(w.id())) {
                out.add(Alarm.about(now, "warnings", w.id(), I18n.t("alarm.warning", w.hazard().zh, w.level().zh)));
            }
        }
        for (Sensor x : now.sensors().values()) {
            Sensor was = before.sensors().get(x.id());
            if (x.alarm() && (was == null || !was.alarm())) {
                out.add(Alarm.about(now, "sensorAlarms", x.id(),
                        I18n.t("alarm.sensor", x.kind().zh, x.id(), x.value(), x.kind().unit)));
            }
        }
        for (FieldUnit u : now.units().values()) {
            FieldUnit was = before.units().get(u.id());
            if (u.sos() && (was == null || !was.sos())) {
                out.add(Alarm.about(now, "unitSos", u.id(), I18n.t("alarm.sos", u.name())));
            }
        }
        for (Outage o : now.outages().values()) {
            if (!before.outages().containsKey(o.id())) {
                out.add(Alarm.about(now, "outages", o.id(), I18n.t("alarm.outage", o.buildings(), o.households())));
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
