package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.FieldUnit.Role;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;

class CasesTest {

    /** Cases with the crews that take them, every unit at work. */
    static final class World {
        final SimHarness h;
        final Cases cases;
        final Crews crews;
        final Orders orders;

        World(long seed, String time, boolean unitsAtWork) {
            h = new SimHarness(seed, SimHarness.day(0, time));
            cases = new Cases(h.ctx, new Cases.Rates(0));
            crews = new Crews(h.ctx, Crews.Rates.defaults());
            orders = new Orders(h.ctx, new Orders.Rates(0, 0.08), crews, cases); // declines: OrdersTest
            cases.dispatchTo(orders);
            if (unitsAtWork) {
                for (FieldUnit u : SimHarness.INVENTORY.units().values()) {
                    h.apply(new Event.UnitStatusChanged(u.id(), UnitStatus.AVL));
                }
            }
        }

        void tick() {
            orders.takeUp(h.ctx.situation());
            crews.move();
        }
    }

    record Step(IncidentState state, Instant at, String unitId) {
    }

    static Map<String, List<Step>> walks(SimHarness h) {
        Map<String, List<Step>> walks = new LinkedHashMap<>();
        for (TimedEvent te : h.events) {
            if (te.event() instanceof Event.IncidentOpened o) {
                walks.computeIfAbsent(o.incidentId(), k -> new ArrayList<>()).add(new Step(o.state(), te.time(), null));
            } else if (te.event() instanceof Event.IncidentAdvanced a) {
                walks.get(a.incidentId()).add(new Step(a.state(), te.time(), null));
            } else if (te.event() instanceof Event.OrderIssued d) {
                walks.get(d.incidentId()).add(new Step(IncidentState.DISPATCHED, te.time(), d.unitId()));
            } else if (te.event() instanceof Event.OrderAdvanced a && a.state() == OrderState.WORKING) {
                String incident = h.situation.orders().get(a.orderId()).incidentId();
                walks.get(incident).add(new Step(IncidentState.IN_PROGRESS, te.time(), a.by())); // the fold's
            } else if (te.event() instanceof Event.OrderAdvanced a && a.state() == OrderState.REPORTED) {
                String incident = h.situation.orders().get(a.orderId()).incidentId();
                walks.get(incident).add(new Step(IncidentState.DISPOSED, te.time(), a.by())); // the fold's
            }
        }
        return walks;
    }

    @Test
    void everyCaseGoesRoundTheClosedLoop() {
        World w = new World(6, "09:00", true);
        List<CaseKind> kinds = Catalogue.AI_KINDS.stream().map(k -> k.value().becomes()).toList();
        int[] opened = {0};
        // 60 cases over five hours, reported or registered, all over the district
        w.h.until(SimHarness.day(0, "14:00"), () -> {
            if (w.h.ctx.now().getEpochSecond() % 300 == 0) {
                CaseKind kind = kinds.get(opened[0] % kinds.size());
                w.cases.open(kind, Incident.Source.AI, opened[0] % 2 == 0 ? IncidentState.REPORTED
                        : IncidentState.REGISTERED, w.h.ctx.randomPointIn(w.h.ctx.randomCommunity()), null, null);
                opened[0]++;
            }
            w.tick();
        });
        w.h.until(SimHarness.day(0, "21:00"), w::tick);

        Map<String, List<Step>> walks = walks(w.h);
        assertThat(walks).hasSize(60);
        assertThat(w.h.situation.incidents().values()).allSatisfy(i ->
                assertThat(i.state()).as(i.id()).isEqualTo(IncidentState.CLOSED));
        for (var e : walks.entrySet()) {
            Incident incident = w.h.situation.incidents().get(e.getKey());
            CaseKind kind = kindOf(incident);
            List<Step> s = e.getValue();
            int i = 0;
            if (s.get(0).state() == IncidentState.REPORTED) {
                assertStep(s, ++i, IncidentState.REGISTERED, 1, 5);
            }
            assertStep(s, ++i, IncidentState.PENDING_DISPATCH, 1, 4);
            assertStep(s, ++i, IncidentState.DISPATCHED, 1, 5);
            String unitId = s.get(i).unitId();
            assertThat(SimHarness.INVENTORY.units().get(unitId).role()).isIn(kind.roles());
            // the unit's start of work and its report move the case (the fold)
            assertThat(incident.orderIds()).hasSize(1);
            assertThat(s.get(++i).state()).isEqualTo(IncidentState.IN_PROGRESS);
            assertThat(s.get(i).unitId()).isEqualTo(unitId);
            assertThat(s.get(++i).state()).isEqualTo(IncidentState.DISPOSED);
            assertThat(s.get(i).unitId()).isEqualTo(unitId);
            assertStep(s, ++i, IncidentState.CHECKING, 10, 60);
            if (s.get(i + 1).state() == IncidentState.REWORK) {
                assertStep(s, ++i, IncidentState.REWORK, 5, 40);
                assertStep(s, ++i, IncidentState.IN_PROGRESS, 5, 20);
                assertStep(s, ++i, IncidentState.DISPOSED, 30, 90);
                assertStep(s, ++i, IncidentState.CHECKING, 10, 60);
            }
            assertStep(s, ++i, IncidentState.CLOSED, 5, 40);
            assertThat(s).hasSize(i + 1);
        }
        assertThat(walks.values()).anySatisfy(s ->
                assertThat(s).extracting(Step::state).contains(IncidentState.REWORK));
    }

