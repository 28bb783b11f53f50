package org.shanzhi.cockpit.wall.cockpit;

import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;

/**
 * Which colour a standing gets on the wall. The rate bands are display choices of the centre [E], kept here so
 * that all panels agree.
 */
final class States {

    private States() {
    }

    /** The dispatch board's and the map's standing of a deadline ({@link StateStyle}): one mapping for the wall. */
    static String sla(Kpi.Sla sla) {
        return StateStyle.sla(sla).state();
    }

    static String signal(WeatherWarning.Level level) {
        return switch (level) {
            case RED -> Theme.SIGNAL_RED;
            case ORANGE -> Theme.SIGNAL_ORANGE;
            case YELLOW -> Theme.SIGNAL_YELLOW;
            case BLUE -> Theme.SIGNAL_BLUE;
        };
    }

    static String risk(Dispute.Risk risk) {
        return switch (risk) {
            case RED -> Theme.SIGNAL_RED;
            case ORANGE -> Theme.SIGNAL_ORANGE;
            case YELLOW -> Theme.SIGNAL_YELLOW;
        };
    }

    /** A rate (0..1) against the bands good ≥ {@code ok}, fair ≥ {@code warn}; null (neutral) when NaN. */
    static String rate(double value, double ok, double warn) {
        if (Double.isNaN(value)) {
            return null;
        }
        return value >= ok ? Theme.OK : value >= warn ? Theme.WARNING : Theme.CRITICAL;
    }

    /** A count of things that should be zero. */
    static String zeroIsGood(long n) {
        return n == 0 ? Theme.OK : Theme.CRITICAL;
    }
}
