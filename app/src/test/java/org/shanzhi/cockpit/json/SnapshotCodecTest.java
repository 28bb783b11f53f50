package org.shanzhi.cockpit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.hub.sim.TimedEvent;

/** A client reading the hub's snapshot gets back exactly the situation the hub folded. */
class SnapshotCodecTest {

    @Test
    void aSimulatedDayRoundTrips() {
        Situation s = Simulator.simulate(HeyiScenario.loadDefault(), 3, Simulator.DEFAULT_START.plus(Duration.ofHours(20)));
        assertThat(s.incidents()).isNotEmpty();
        assertThat(s.outages()).isNotEmpty();

        String json = "{\"seq\":" + s.seq() + ",\"situation\":" + Json.write(s) + "}";
        Situation back = Json.readSnapshot(json);
        assertThat(back).isEqualTo(s);
        assertThat(Json.write(back)).isEqualTo(Json.write(s));
    }

    @Test
    void framesDecodeToTheEventsTheyCarry() {
        Event e = new Event.SensorReported("S-1", 4.5);
        Recorded r = Json.readFrame(Json.frame(7, Simulator.DEFAULT_START, Json.typeOf(e), Json.write(e), null));
        assertThat(r).isEqualTo(new Recorded(7, Simulator.DEFAULT_START, e));
    }

    @Test
    void garbageIsRefusedWithTheField() {
        assertThatThrownBy(() -> Json.readSnapshot("{\"seq\":1}")).isInstanceOf(BadJson.class);
        assertThatThrownBy(() -> Json.readFrame("{\"seq\":1,\"time\":\"x\",\"type\":\"SensorReported\",\"payload\":{}}"))
                .isInstanceOf(BadJson.class);
        assertThatThrownBy(() -> Json.readFrame("not json")).isInstanceOf(BadJson.class);
        for (String bad : List.of("{\"seq\":\"a\"}", "{}", "[]")) {
            assertThatThrownBy(() -> Json.readFrame(bad)).isInstanceOf(BadJson.class);
        }
    }
}