    /** The catalogue's kind of a case, by its category and title. */
    static CaseKind kindOf(Incident i) {
        List<CaseKind> all = new ArrayList<>();
        Catalogue.AI_KINDS.forEach(k -> all.add(k.value().becomes()));
        Catalogue.PATROL_FINDINGS.forEach(k -> all.add(k.value()));
        all.addAll(List.of(Catalogue.FALLEN_TREE, Catalogue.LINE_DOWN, Catalogue.WATERLOGGING, Catalogue.MANHOLE));
        return all.stream().filter(k -> k.category().equals(i.category()) && k.title().equals(i.title())).findFirst()
                .orElseThrow();
    }

    private static void assertStep(List<Step> s, int i, IncidentState state, double fromMinutes, double toMinutes) {
        assertThat(s.get(i).state()).isEqualTo(state);
        assertThat(SimHarness.minutes(s.get(i - 1).at(), s.get(i).at())).as("→ %s", state)
                .isBetween(fromMinutes, toMinutes + 1 / 6.0);
    }

    @Test
    void withNobodyFreeTheDispatcherTriesEveryThreeMinutesForThreeHours() {
        World w = new World(6, "03:00", false);
        w.h.once(() -> w.cases.open(Catalogue.LINE_DOWN, Incident.Source.GRID_WORKER, IncidentState.REGISTERED,
                SimHarness.INVENTORY.district().bounds().centre(), null, null));
        w.h.forward(Duration.ofMinutes(30));
        // a utility crew comes on: taken at the next try
        w.h.apply(new Event.UnitStatusChanged("GY-02", UnitStatus.AVL));
        Instant free = w.h.ctx.now();
        w.h.forward(Duration.ofMinutes(5));

        var dispatched = w.h.of(Event.OrderIssued.class);
        assertThat(dispatched).hasSize(1);
        assertThat(dispatched.get(0).event().unitId()).isEqualTo("GY-02");
        assertThat(SimHarness.minutes(free, dispatched.get(0).time())).isBetween(0.0, 3.0);

        World nobody = new World(6, "03:00", false);
        nobody.h.once(() -> nobody.cases.open(Catalogue.LINE_DOWN, Incident.Source.GRID_WORKER,
                IncidentState.REGISTERED, SimHarness.INVENTORY.district().bounds().centre(), null, null));
        nobody.h.forward(Duration.ofHours(3).plusMinutes(15));

        assertThat(nobody.h.situation.incidents().values()).singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo(IncidentState.PENDING_DISPATCH));
        assertThat(nobody.h.ctx.pending()).as("given up after 60 tries").isZero();
    }

    @Test
    void aGridWorkersFindingIsHisToHandleWhenHisRoleMay() {
        World w = new World(6, "10:00", true);
        Cases finding = new Cases(w.h.ctx, new Cases.Rates(150));
        finding.dispatchTo(w.orders);
        w.h.until(SimHarness.day(0, "11:00"), w::tick); // out on patrol
        w.h.until(SimHarness.day(0, "11:30"), () -> {
            finding.patrolFindings();
            w.tick();
        });

        var opened = w.h.of(Event.IncidentOpened.class);
        assertThat(opened).isNotEmpty()
                .allSatisfy(o -> assertThat(o.event().source()).isEqualTo(Incident.Source.GRID_WORKER));
        var dispatched = w.h.of(Event.OrderIssued.class);
        assertThat(dispatched).isNotEmpty();
        // a finding a grid worker may handle goes to the one who found it: the unit nearest where it was found
        for (var d : dispatched) {
            Incident i = w.h.situation.incidents().get(d.event().incidentId());
            CaseKind kind = kindOf(i);
            if (kind.roles().contains(Role.GRID_WORKER)) {
                assertThat(d.event().unitId()).startsWith("GW-");
            }
        }
        // including one that would otherwise go to its first role (占道经营: 城管 first)
        assertThat(dispatched).anySatisfy(d -> assertThat(kindOf(w.h.situation.incidents().get(d.event().incidentId()))
                .roles()).startsWith(Role.ENFORCEMENT).contains(Role.GRID_WORKER));
    }

    @Test
    void aRestartedLifecycleTakesEveryCaseOnToItsClose() {
        World before = new World(6, "09:00", true);
        List<CaseKind> kinds = Catalogue.AI_KINDS.stream().map(k -> k.value().becomes()).toList();
        int[] opened = {0};
        before.h.until(SimHarness.day(0, "11:00"), () -> {
            if (before.h.ctx.now().getEpochSecond() % 120 == 0) {
                before.cases.open(kinds.get(opened[0]++ % kinds.size()), Incident.Source.AI, IncidentState.REPORTED,
                        before.h.ctx.randomPointIn(before.h.ctx.randomCommunity()), null, null);
            }
            before.tick();
        });
        var atRestart = before.h.situation;
        assertThat(atRestart.incidents().values()).extracting(Incident::state).contains(IncidentState.REPORTED,
                IncidentState.PENDING_DISPATCH, IncidentState.DISPATCHED, IncidentState.IN_PROGRESS,
                IncidentState.DISPOSED, IncidentState.CHECKING);

        SimHarness h = new SimHarness(42, atRestart);
        Cases cases = new Cases(h.ctx, new Cases.Rates(0));
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults());
        Orders orders = new Orders(h.ctx, Orders.Rates.defaults(), crews, cases);
        cases.dispatchTo(orders);
        cases.resume(atRestart);
        crews.resume(atRestart);
        orders.takeUp(atRestart);
        h.until(SimHarness.day(0, "20:00"), () -> {
            orders.takeUp(h.ctx.situation());
            crews.move();
        });
        assertThat(h.situation.incidents().values()).allSatisfy(i ->
                assertThat(i.state()).as(i.id()).isEqualTo(IncidentState.CLOSED));
        assertThat(h.situation.units().values()).allSatisfy(u -> assertThat(u.incidentId()).as(u.id()).isNull());
    }

    @Test
    void aCaseInProgressWithNoUnitLeftOnItIsDisposedOfByItself() {
        World before = new World(6, "09:00", true);
        before.h.once(() -> before.cases.open(Catalogue.LINE_DOWN, Incident.Source.GRID_WORKER,
                IncidentState.REGISTERED, SimHarness.INVENTORY.district().bounds().centre(), null, null));
        String id = before.h.situation.incidents().keySet().iterator().next();
        // reworked before the restart: in progress again, its unit long gone
        before.h.apply(new Event.IncidentAdvanced(id, IncidentState.PENDING_DISPATCH, null));
        before.h.apply(new Event.IncidentDispatched(id, "GY-01"));
        before.h.apply(new Event.UnitStatusChanged("GY-01", UnitStatus.ACK));
        before.h.apply(new Event.UnitStatusChanged("GY-01", UnitStatus.ENR));
        before.h.apply(new Event.UnitStatusChanged("GY-01", UnitStatus.ONS));
        before.h.apply(new Event.IncidentAdvanced(id, IncidentState.IN_PROGRESS, null));
        before.h.apply(new Event.UnitStatusChanged("GY-01", UnitStatus.WRK));
        before.h.apply(new Event.UnitStatusChanged("GY-01", UnitStatus.RPT));
        before.h.apply(new Event.IncidentAdvanced(id, IncidentState.DISPOSED, null));
        before.h.apply(new Event.IncidentAdvanced(id, IncidentState.CHECKING, null));
        before.h.apply(new Event.IncidentAdvanced(id, IncidentState.REWORK, null));
        before.h.apply(new Event.IncidentAdvanced(id, IncidentState.IN_PROGRESS, null));
        before.h.apply(new Event.UnitStatusChanged("GY-01", UnitStatus.AVL));
        var atRestart = before.h.situation;

        SimHarness h = new SimHarness(42, atRestart);
        Cases cases = new Cases(h.ctx, new Cases.Rates(0));
        cases.dispatchTo(new Orders(h.ctx, Orders.Rates.defaults(), new Crews(h.ctx, Crews.Rates.defaults()), cases));
        cases.resume(atRestart);
        h.forward(Duration.ofHours(3));

        var steps = h.of(Event.IncidentAdvanced.class);
        assertThat(steps).extracting(t -> t.event().state()).containsExactly(IncidentState.DISPOSED,
                IncidentState.CHECKING, IncidentState.CLOSED); // reworked once: closed at the check
        assertThat(SimHarness.minutes(atRestart.time(), steps.get(0).time())).isBetween(30.0, 90 + 1 / 6.0);
    }
}
