package org.shanzhi.cockpit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.History;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.hub.sim.TimedEvent;

/** The snapshot written from the previous one's pieces is the very text a whole serialization gives. */
class SnapshotWriterTest {

    @Test
    void everySnapshotAlongTheMonthAndTheDayIsTheWholeSerialization() {
        HeyiScenario heyi = HeyiScenario.loadDefault();
        SnapshotWriter writer = new SnapshotWriter();
        Situation s = Situation.empty();
        for (Event e : heyi.inventory()) {
            s = s.apply(new Recorded(s.seq() + 1, History.start(Simulator.DEFAULT_START), e));
        }
        assertWritesAsWhole(writer, s);
        int n = 0;
        for (TimedEvent t : History.month(heyi, 1, Simulator.DEFAULT_START)) {
            s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
            if (++n % 4_000 == 0) {
                assertWritesAsWhole(writer, s);
            }
        }
        assertWritesAsWhole(writer, s);
        Situation month = s;
        for (TimedEvent t : new Simulator(heyi, 1).notBefore(Simulator.DEFAULT_START)
                .advance(s, Simulator.DEFAULT_START.plus(Duration.ofHours(8)))) {
            try {
                s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
            } catch (Rejection e) {
                continue; // a planned event the situation no longer allows, as in the hub
            }
            if (++n % 997 == 0) {
                assertWritesAsWhole(writer, s);
            }
        }
        assertThat(s.seq()).isGreaterThan(month.seq());
        assertWritesAsWhole(writer, s);
        // an older situation again (another hub's answer, a restart): nothing of the newer one leaks in
        assertWritesAsWhole(writer, month);
        assertWritesAsWhole(writer, s);
    }

    private static void assertWritesAsWhole(SnapshotWriter writer, Situation s) {
        assertThat(writer.write(s)).isEqualTo("{\"seq\":" + s.seq() + ",\"situation\":" + Json.write(s) + "}");
    }
}
