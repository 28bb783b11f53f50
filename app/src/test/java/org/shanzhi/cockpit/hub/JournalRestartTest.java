package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.ScenarioRunner;
import org.shanzhi.cockpit.hub.sim.Simulator;

/**
 * A journal written hard (the scenario at an hour a second) and closed reopens intact, again and
 * again. H2 2.3 with WRITE_DELAY=0 corrupted its file this way in most rounds.
 */
class JournalRestartTest {

    @TempDir
    Path data;

    @Test
    void reopensIntactAfterHeavyWrites() throws Exception {
        HeyiScenario heyi = HeyiScenario.loadDefault();
        String url = Journal.h2Url(data);
        long head = 0;
        for (int restart = 0; restart < 4; restart++) {
            Hub hub = new Hub(Journal.open(url, "", ""),
                    s -> HubClock.simulated(s.seq() == 0 ? Simulator.DEFAULT_START : s.time(), 3600));
            assertThat(hub.head()).isGreaterThanOrEqualTo(head);
            long before = hub.head();
            ScenarioRunner runner = ScenarioRunner.start(hub, heyi, restart);
            await().atMost(Duration.ofSeconds(60)).until(() -> hub.head() > before + 100);
            runner.close();
            head = hub.head();
            hub.close();
        }
        assertThat(head).isGreaterThan(heyi.inventory().size());
    }
}
