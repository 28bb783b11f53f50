package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;

/** The scenario feeding a real hub: inventory once, a living day, and simulated time resumed after a restart. */
class ScenarioRunnerTest {

    @TempDir
    Path data;

    private HubRuntime start(HeyiScenario heyi, double speed) {
        HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(s.seq() == 0 ? Simulator.DEFAULT_START : s.time(), speed)));
        runtime.attach(ScenarioRunner.start(runtime.hub(), heyi, 7));
        return runtime;
    }

    @Test
    void feedsTheHubAndResumesAfterARestart() {
        HeyiScenario heyi = HeyiScenario.loadDefault();
        int inventory = heyi.inventory().size();
        Instant stoppedAt;
        long head;
        try (HubRuntime runtime = start(heyi, 3600)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    runtime.hub().situation().time().isAfter(Simulator.DEFAULT_START.plus(Duration.ofHours(4))));
            Situation s = runtime.hub().situation();
            assertThat(s.cameras()).hasSize(1043);
            assertThat(s.seq()).isGreaterThan(inventory);
            assertThat(s.complaints()).isNotEmpty();
            stoppedAt = s.time();
        }
        try (HubRuntime runtime = start(heyi, 60)) {
            head = runtime.hub().head();
            assertThat(runtime.hub().situation().cameras()).hasSize(1043);
            await().atMost(Duration.ofSeconds(30)).until(() -> runtime.hub().head() > head);
            assertThat(runtime.hub().situation().time()).isAfterOrEqualTo(stoppedAt);
            assertThat(runtime.hub().situation().time()).isBefore(stoppedAt.plus(Duration.ofHours(1)));
        }
    }
}
