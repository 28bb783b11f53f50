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

/** A new hub on the default seed, as the wall's command starts it: the month is behind it when it is ready. */
class HistoryHubTest {

    @TempDir
    Path data;

    static final Instant ONE_PM = Simulator.DEFAULT_START.plus(Duration.ofHours(7));

    private HubRuntime start() {
        HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(s.seq() == 0 ? ONE_PM : s.time(), 60)));
        runtime.attach(ScenarioRunner.start(runtime.hub(), HeyiScenario.loadDefault(), History.DEFAULT_SEED,
                Simulator.DEFAULT_START));
        return runtime;
    }

    @Test
    void aNewHubHasTheMonthBehindItAndARestartCarriesItOn() {
        long head;
        Instant stoppedAt;
        try (HubRuntime runtime = start()) {
            Situation ready = runtime.hub().situation();
            assertThat(ready.time()).isBeforeOrEqualTo(ONE_PM);
            assertThat(ready.complaints().values().stream().filter(c -> c.revisit() != null).count())
                    .isGreaterThanOrEqualTo(300);
            assertThat(ready.disputes()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(ready.petitions()).hasSizeGreaterThanOrEqualTo(15);
            assertThat(ready.keyPeriods().values()).anySatisfy(k -> assertThat(k.name()).contains("五一"));
            await().atMost(Duration.ofSeconds(120)).until(() -> !runtime.hub().situation().time().isBefore(ONE_PM));
            head = runtime.hub().head();
            stoppedAt = runtime.hub().situation().time();
        }
        try (HubRuntime runtime = start()) {
            Situation again = runtime.hub().situation();
            assertThat(again.seq()).isEqualTo(head);
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.hub().head() > head);
            assertThat(runtime.hub().situation().time()).isAfterOrEqualTo(stoppedAt);
            // the month was journalled once: a restart lives on from the journal, not from the month again
            assertThat(runtime.hub().situation().complaints().keySet())
                    .containsAll(again.complaints().keySet());
        }
    }
}
