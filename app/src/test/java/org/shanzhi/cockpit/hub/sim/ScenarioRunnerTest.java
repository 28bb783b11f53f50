package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.Hub;
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
            await().atMost(Duration.ofSeconds(180)).until(() -> !runtime.hub().situation().time().isBefore(opening));
        }
        Situation morning;
        try (HubRuntime runtime = startAsTheCommandDoes(heyi, opening)) {
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    !runtime.hub().situation().time().isBefore(SimulatorRestartTest.NEXT_MORNING));
            morning = runtime.hub().situation();
        }
        // the hub lived the month before the day: so does the unbroken run it is compared with
        Situation unbroken = Simulator.simulate(heyi, SimulatorRestartTest.SEED, morning.time());

        assertThat(morning.warnings().values()).hasSize(2).allSatisfy(w -> assertThat(w.lifted()).isTrue());
        assertThat(morning.outages().values()).singleElement().satisfies(o -> {
            assertThat(o.buildings()).isEqualTo(Storm.OUTAGE_BUILDINGS);
            assertThat(o.networkRestored()).isEqualTo(Storm.OUTAGE_BUILDINGS);
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

    /**
     * Orders people send through the hub: one to a simulated unit goes round to its report while nobody
     * touches a phone; one to a unit a person has taken over waits for that person.
     */
    @Test
    void aPersonsOrderToASimulatedUnitGoesRoundAndAPeoplesUnitIsLeftToItsPerson() {
        HeyiScenario heyi = HeyiScenario.loadDefault();
        Instant opening = Simulator.DEFAULT_START.plus(Duration.ofHours(1));
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(s.seq() == 0 ? opening : s.time(), 300)))) {
            runtime.attach(ScenarioRunner.start(runtime.hub(), heyi, 7, Simulator.DEFAULT_START, "PS-02"::equals));
            await().atMost(Duration.ofSeconds(60)).until(() -> !runtime.hub().situation().time().isBefore(opening));
            GeoPoint at = runtime.hub().situation().district().bounds().centre();
            Instant now = runtime.hub().clock().now();
            // the person with PS-02's phone comes on duty; a free simulated police unit is found
            runtime.hub().append(List.of(new Hub.Pending(now, new Event.UnitStatusChanged("PS-02", UnitStatus.AVL))),
                    Hub.Origin.system("PS-02"));
            String simulated = runtime.hub().situation().units().values().stream()
                    .filter(u -> u.id().startsWith("PS-") && !u.id().equals("PS-02") && u.status().dispatchable())
                    .findFirst().orElseThrow().id();
            List<Hub.Pending> orders = new ArrayList<>();
            for (String unit : List.of(simulated, "PS-02")) {
                String incident = "INC-" + unit;
                orders.add(new Hub.Pending(now, new Event.IncidentOpened(incident, "占道经营", "占道经营",
                        Incident.Source.LEADER, Incident.Severity.MEDIUM, IncidentState.REGISTERED, at, null, null)));
                orders.add(new Hub.Pending(now, new Event.OrderIssued("ZL-" + unit, incident, unit, "前往处置",
                        null, DispatchOrder.Issuer.DISTRICT, false)));
            }
            runtime.hub().append(orders, Hub.Origin.system("district seat"));

            String answered = "ZL-" + simulated;
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    runtime.hub().situation().orders().get(answered).state() == OrderState.REPORTED);
            Situation s = runtime.hub().situation();
            assertThat(s.orders().get(answered).steps()).extracting(DispatchOrder.Step::by)
                    .containsExactly("district", simulated, simulated, simulated, simulated, simulated, simulated);
            // nobody answers for the person: the order waits for PS-02's phone until the hub times it out
            assertThat(s.orders().get("ZL-PS-02").state()).isIn(OrderState.SENT, OrderState.TIMED_OUT);
            assertThat(s.orders().get("ZL-PS-02").steps()).extracting(DispatchOrder.Step::by).doesNotContain("PS-02");
        }
    }

    /** As app/Scenario wires it: the day from 06:00, the clock from the opening or the journal's own time. */
    private HubRuntime startAsTheCommandDoes(HeyiScenario heyi, Instant opening) {
        HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(s.seq() == 0 ? opening : s.time(), 7200)));
        runtime.attach(ScenarioRunner.start(runtime.hub(), heyi, SimulatorRestartTest.SEED, Simulator.DEFAULT_START));
        return runtime;
    }
}
