package org.shanzhi.cockpit.domain;

import java.time.Instant;

/**
 * The outage figure as the source reports it ("已恢复70%楼栋供电供网"): buildings with power and network back
 * over buildings affected, across the outages still open and those fully restored today (Beijing), so that a
 * restored outage reads 已全部恢复 with its time for the rest of the day. Drill outages are left out.
 *
 * @param restored   buildings with power and network back (供电供网)
 * @param powerOnly  buildings with power but no network yet (供电未供网)
 * @param affected   buildings affected
 * @param open       outages not yet fully restored
 * @param restoredAt when the last of today's outages was fully restored, when none is open; else null
 */
public record OutageFigures(int restored, int powerOnly, int affected, int open, Instant restoredAt) {

    public static final OutageFigures NONE = new OutageFigures(0, 0, 0, 0, null);

    public static OutageFigures of(Situation s, Instant now) {
        Instant dayStart = TimeWindows.today(now).from();
        int restored = 0;
        int powerOnly = 0;
        int affected = 0;
        int open = 0;
        Instant last = null;
        for (Outage o : s.live().outages().values()) {
            boolean today = !o.open() && !o.restoredAt().isBefore(dayStart) && !o.restoredAt().isAfter(now);
            if (!o.open() && !today) {
                continue;
            }
            restored += o.networkRestored();
            powerOnly += o.powerRestored() - o.networkRestored();
            affected += o.buildings();
            if (o.open()) {
                open++;
            } else if (last == null || o.restoredAt().isAfter(last)) {
                last = o.restoredAt();
            }
        }
        return new OutageFigures(restored, powerOnly, affected, open, open == 0 ? last : null);
    }

    /** Buildings with power and network back over buildings affected. */
    public Ratio share() {
        return new Ratio(restored, affected);
    }
}
