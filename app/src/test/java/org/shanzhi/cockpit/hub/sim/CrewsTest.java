package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.UnitStatus;

class CrewsTest {

    /** A unit's status changes, with their times. */
    static List<SimHarness.Timed<UnitStatus>> statuses(SimHarness h, String unitId) {
        return h.of(Event.UnitStatusChanged.class).stream().filter(t -> t.event().unitId().equals(unitId))
                .map(t -> new SimHarness.Timed<>(t.time(), t.event().status())).toList();
    }

    @Test
    void unitsKeepTheirShiftsAndPatrolTheirRoads() {
        SimHarness h = new SimHarness(2);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults());

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
    void calledOutGridWorkersStayOnShiftPast18AndGoOffWhenTheCallEnds() {
        SimHarness h = new SimHarness(2);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults());
        crews.calledOutWhile(() -> h.ctx.now().isBefore(SimHarness.day(0, "22:00"))); // 应急响应 till 22:00

        h.until(SimHarness.day(1, "06:00"), crews::move);

        for (FieldUnit u : SimHarness.INVENTORY.units().values()) {
            var s = statuses(h, u.id());
            if (u.role() == FieldUnit.Role.GRID_WORKER) {
                assertThat(s).as(u.id()).filteredOn(t -> t.event() == UnitStatus.OFF).singleElement()
                        .satisfies(t -> assertThat(t.time()).isBetween(SimHarness.day(0, "22:00"),
                                SimHarness.day(0, "22:02")));
            } else if (u.role() == FieldUnit.Role.PROPERTY) {
                assertThat(s).as("others keep their hours").last()
                        .satisfies(t -> assertThat(t.time()).isBefore(SimHarness.day(0, "20:22")));
            }
        }
    }

    @Test
    void aUnitAPersonHasTakenOverKeepsNoSimulatedShiftNorPatrol() {
        SimHarness h = new SimHarness(2, SimHarness.timed(SimHarness.INVENTORY, SimHarness.day(0, "07:00")),
                "GW-001"::equals);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults());

        h.until(SimHarness.day(0, "12:00"), crews::move);

        assertThat(statuses(h, "GW-001")).isEmpty();
        assertThat(h.of(Event.UnitMoved.class)).noneMatch(m -> m.event().unitId().equals("GW-001"));
        assertThat(statuses(h, "GW-002")).isNotEmpty();
    }

    static GeoPoint towardTheCentre(FieldUnit unit, double metres) {
        return Geo.toward(unit.at(), SimHarness.INVENTORY.district().bounds().centre(), metres);
    }

    @Test
    void aRestartedPatrolWalksOnFromWhereItStands() {
        SimHarness before = new SimHarness(2, SimHarness.day(0, "09:00"));
        Crews first = new Crews(before.ctx, Crews.Rates.defaults());
        before.until(SimHarness.day(0, "10:00"), first::move);
        var atRestart = before.situation;
        List<String> patrolling = atRestart.units().values().stream().filter(u -> u.status() == UnitStatus.PAT)
                .map(FieldUnit::id).toList();
        assertThat(patrolling).hasSizeGreaterThan(50);

        SimHarness h = new SimHarness(5, atRestart);
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults());
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
