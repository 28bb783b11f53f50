package org.shanzhi.cockpit.hub.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillRunTest {

    static final Instant T0 = Instant.parse("2026-05-30T05:30:00Z");
    static final String SCRIPT = DrillScriptsTest.HEAD + """
              - id: a
                at: 1m
                title: 立案
                events:
                  - type: IncidentOpened
                    payload: {incidentId: $case, title: 树木倒伏, category: 树木倒伏, source: GRID_WORKER,
                              severity: HIGH, state: REGISTERED, at: {lon: 116.40885, lat: 39.8187}}
              - {id: b, at: 2m, title: 预警, events: [{type: WarningIssued, payload: {warningId: $b, hazard: GALE, level: BLUE, issuer: 气象台}}]}
              - {id: c, at: 3m, title: 预警, events: [{type: WarningIssued, payload: {warningId: $c, hazard: RAINSTORM, level: BLUE, issuer: 气象台}}]}
              - {id: d, after: c, delay: 1m, title: 解除, events: [{type: WarningLifted, payload: {warningId: $c}}]}
              - id: e
                when: {action: caseDispatched, subject: $case}
                delay: 30s
                title: 回报
                events: [{type: WarningLifted, payload: {warningId: $b}}]
            """;

    static HeyiScenario heyi;
    static Situation inventory;

    @BeforeAll
    static void load() {
        if (DrillScriptsTest.heyi == null) {
            DrillScriptsTest.load();
        }
        heyi = DrillScriptsTest.heyi;
        Situation s = Situation.empty();
        for (Event e : heyi.inventory()) {
            s = s.apply(new Recorded(s.seq() + 1, T0.minusSeconds(3600), e));
        }
        inventory = s;
    }

    DrillRun run = new DrillRun("YL-1", script(SCRIPT));
    Situation situation = inventory;
    final List<String> fired = new ArrayList<>();

    static DrillScript script(String yaml) {
        DrillScripts.Checked c = DrillScripts.check("test.yaml", yaml, heyi);
        assertThat(c).as(c.toString()).isInstanceOf(DrillScripts.Good.class);
        return ((DrillScripts.Good) c).script();
    }

    /** Folds what is due (as the hub would) and notes the injects it came from. */
    List<String> take(List<DrillRun.Due> due, Instant at) {
        List<String> injects = new ArrayList<>();
        for (DrillRun.Due d : due) {
            situation = situation.apply(new Recorded(situation.seq() + 1, at, d.event()));
            injects.add(d.injectId());
        }
        fired.addAll(injects);
        return injects;
    }

    List<String> due(Instant at) {
        return take(run.due(at, situation), at);
    }

    static Instant at(int minutes, int seconds) {
        return T0.plus(Duration.ofMinutes(minutes).plusSeconds(seconds));
    }

    @Test
    void injectsFireAtTheirTimeAfterT0AndAfterTheInjectTheyFollow() {
        run.start(T0);
        assertThat(due(at(0, 59))).isEmpty();
        assertThat(due(at(1, 0))).containsExactly("a");
        assertThat(situation.incidents().get("YL-1:case")).isNotNull();
        assertThat(due(at(3, 30))).containsExactly("b", "c");
        assertThat(due(at(3, 59))).isEmpty();
        assertThat(due(at(4, 0))).containsExactly("d");
        assertThat(situation.warnings().get("YL-1:c").lifted()).isTrue();
    }

    @Test
    void onResumeNothingFiresInABurst() {
        run.start(T0);
        assertThat(due(at(1, 30))).containsExactly("a");
        take(run.pause(at(1, 30), situation), at(1, 30));
        assertThat(due(at(20, 0))).as("paused").isEmpty();
        run.resume(at(31, 30)); // paused for 30 minutes: b, c and d were due in the pause by the hub's clock
        assertThat(due(at(31, 30))).isEmpty();
        assertThat(due(at(31, 59))).isEmpty();
        assertThat(due(at(32, 0))).containsExactly("b");
        assertThat(run.clock(at(32, 0))).isEqualTo(Duration.ofMinutes(2));
        assertThat(due(at(33, 0))).containsExactly("c");
        assertThat(due(at(34, 0))).containsExactly("d");
    }

    @Test
    void noInjectIsSkippedOrRepeatedAcrossManyPauses() {
        run.start(T0);
        Instant t = T0;
        for (int step = 0; step < 120; step++) {
            t = t.plusSeconds(7);
            due(t);
            if (step % 5 == 4) {
                take(run.pause(t, situation), t);
                t = t.plusSeconds(600);
                due(t);
                run.resume(t);
            }
        }
        assertThat(fired).containsExactly("a", "b", "c", "d");
        assertThat(run.clock(t)).isEqualTo(Duration.ofSeconds(7 * 120));
    }

    @Test
    void fireNowIsNotDelayedByThePause() {
        run.start(T0);
        due(at(1, 30));
        take(run.pause(at(1, 30), situation), at(1, 30));
        // twenty minutes into the pause the trainer fires c: its events come at once
        assertThat(take(run.fireNow("c", at(21, 30), situation), at(21, 30))).containsExactly("c");
        assertThat(situation.warnings().get("YL-1:c")).isNotNull();
        run.resume(at(40, 0));
        // d follows c by a minute of drill time from when c fired (drill time 1m30s), not from c's own time
        // b keeps its drill time (2m); c does not fire again
        assertThat(due(at(40, 29))).isEmpty();
        assertThat(due(at(40, 30))).containsExactly("b");
        assertThat(due(at(40, 59))).isEmpty();
        assertThat(due(at(41, 0))).containsExactly("d");
        assertThat(due(at(50, 0))).isEmpty();
        assertThat(fired).containsExactly("a", "c", "b", "d");
    }

    @Test
    void aRunningFireNowComesAtOnceAndItsOwnTimeIsDropped() {
        run.start(T0);
        assertThat(take(run.fireNow("b", at(0, 10), situation), at(0, 10))).containsExactly("b");
        assertThat(due(at(2, 30))).containsExactly("a");
        assertThatThrownBy(() -> run.fireNow("b", at(2, 40), situation)).isInstanceOf(DrillRun.Refused.class)
                .hasMessageContaining("fired already");
    }

    @Test
    void skipMovesTheDrillClockToTheNextInject() {
        run.start(T0);
        assertThat(take(run.skip(at(0, 5), situation), at(0, 5))).containsExactly("a");
        assertThat(run.clock(at(0, 5))).isEqualTo(Duration.ofMinutes(1));
        assertThat(take(run.skip(at(0, 6), situation), at(0, 6))).containsExactly("b");
        assertThat(run.clock(at(0, 16))).isEqualTo(Duration.ofMinutes(2).plusSeconds(10));
    }

    @Test
    void aTraineeActionFiresItsInjectAfterItsDelay() {
        run.start(T0);
        due(at(1, 0));
        assertThat(due(at(10, 0))).doesNotContain("e");
        // the trainees dispatch the case to a unit on duty
        situation = situation.apply(new Recorded(situation.seq() + 1, at(10, 5),
                new Event.UnitStatusChanged("GW-079", UnitStatus.AVL)));
        situation = situation.apply(new Recorded(situation.seq() + 1, at(10, 5),
                new Event.IncidentAdvanced("YL-1:case", IncidentState.PENDING_DISPATCH, null)));
        situation = situation.apply(new Recorded(situation.seq() + 1, at(10, 5),
                new Event.IncidentDispatched("YL-1:case", "GW-079")));
        assertThat(due(at(10, 10))).isEmpty();
        assertThat(run.firesAt("e")).isEqualTo(Duration.ofMinutes(10).plusSeconds(10).plusSeconds(30));
        assertThat(due(at(10, 40))).containsExactly("e");
        assertThat(run.state()).isEqualTo(DrillRun.State.FINISHED);
    }

    @Test
    void aDrillStartsOnceAndPausesOnlyWhileRunning() {
        run.start(T0);
        assertThatThrownBy(() -> run.start(at(1, 0))).isInstanceOf(DrillRun.Refused.class)
                .hasMessageContaining("started already");
        run.pause(at(1, 0), situation);
        assertThatThrownBy(() -> run.pause(at(1, 5), situation)).isInstanceOf(DrillRun.Refused.class)
                .hasMessageContaining("only a running drill can be paused");
        run.stop(at(2, 0));
        assertThatThrownBy(() -> run.resume(at(2, 5))).isInstanceOf(DrillRun.Refused.class);
        assertThatThrownBy(() -> run.fireNow("b", at(2, 5), situation)).isInstanceOf(DrillRun.Refused.class)
                .hasMessageContaining("stopped");
    }

    @Test
    void anUnannouncedInjectJoinsTheRun() {
        run.start(T0);
        due(at(1, 30));
        DrillScripts.Addition a = DrillScripts.add(run.script(), """
                {"id": "x", "title": "临时增加：单兵求助",
                 "events": [{"type": "UnitSos", "payload": {"unitId": "GW-079", "active": true}}]}
                """, run.clock(at(1, 40)), heyi);
        assertThat(a.errors()).isNull();
        run.add(a.script(), a.inject());
        assertThat(due(at(1, 40))).containsExactly("x");
        assertThat(situation.units().get("GW-079").sos()).isTrue();

        DrillScripts.Addition following = DrillScripts.add(run.script(), """
                {"id": "y", "after": "a", "delay": "1m", "title": "a 之后一分钟",
                 "events": [{"type": "UnitSos", "payload": {"unitId": "GW-079", "active": false}}]}
                """, run.clock(at(1, 45)), heyi);
        run.add(following.script(), following.inject());
        assertThat(due(at(1, 59))).isEmpty();
        assertThat(due(at(2, 0))).containsExactly("b", "y"); // a fired at 1m: y at 2m, after b in the script's order

        DrillScripts.Addition bad = DrillScripts.add(run.script(), """
                {"id": "y", "at": "1m", "title": "t", "events": [{"type": "UnitSos", "payload": {"unitId": "GW-079", "active": false}}]}
                """, run.clock(at(1, 50)), heyi);
        assertThat(bad.errors()).singleElement().asString().isEqualTo("inject.at: at 1m is past: the drill clock is at 1m50s");
        DrillScripts.Addition unknown = DrillScripts.add(run.script(), """
                {"id": "z", "title": "t", "events": [{"type": "UnitSos", "payload": {"unitId": "GW-000", "active": true}}]}
                """, run.clock(at(1, 50)), heyi);
        assertThat(unknown.errors()).singleElement().asString()
                .isEqualTo("inject.events[0].payload.unitId: no unit 'GW-000' in the Heyi inventory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"storm-530.yaml", "waterlogging-underpass.yaml", "crowd-gathering.yaml"})
    void theShippedDrillsFoldOnTheHeyiInventoryToTheirEnd(String name) {
        run = new DrillRun("YL-530", DrillScriptsTest.good(name));
        run.start(T0);
        Instant t = T0;
        for (int i = 0; i < 12 * 120; i++) { // twelve hours in 30-second steps, as a hub would tick
            t = t.plusSeconds(30);
            due(t);
        }
        for (DrillScript.Inject in : run.script().injects()) {
            // waiting on trainees who are not there: the trainer fires it (what follows it comes by itself)
            if (!run.fired().contains(in.id()) && in.when() != null) {
                take(run.fireNow(in.id(), t, situation), t);
            }
        }
        for (int i = 0; i < 120; i++) {
            t = t.plusSeconds(30);
            due(t);
        }
        assertThat(run.state()).isEqualTo(DrillRun.State.FINISHED);
        assertThat(fired).hasSize(run.script().injects().stream().mapToInt(in -> in.events().size()).sum());
        if (name.startsWith("storm")) {
            Outage o = situation.outages().get("YL-530:dongsan");
            assertThat(o.powerRestored()).isEqualTo(30);
            assertThat(o.networkRestored()).isEqualTo(30);
            assertThat(situation.complaints().keySet().stream().filter(k -> k.startsWith("YL-530:outage-calls")))
                    .hasSize(60);
            assertThat(situation.warnings().values()).allMatch(w -> w.lifted());
        }
    }
}
