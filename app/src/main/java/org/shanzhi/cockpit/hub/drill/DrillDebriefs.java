package org.shanzhi.cockpit.hub.drill;

import java.io.IOException;
import java.util.List;

import org.shanzhi.cockpit.domain.DrillStatus;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.debrief.Debrief;
import org.shanzhi.cockpit.domain.debrief.Plan;
import org.shanzhi.cockpit.domain.debrief.Targets;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.recording.Recording;

/**
 * The debrief of a recorded range, for {@code drill report} and for the wall at a replay's end: the range's figures,
 * and, with the drill script it ran, the script's expected actions and objectives rated.
 */
public final class DrillDebriefs {

    /** The script given was never run in the range. */
    public static final class NoRun extends RuntimeException {
        NoRun(String script) {
            super(script + ": the range holds no run of this drill (none of its injects' events)");
        }
    }

    private DrillDebriefs() {
    }

    /**
     * With {@code script} (null: none), its run {@code drillId} (null: the first found in the range; {@link NoRun}
     * when there is none); without a script, the drill named by {@code drillId} or started in the range, unrated.
     */
    public static Debrief of(Recording.Contents contents, DrillScript script, String drillId) {
        Plan plan = Plan.none();
        if (script != null) {
            String id = drillId != null ? drillId : DrillPlans.drillId(script, contents.events());
            if (id == null) {
                throw new NoRun(script.name());
            }
            plan = DrillPlans.plan(script, id, contents.events());
        } else if (drillId != null) {
            plan = new Plan(drillId, null, List.of(), List.of());
        } else {
            Event.DrillStarted started = DrillPlans.started(contents.events());
            if (started != null) {
                plan = new Plan(started.drillId(), started.name(), List.of(), List.of());
            }
        }
        return Debrief.of(before(contents), contents.events(), plan, Targets.defaults());
    }

    /**
     * The wall's: the drill the range holds (started in it, or already running at its start) read against its
     * shipped script ({@link ShippedDrills}, found by the script's name), else the range unrated.
     */
    public static Debrief ofShipped(Recording.Contents contents) {
        Event.DrillStarted started = DrillPlans.started(contents.events());
        DrillStatus running = before(contents).drill();
        String name = started != null ? started.name() : running != null ? running.name() : null;
        DrillScript script = name == null ? null : shipped(name);
        if (script != null && DrillPlans.drillId(script, contents.events()) != null) {
            return of(contents, script, null);
        }
        return of(contents, null, started == null && running != null ? running.drillId() : null);
    }

    /** The shipped script named {@code name}, or null. */
    private static DrillScript shipped(String name) {
        HeyiScenario scenario = HeyiScenario.loadDefault();
        for (String file : ShippedDrills.names()) {
            try {
                String text = ShippedDrills.text(file);
                if (text != null && DrillScripts.check(file + ".yaml", text, scenario) instanceof DrillScripts.Good g
                        && g.script().name().equals(name)) {
                    return g.script();
                }
            } catch (IOException e) {
                // unreadable: not this one
            }
        }
        return null;
    }

    private static Situation before(Recording.Contents contents) {
        return contents.snapshots().get(0).situation();
    }
}
