package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;

class CrewsTest {

    /** The case side, recorded instead of acted on. */
    static final class Recorded implements Crews.CaseWork {
        final List<String> calls = new ArrayList<>();
        final SimHarness h;

        Recorded(SimHarness h) {
            this.h = h;
        }

        @Override
        public void onScene(String incidentId) {
            calls.add("on scene " + incidentId + " at " + h.ctx.now());
        }

        @Override
        public void reported(String incidentId) {
            calls.add("reported " + incidentId + " at " + h.ctx.now());
        }
    }

    /** A unit's status changes, with their times. */
    static List<SimHarness.Timed<UnitStatus>> statuses(SimHarness h, String unitId) {
        return h.of(Event.UnitStatusChanged.class).stream().filter(t -> t.event().unitId().equals(unitId))
                .map(t -> new SimHarness.Timed<>(t.time(), t.event().status())).toList();
    }

    @Test
    void unitsKeepTheirShiftsAndPatrolTheirRoads() {
        SimHarness h = new SimHarness(2);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults(), new Recorded(h));

        h.until(SimHarness.day(1, "06:00"), crews::move);

        for (FieldUnit u : SimHarness.INVENTORY.units().values()) {
            var s = statuses(h, u.id());
            assertThat(s).as(u.id()).isNotEmpty();
            switch (u.role()) {
                case GRID_WORKER -> {
                    assertThat(s.get(0).event()).isEqualTo(UnitStatus.AVL);
                    assertThat(s.get(0).time()).isBetween(SimHarness.day(0, "08:00"), SimHarness.day(0, "08:21"));
                    assertThat(s.get(1).event()).isEqualTo(UnitStatus.PAT);
                    assertThat(SimHarness.minutes(s.get(0).time(), s.get(1).time())).isBetween(1.0, 16.0);
                    assertThat(s.get(s.size() - 1).event()).isEqualTo(UnitStatus.OFF);
                    assertThat(s.get(s.size() - 1).time())
                            .isBetween(SimHarness.day(0, "18:00"), SimHarness.day(0, "18:22"));
                }
                case POLICE -> assertThat(s.get(0).time()).isEqualTo(SimHarness.day(0, "06:01"));
                case LANDSCAPING, UTILITY -> assertThat(s).extracting(SimHarness.Timed::event)
                        .containsExactly(UnitStatus.AVL); // on call, never patrolling
                default -> { }
            }
            assertThat(s).extracting(SimHarness.Timed::event)
                    .allSatisfy(st -> assertThat(st).isIn(UnitStatus.AVL, UnitStatus.PAT, UnitStatus.OFF));
        }
        // a patrol walks: about 1.2 m/s, never leaving the district
        var moves = h.of(Event.UnitMoved.class).stream().filter(t -> t.event().unitId().equals("GW-001")).toList();
        assertThat(moves).hasSizeGreaterThan(300);
        for (int i = 1; i < moves.size(); i++) {
            assertThat(moves.get(i - 1).event().at().metresTo(moves.get(i).event().at()))
                    .isLessThan(1.2 * 60 * 1.2 + 1);
        }
        assertThat(moves).allSatisfy(m -> assertThat(SimHarness.INVENTORY.district().bounds()
                .contains(m.event().at())).isTrue());
    }

    @Test
    void aUnitTakesItsOrderFromSigningToReturning() {
        SimHarness h = new SimHarness(2, SimHarness.day(0, "10:00"));
        Recorded work = new Recorded(h);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults(), work);
        FieldUnit unit = SimHarness.INVENTORY.units().get("GY-01");
        GeoPoint at = towardTheCentre(unit, 720);
        CaseKind kind = Catalogue.LINE_DOWN;
        order(h, unit.id(), at);

        h.once(() -> crews.take(unit.id(), "AJ-1", kind, at));
        h.until(SimHarness.day(0, "20:00"), crews::move);

        var s = statuses(h, unit.id());
        assertThat(s).extracting(SimHarness.Timed::event).containsExactly(UnitStatus.ACK, UnitStatus.ENR,
                UnitStatus.ONS, UnitStatus.WRK, UnitStatus.RPT, UnitStatus.RET, UnitStatus.AVL);
        Instant given = SimHarness.day(0, "10:00").plusSeconds(10);
        assertThat(SimHarness.minutes(given, s.get(0).time())).isBetween(0.5, 3 + 1 / 6.0);
        assertThat(SimHarness.minutes(s.get(0).time(), s.get(1).time())).isBetween(0.5, 2 + 1 / 6.0);
        // the ride: 720 m at 7 m/s is two minutes' moves, arriving on the spot
        assertThat(SimHarness.minutes(s.get(1).time(), s.get(2).time())).isBetween(1.0, 3.0);
        assertThat(SimHarness.minutes(s.get(2).time(), s.get(3).time())).isBetween(1.0, 4 + 1 / 6.0);
        assertThat(SimHarness.minutes(s.get(3).time(), s.get(4).time()))
                .isBetween((double) kind.workMinMinutes(), kind.workMaxMinutes() + 1 / 6.0);
        assertThat(SimHarness.minutes(s.get(4).time(), s.get(5).time())).isBetween(2.0, 8 + 1 / 6.0);
        assertThat(work.calls).containsExactly("on scene AJ-1 at " + s.get(2).time(),
                "reported AJ-1 at " + s.get(4).time());
        // and back home, free
        FieldUnit back = h.situation.units().get(unit.id());
        assertThat(back.at()).isEqualTo(unit.at());
        assertThat(back.incidentId()).isNull();
    }

    @Test
    void aUnitTakenOffItsOrderThroughTheHubIsLeftAlone() {
        SimHarness h = new SimHarness(2, SimHarness.day(0, "10:00"));
        Recorded work = new Recorded(h);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults(), work);
        FieldUnit unit = SimHarness.INVENTORY.units().get("GY-01");
        GeoPoint at = towardTheCentre(unit, 720);
        order(h, unit.id(), at);
        h.once(() -> crews.take(unit.id(), "AJ-1", Catalogue.LINE_DOWN, at));

        h.apply(new Event.UnitStatusChanged(unit.id(), UnitStatus.AVL)); // the operator recalls it
        h.until(SimHarness.day(0, "12:00"), crews::move);

        assertThat(statuses(h, unit.id())).isEmpty();
        assertThat(work.calls).isEmpty();
        assertThat(h.situation.units().get(unit.id()).status()).isEqualTo(UnitStatus.AVL);
    }

    static GeoPoint towardTheCentre(FieldUnit unit, double metres) {
        return Geo.toward(unit.at(), SimHarness.INVENTORY.district().bounds().centre(), metres);
    }

    /** A case at {@code at} with {@code unitId} dispatched to it, as the hub would have it. */
    static void order(SimHarness h, String unitId, GeoPoint at) {
        h.apply(new Event.UnitStatusChanged(unitId, UnitStatus.AVL));
        h.apply(new Event.IncidentOpened("AJ-1", "测试", "测试", Incident.Source.GRID_WORKER, Incident.Severity.LOW,
                IncidentState.REGISTERED, at, h.ctx.now().plus(Duration.ofHours(4)), null));
        h.apply(new Event.IncidentAdvanced("AJ-1", IncidentState.PENDING_DISPATCH, null));
        h.apply(new Event.IncidentDispatched("AJ-1", unitId));
    }

    @Test
    void aRestartedCrewTakesUpItsOrderWhereItStood() {
        // one unit at each step of an order, stopped there by a restart
        List<UnitStatus> stages = List.of(UnitStatus.ASG, UnitStatus.ACK, UnitStatus.ENR, UnitStatus.ONS,
                UnitStatus.WRK, UnitStatus.RPT);
        List<String> units = List.of("GY-01", "GY-02", "GY-03", "GY-04", "PS-01", "PS-02");
        SimHarness before = new SimHarness(2, SimHarness.day(0, "10:00"));
        for (int i = 0; i < stages.size(); i++) {
            String unit = units.get(i);
            String incident = "AJ-20260530+0800-000" + (i + 1);
            GeoPoint at = towardTheCentre(SimHarness.INVENTORY.units().get(unit), 300);
            before.apply(new Event.UnitStatusChanged(unit, UnitStatus.AVL));
            before.apply(new Event.IncidentOpened(incident, Catalogue.LINE_DOWN.title(), Catalogue.LINE_DOWN.category(),
                    Incident.Source.GRID_WORKER, Incident.Severity.CRITICAL, IncidentState.REGISTERED, at,
                    before.ctx.now().plus(Duration.ofHours(2)), null));
            before.apply(new Event.IncidentAdvanced(incident, IncidentState.PENDING_DISPATCH, null));
            before.apply(new Event.IncidentDispatched(incident, unit));
            for (UnitStatus s : stages.subList(1, i + 1)) {
                before.apply(new Event.UnitStatusChanged(unit, s));
            }
        }
        // a unit someone else sent on a case of theirs: not the simulator's to carry on
        before.apply(new Event.UnitStatusChanged("PS-03", UnitStatus.AVL));
        before.apply(new Event.IncidentOpened("INC-7", "巡逻", "治安", Incident.Source.LEADER, Incident.Severity.LOW,
                IncidentState.REGISTERED, SimHarness.INVENTORY.district().bounds().centre(),
                before.ctx.now().plus(Duration.ofHours(2)), null));
        before.apply(new Event.IncidentAdvanced("INC-7", IncidentState.PENDING_DISPATCH, null));
        before.apply(new Event.IncidentDispatched("INC-7", "PS-03"));
        var atRestart = before.situation;

        SimHarness h = new SimHarness(5, atRestart);
        Recorded work = new Recorded(h);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults(), work);
        crews.resume(atRestart);
        h.until(SimHarness.day(0, "18:00"), crews::move);

        for (int i = 0; i < stages.size(); i++) {
            var s = statuses(h, units.get(i));
            List<UnitStatus> rest = new ArrayList<>(List.of(UnitStatus.ACK, UnitStatus.ENR, UnitStatus.ONS,
                    UnitStatus.WRK, UnitStatus.RPT, UnitStatus.RET, UnitStatus.AVL));
            rest = rest.subList(i, rest.size());
            assertThat(s).extracting(SimHarness.Timed::event).as(units.get(i))
                    .startsWith(rest.toArray(UnitStatus[]::new));
        }
        assertThat(work.calls).hasSize(4 + 4); // on scene for ASG..ENR, reported for ASG..WRK
        assertThat(statuses(h, "PS-03")).isEmpty();
        assertThat(h.situation.units().get("PS-03").status()).isEqualTo(UnitStatus.ASG);
    }

    @Test
    void aRestartedPatrolWalksOnFromWhereItStands() {
        SimHarness before = new SimHarness(2, SimHarness.day(0, "09:00"));
        Crews first = new Crews(before.ctx, Crews.Rates.defaults(), new Recorded(before));
        before.until(SimHarness.day(0, "10:00"), first::move);
        var atRestart = before.situation;
        List<String> patrolling = atRestart.units().values().stream().filter(u -> u.status() == UnitStatus.PAT)
                .map(FieldUnit::id).toList();
        assertThat(patrolling).hasSizeGreaterThan(50);

        SimHarness h = new SimHarness(5, atRestart);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults(), new Recorded(h));
        crews.resume(atRestart);
        h.forward(Duration.ofMinutes(20));
        h.until(h.ctx.now().plus(Duration.ofMinutes(20)), crews::move);

        for (String id : patrolling) {
            var moves = h.of(Event.UnitMoved.class).stream().filter(m -> m.event().unitId().equals(id)).toList();
            var s = statuses(h, id);
            assertThat(moves.isEmpty() && s.isEmpty()).as(id + " stands still").isFalse();
            if (!moves.isEmpty()) {
                assertThat(moves.get(0).event().at().metresTo(atRestart.units().get(id).at()))
                        .as("no jump").isLessThan(1.2 * 60 * 1.2 + 1);
            }
        }
    }
}
