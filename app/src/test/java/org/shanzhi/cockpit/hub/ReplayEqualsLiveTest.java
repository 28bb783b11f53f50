package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.ScenarioRunner;
import org.shanzhi.cockpit.hub.sim.Simulator;

/**
 * The storm day as the hub lived it (events folded as they were made) equals the storm day replayed
 * from its reopened journal (events decoded from JSON): every event type the simulator makes
 * survives the journal, boxes, deadlines, revisits and departments included.
 */
class ReplayEqualsLiveTest {

    @TempDir
    Path data;

    @Test
    void theStormDayReplayedIsTheStormDayLived() {
        Instant evening = Simulator.DEFAULT_START.plus(Duration.ofHours(15)); // 21:00, the outage being restored
        Situation live;
        String snapshot;
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(Simulator.DEFAULT_START, 3600)))) {
            runtime.attach(ScenarioRunner.start(runtime.hub(), HeyiScenario.loadDefault(), 1));
            await().atMost(Duration.ofSeconds(120)).until(() -> runtime.hub().situation().time().isAfter(evening));
            runtime.close(); // the scenario stops before the hub does: nothing is written after the read below
            live = runtime.hub().situation();
            snapshot = runtime.hub().snapshotJson();
        }
        assertThat(live.outages()).isNotEmpty();
        assertThat(live.warnings()).isNotEmpty();
        assertThat(live.whistles()).isNotEmpty();
        assertThat(live.alerts().values()).anyMatch(a -> !a.boxes().isEmpty());
        assertThat(live.complaints().values()).anyMatch(c -> c.revisit() != null);
        try (HubRuntime again = HubRuntime.start(HubRuntime.Config.local(data))) {
            assertThat(again.hub().situation()).isEqualTo(live);
            assertThat(again.hub().snapshotJson()).isEqualTo(snapshot);
        }
    }
}
