package org.shanzhi.cockpit.wall;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.hub.sim.TimedEvent;

/** The simulated Heyi storm day (seed 7) folded up to 20:00 Beijing, once per test run. */
public final class StormDay {

    public static final Instant EIGHT_PM = OffsetDateTime.of(2026, 5, 30, 20, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

    private static Situation evening;

    private StormDay() {
    }

    public static synchronized Situation evening() {
        if (evening == null) {
            HeyiScenario heyi = HeyiScenario.loadDefault();
            Situation s = Situation.empty();
            for (Event e : heyi.inventory()) {
                s = s.apply(new Recorded(s.seq() + 1, Simulator.DEFAULT_START, e));
            }
            for (TimedEvent t : new Simulator(heyi, 7).advance(s, EIGHT_PM)) {
                s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
            }
            evening = s;
        }
        return evening;
    }
}
