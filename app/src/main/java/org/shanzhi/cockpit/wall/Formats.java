package org.shanzhi.cockpit.wall;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;

/** How the wall writes times, durations and changes; always Beijing time. Formatting only, no figures. */
public final class Formats {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(Kpi.BEIJING);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(Kpi.BEIJING);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(Kpi.BEIJING);

    private Formats() {
    }

    public static String clock(Instant t) {
        return t == null ? I18n.t("common.missing") : HOUR_MINUTE.format(t);
    }

    /** The day alone (Beijing), for what is days away: "06-07". */
    public static String day(Instant t) {
        return DAY.format(t);
    }

    /** "21:30" on the day of {@code now}, "06-02 21:30" on another day. */
    public static String when(Instant t, Instant now) {
        if (t == null) {
            return I18n.t("common.missing");
        }
        boolean sameDay = t.atZone(Kpi.BEIJING).toLocalDate().equals(now.atZone(Kpi.BEIJING).toLocalDate());
        return sameDay ? HOUR_MINUTE.format(t) : DAY_TIME.format(t);
    }

    /** A recommended unit's way to the case: "约 3 分钟 · 电动车", with its position's age when that is stale. */
    public static String eta(RecommendedUnit u) {
        String eta = u.reachable() ? I18n.t("dispatch.eta", u.etaMinutes(), I18n.t("travelMode", u.mode()))
                : I18n.t("dispatch.eta.unreachable");
        return u.stale() ? I18n.t("dispatch.eta.stale", eta, u.positionAge().toMinutes()) : eta;
    }

    /** How old something is: seconds under a minute, else as {@link #duration}. */
    public static String age(Duration d) {
        return d.toSeconds() < 60 ? I18n.t("duration.seconds", Math.max(0, d.toSeconds())) : duration(d);
    }

    public static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return I18n.t("duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return I18n.t("duration.hoursMinutes", minutes / 60, minutes % 60);
        }
        return I18n.t("duration.daysHours", minutes / (24 * 60), minutes / 60 % 24);
    }

    /** +3, −2 or ±0. */
    public static String change(int delta) {
        return delta > 0 ? "+" + delta : delta < 0 ? "−" + (-delta) : "±0";
    }
}
