package org.shanzhi.cockpit.wall;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;

/** The simulated Heyi storm day (seed 7) folded up to 20:00 Beijing, once per test run. */
public final class StormDay {

    public static final Instant EIGHT_PM = OffsetDateTime.of(2026, 5, 30, 20, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

    private static Situation evening;

    private StormDay() {
    }

    public static synchronized Situation evening() {
        if (evening == null) {
            evening = Simulator.simulate(HeyiScenario.loadDefault(), 7, EIGHT_PM);
        }
        return evening;
    }
}
