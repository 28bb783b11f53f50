package org.shanzhi.cockpit.domain;

import org.shanzhi.cockpit.domain.Event.*;

import static org.shanzhi.cockpit.domain.FoldChecks.requireText;

/** The fold's rules for drills: a drill's start and end, and the marking of what a drill made. */
final class DrillRules {

    private DrillRules() {
    }

    static void drillStarted(Fold f, DrillStarted x) {
        requireText(x.drillId(), "drillId");
        requireText(x.name(), "name");
        if (f.drill != null) {
            throw new Rejection("drillId", "drill " + f.drill.drillId() + " (" + f.drill.name() + ") is running;"
                    + " two drills cannot run at once");
        }
        f.drill = new DrillStatus(x.drillId(), x.name(), f.at);
    }

    static void drillEnded(Fold f, DrillEnded x) {
        requireText(x.drillId(), "drillId");
        if (f.drill == null) {
            throw new Rejection("drillId", "no drill is running");
        }
        if (!f.drill.drillId().equals(x.drillId())) {
            throw new Rejection("drillId", "drill " + f.drill.drillId() + " is running, not " + x.drillId());
        }
        if (!"completed".equals(x.how()) && !"stopped".equals(x.how())) {
            throw new Rejection("how", "how a drill ends is completed or stopped, got " + x.how());
        }
        f.drill = null;
    }

    /**
     * Marks a new thing as a drill's when this event was made by a drill, or when the thing follows from a
     * drill thing ({@code from}, the family/id key of what it came from: a case's alert, an order's case).
     */
    static void mark(Fold f, String family, String id, String from) {
        String by = f.madeBy != null ? f.madeBy : f.before.drillOf(from);
        if (by != null) {
            String key = DrillThing.key(family, id);
            f.drillThings = f.drillThings.plus(key, new DrillThing(key, by));
        }
    }

    /**
     * Marks a state of the district's own equipment (a unit's SOS, a sensor's alarm) as a drill's while the drill's
     * event holds it; the state's end, or a live event holding it, takes the mark off.
     */
    static void markState(Fold f, String family, String id, boolean on) {
        String key = DrillThing.key(family, id);
        if (on && f.madeBy != null) {
            f.drillThings = f.drillThings.plus(key, new DrillThing(key, f.madeBy));
        } else if (!f.drillThings.isEmpty()) {
            f.drillThings = f.drillThings.minus(key);
        }
    }
}
