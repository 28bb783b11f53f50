package org.shanzhi.cockpit.app;

import java.time.Instant;

import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.ScenarioRunner;
import org.shanzhi.cockpit.hub.sim.Simulator;

/** Starts a hub with the scenario the options name. */
final class Scenario {

    private Scenario() {
    }

    static HubRuntime start(HubOptions o) {
        switch (o.scenario) {
            case "none":
                return HubRuntime.start(o.config(s -> HubClock.system()));
            case "heyi":
                HeyiScenario heyi = HeyiScenario.loadDefault();
                Instant start = o.start != null ? o.start : Simulator.DEFAULT_START;
                Instant opening = start.plusSeconds((long) (o.hoursLived * 3600));
                // a journal that already holds the scenario resumes at its own simulated time
                // ready once the inventory (or the replayed journal) is in the situation
                return HubRuntime.start(o.config(s -> HubClock.simulated(s.seq() == 0 ? opening : s.time(), o.speed)),
                        runtime -> ScenarioRunner.start(runtime.hub(), heyi, o.seed, start));
            default:
                throw new IllegalStateException("HubOptions.ScenarioName lets no other scenario through: " + o.scenario);
        }
    }
}
