package org.shanzhi.cockpit.wall;

import java.util.EnumMap;
import java.util.Map;

import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.UnitStatus;

/**
 * How a standing shows wherever the wall shows it (the map, the dispatch board): a case's severity, its deadline
 * standing and a field unit's availability, each as one state class of {@link Theme} (a colour token of wall.css) and
 * its words. Severity takes the four warning colours, red, orange, yellow and blue.
 */
public final class StateStyle {

    /** A state class (for CSS: {@link Theme#setState}), its colour (for canvases), and the message key of its words. */
    public record Look(String state, Color colour, String words) {

        /** The words in the wall's language. */
        public String label() {
            return I18n.t(words);
        }
    }

    private static final Map<Incident.Severity, Look> SEVERITY = new EnumMap<>(Map.of(
            Incident.Severity.CRITICAL, look(Theme.CRITICAL, "severity.CRITICAL"),
            Incident.Severity.HIGH, look(Theme.SIGNAL_ORANGE, "severity.HIGH"),
            Incident.Severity.MEDIUM, look(Theme.SIGNAL_YELLOW, "severity.MEDIUM"),
            Incident.Severity.LOW, look(Theme.INFO, "severity.LOW")));

    private static final Map<Kpi.Sla, Look> SLA = new EnumMap<>(Map.of(
            Kpi.Sla.OVERDUE, look(Theme.CRITICAL, "sla.OVERDUE"),
            Kpi.Sla.WARNING, look(Theme.WARNING, "sla.WARNING"),
            Kpi.Sla.OK, look(Theme.OK, "sla.OK")));

    private static final Map<UnitStatus.Availability, Look> AVAILABILITY = new EnumMap<>(Map.of(
            UnitStatus.Availability.FREE, look(Theme.OK, "availability.FREE"),
            UnitStatus.Availability.BUSY, look(Theme.INFO, "availability.BUSY"),
            UnitStatus.Availability.AWAY, look(Theme.STALE, "availability.AWAY")));

    private static final Map<UnitStatus, Look> UNIT = new EnumMap<>(UnitStatus.class);

    static {
        for (UnitStatus s : UnitStatus.values()) {
            UNIT.put(s, new Look(availability(s.availability()).state(), availability(s.availability()).colour(),
                    "unitStatus." + s.name()));
        }
    }

    /**
     * An order's state: waiting for the unit (info), on its way or at work (ok), reported (ok), refused or timed out
     * (critical), withdrawn or handed to another unit (stale). A late order is coloured by its lateness instead.
     */
    private static final Map<OrderState, Look> ORDER = new EnumMap<>(OrderState.class);

    static {
        for (OrderState s : OrderState.values()) {
            String state = switch (s) {
                case SENT, DELIVERED -> Theme.INFO;
                case ACCEPTED, EN_ROUTE, ON_SITE, WORKING, REPORTED -> Theme.OK;
                case DECLINED, TIMED_OUT -> Theme.CRITICAL;
                case REASSIGNED, CANCELLED -> Theme.STALE;
            };
            ORDER.put(s, look(state, "orderState." + s.name()));
        }
    }

    private static final Look NO_STATUS = look(Theme.STALE, "common.missing");

    private StateStyle() {
    }

    private static Look look(String state, String words) {
        return new Look(state, Theme.color(state), words);
    }

    public static Look severity(Incident.Severity s) {
        return SEVERITY.get(s);
    }

    public static Look sla(Kpi.Sla s) {
        return SLA.get(s);
    }

    public static Look availability(UnitStatus.Availability a) {
        return AVAILABILITY.get(a);
    }

    public static Look order(OrderState s) {
        return ORDER.get(s);
    }

    /** A unit's status in its own words, coloured by its availability; a unit without a status shows as away. */
    public static Look unit(UnitStatus s) {
        return s == null ? NO_STATUS : UNIT.get(s);
    }
}
