package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.util.List;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.Whistle;

/**
 * 吹哨报到 (DOMAIN.md §3.3): the street summons departments, each reports on site, and the matter is
 * resolved. What follows a whistle, and after how long:
 *
 * <pre>
 * BLOWN  → each department ARRIVED   8–30 min (90 %), 30–50 min (the target is 30 min [S36])
 * BLOWN  → RESOLVED                  2–6 h for the ordinary ones (09–17, {@link Rates#perDay});
 *                                    the storm's when its outage is restored ({@link Storm})
 * </pre>
 */
final class Whistles {

    static final String PREFIX = Ids.WHISTLE;

    /** Rates of the ordinary whistles. */
    record Rates(double perDay) {

        static Rates defaults() {
            return new Rates(0.1);
        }
    }

    private final SimContext ctx;
    private final Rates rates;

    Whistles(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
    }

    /** One tick of office hours (09–17): an ordinary whistle, resolved within hours. */
    void intake() {
        int hour = ctx.local().getHour();
        if (hour >= 9 && hour < 17 && ctx.chance(rates.perDay() / 2880)) {
            Catalogue.WhistleCase w = ctx.any(Catalogue.WHISTLES);
            blow(w.kind(), w.reason(), w.departments(), null, resolveAfter());
        }
    }

    private Duration resolveAfter() {
        return ctx.hours(2, 6);
    }

    /** Blows a whistle; {@code resolveAfter} null leaves its resolution to whoever blew it. Returns its id, or null. */
    String blow(Whistle.Kind kind, String reason, List<String> departments, String incidentId,
                Duration resolveAfter) {
        String id = ctx.nextId(PREFIX, ctx.situation().whistles());
        if (!ctx.emit(new Event.WhistleBlown(id, kind, reason, departments, incidentId))) {
            return null;
        }
        for (String d : departments) {
            summon(id, d);
        }
        if (resolveAfter != null) {
            ctx.later(resolveAfter, () -> resolve(id));
        }
        return id;
    }

    private void summon(String id, String department) {
        Duration arrival = ctx.chance(0.9) ? ctx.minutes(8, 30) : ctx.minutes(30, 50);
        ctx.later(arrival, () -> {
            Whistle live = ctx.situation().whistles().get(id);
            if (live != null && live.open() && !live.arrivals().containsKey(department)) {
                ctx.emit(new Event.WhistleArrived(id, department));
            }
        });
    }

    void resolve(String id) {
        Whistle live = ctx.situation().whistles().get(id);
        if (live != null && live.open()) {
            ctx.emit(new Event.WhistleResolved(id));
        }
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /**
     * Carries on every open whistle the simulator blew, timed from when it was blown: departments
     * not yet on site come, and each is resolved, except {@code heldElsewhere} (the storm's, resolved
     * with its outage).
     */
    void resume(Situation s, String heldElsewhere) {
        for (Whistle w : s.whistles().values()) {
            if (!w.open() || !SimContext.ours(PREFIX, w.id())) {
                continue;
            }
            ctx.asOf(w.requestedAt(), () -> {
                for (String d : w.departments()) {
                    if (!w.arrivals().containsKey(d)) {
                        summon(w.id(), d);
                    }
                }
                if (!w.id().equals(heldElsewhere)) {
                    ctx.later(resolveAfter(), () -> resolve(w.id()));
                }
            });
        }
    }
}
