package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.assertj.core.data.Offset;
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

    /**
     * The hub as {@code hub --hours-lived 11} runs it: opened at 17:00 on the storm day (the morning
     * simulated at once), stopped, started again on the same data, and run on to the next morning.
     * The storm and the work in progress end as in the same day unbroken.
     */
    @Test
    void aHubRestartedAtFivePmFinishesTheStormDay() {
        HeyiScenario heyi = HeyiScenario.loadDefault();
        Instant opening = Simulator.DEFAULT_START.plus(Duration.ofHours(11));
        try (HubRuntime runtime = startAsTheCommandDoes(heyi, opening)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !runtime.hub().situation().time().isBefore(opening));
        }
        Situation morning;
        try (HubRuntime runtime = startAsTheCommandDoes(heyi, opening)) {
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    !runtime.hub().situation().time().isBefore(SimulatorRestartTest.NEXT_MORNING));
            morning = runtime.hub().situation();
        }
        Situation unbroken = SimulatorRestartTest.run(SimHarness.INVENTORY, morning.time());

        assertThat(morning.warnings().values()).hasSize(2).allSatisfy(w -> assertThat(w.lifted()).isTrue());
        assertThat(morning.outages().values()).singleElement().satisfies(o -> {
            assertThat(o.powerRestored()).isEqualTo(30);
            assertThat(o.networkRestored()).isEqualTo(30);
        });
        assertThat(morning.whistles().values()).allSatisfy(w -> assertThat(w.open()).isFalse());
        var r = SimulatorRestartTest.summary(morning);
        var u = SimulatorRestartTest.summary(unbroken);
        System.out.println("hub restarted at 17:00, next morning: " + r + "; unbroken: " + u);
        assertThat(r.get("cases open") - r.get("cases stalled"))
                .isCloseTo(u.get("cases open") - u.get("cases stalled"), Offset.offset(3L));
        assertThat(r.get("complaints open")).isCloseTo(u.get("complaints open"),
                Offset.offset(Math.max(4L, u.get("complaints open") / 5)));
        assertThat(r.get("units stalled")).isLessThanOrEqualTo(u.get("units stalled"));
        assertThat(r.get("complaints stalled")).isLessThanOrEqualTo(u.get("complaints stalled"));
    }

    /** As app/Scenario wires it: the day from 06:00, the clock from the opening or the journal's own time. */
    private HubRuntime startAsTheCommandDoes(HeyiScenario heyi, Instant opening) {
        HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(s.seq() == 0 ? opening : s.time(), 7200)));
        runtime.attach(ScenarioRunner.start(runtime.hub(), heyi, SimulatorRestartTest.SEED, Simulator.DEFAULT_START));
        return runtime;
    }
}
