package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;
import org.shanzhi.cockpit.hub.sim.Catalogue.Weighted;

class OrdersTest {

    /** The case side, recorded instead of acted on. */
    static final class Recorded implements Orders.CaseWork {
        final List<String> calls = new ArrayList<>();

        @Override
        public void disposed(String incidentId) {
            calls.add("disposed " + incidentId);
        }

        @Override
        public void declined(String incidentId) {
            calls.add("declined " + incidentId);
        }
    }

    /** Units that answer orders, at 10:00 on the storm day or on a situation given. */
    static final class World {
        final SimHarness h;
        final Crews crews;
        final Orders orders;
        final Recorded work = new Recorded();

        World(Orders.Rates rates) {
            this(new SimHarness(2, SimHarness.day(0, "10:00")), rates);
        }

        World(SimHarness h, Orders.Rates rates) {
            this.h = h;
            crews = new Crews(h.ctx, Crews.Rates.defaults());
            orders = new Orders(h.ctx, rates, crews, work);
        }

        /** What the simulator does every tick besides the due steps. */
        void tick() {
            orders.takeUp(h.ctx.situation());
            crews.move();
        }

        /** A case of {@code kind}, as a person opens it, waiting for dispatch at {@code at}. */
        Incident openCase(String id, CaseKind kind, GeoPoint at) {
            h.apply(new Event.IncidentOpened(id, kind.title(), kind.category(), Incident.Source.LEADER,
                    kind.severity(), IncidentState.REGISTERED, at, kind.limit().from(h.ctx.now()), null));
            h.apply(new Event.IncidentAdvanced(id, IncidentState.PENDING_DISPATCH, null));
            return h.situation.incidents().get(id);
        }

        void atWork(String... units) {
            for (String u : units) {
                h.apply(new Event.UnitStatusChanged(u, UnitStatus.AVL));
            }
        }
    }

    static final Orders.Rates ALWAYS_ON_TIME = new Orders.Rates(0, 0);

    /** The steps of an order, as its events made them. */
    static List<SimHarness.Timed<OrderState>> steps(SimHarness h, String orderId) {
        List<SimHarness.Timed<OrderState>> out = new ArrayList<>();
        for (var t : h.of(Event.OrderIssued.class)) {
            if (t.event().orderId().equals(orderId)) {
                out.add(new SimHarness.Timed<>(t.time(), OrderState.SENT));
            }
        }
        for (var t : h.of(Event.OrderAdvanced.class)) {
            if (t.event().orderId().equals(orderId)) {
                out.add(new SimHarness.Timed<>(t.time(), t.event().state()));
            }
        }
        return out;
    }

    private static double seconds(SimHarness.Timed<?> from, SimHarness.Timed<?> to) {
        return Duration.between(from.time(), to.time()).getSeconds();
    }

    @Test
    void anOrderGoesRoundFromSentToReportedAndTheUnitRidesBack() {
        World w = new World(ALWAYS_ON_TIME);
        FieldUnit unit = SimHarness.INVENTORY.units().get("GY-01");
        GeoPoint at = CrewsTest.towardTheCentre(unit, 720);
        w.atWork(unit.id());
        Incident i = w.openCase("AJ-1", Catalogue.LINE_DOWN, at);

        w.h.once(() -> assertThat(w.orders.issue(i, unit.id())).isTrue());
        w.h.until(SimHarness.day(0, "20:00"), w::tick);

        DispatchOrder o = w.h.situation.orders().values().iterator().next();
        assertThat(SimContext.ours(Orders.PREFIX, o.id())).as(o.id()).isTrue();
        assertThat(o.issuer()).isEqualTo(DispatchOrder.Issuer.CENTER);
        assertThat(o.task()).isEqualTo(Catalogue.orderTask(i.category(), i.title())).doesNotContain("前往处置：");
        var s = steps(w.h, o.id());
        assertThat(s).extracting(SimHarness.Timed::event).containsExactly(OrderState.SENT, OrderState.DELIVERED,
                OrderState.ACCEPTED, OrderState.EN_ROUTE, OrderState.ON_SITE, OrderState.WORKING, OrderState.REPORTED);
        assertThat(seconds(s.get(0), s.get(1))).as("delivered").isBetween(3.0, 30.0);
        assertThat(seconds(s.get(1), s.get(2))).as("accepted").isBetween(20.0, 190.0);
        assertThat(seconds(s.get(2), s.get(3))).as("sets out").isBetween(30.0, 130.0);
        // the ride: 720 m at 7 m/s is two minutes' moves, arriving on the spot
        assertThat(SimHarness.minutes(s.get(3).time(), s.get(4).time())).isBetween(1.0, 3.0);
        assertThat(SimHarness.minutes(s.get(4).time(), s.get(5).time())).isBetween(1.0, 4 + 1 / 6.0);
        assertThat(SimHarness.minutes(s.get(5).time(), s.get(6).time())).isBetween(
                (double) Catalogue.LINE_DOWN.workMinMinutes(), Catalogue.LINE_DOWN.workMaxMinutes() + 1 / 6.0);
        assertThat(o.steps().subList(1, o.steps().size())).extracting(DispatchOrder.Step::by).containsOnly(unit.id());
        assertThat(o.note()).isEqualTo(Catalogue.orderResult(i.category(), i.title()));
        // the unit's status followed the order, never a status change of its own; the case was disposed of
        assertThat(CrewsTest.statuses(w.h, unit.id())).isEmpty();
        assertThat(w.h.situation.incidents().get("AJ-1").state()).isEqualTo(IncidentState.DISPOSED);
        assertThat(w.work.calls).containsExactly("disposed AJ-1");
        var onScene = w.h.of(Event.UnitMoved.class).stream().filter(m -> m.event().unitId().equals(unit.id()))
                .filter(m -> !m.time().isAfter(s.get(4).time())).toList();
        assertThat(onScene.get(onScene.size() - 1).event().at()).isEqualTo(at);
        // and back home, free
        FieldUnit back = w.h.situation.units().get(unit.id());
        assertThat(back.at()).isEqualTo(unit.at());
        assertThat(back.status()).isEqualTo(UnitStatus.AVL);
        assertThat(back.incidentId()).isNull();
    }

    @Test
    void aLateUnitAcceptsAfterTheSeatsAlert() {
        World w = new World(new Orders.Rates(0, 1));
        w.atWork("PS-01");
        Incident i = w.openCase("AJ-1", Catalogue.LINE_DOWN, SimHarness.INVENTORY.district().bounds().centre());
        w.h.once(() -> w.orders.issue(i, "PS-01"));
        w.h.forward(Duration.ofMinutes(10));

        DispatchOrder o = w.h.situation.orders().values().iterator().next();
        Instant accepted = o.reached(OrderState.ACCEPTED);
        assertThat(accepted).isNotNull();
        assertThat(Duration.between(o.issuedAt(), accepted)).as("after the 2-minute alert")
                .isGreaterThan(DispatchOrder.Timing.defaults().acceptWithin());
    }

    @Test
    void aDeclineGivesItsReasonAndTheCenterSendsTheNextNearestFreeUnit() {
        SimHarness h = new SimHarness(6, SimHarness.day(0, "10:00"));
        Cases cases = new Cases(h.ctx, new Cases.Rates(0));
        Crews crews = new Crews(h.ctx, Crews.Rates.defaults());
        Orders orders = new Orders(h.ctx, new Orders.Rates(1, 0), crews, cases); // everyone declines
        cases.dispatchTo(orders);
        for (FieldUnit u : SimHarness.INVENTORY.units().values()) {
            h.apply(new Event.UnitStatusChanged(u.id(), UnitStatus.AVL));
        }
        GeoPoint at = SimHarness.INVENTORY.district().bounds().centre();
        h.once(() -> cases.open(Catalogue.LINE_DOWN, Incident.Source.GRID_WORKER, IncidentState.REGISTERED, at,
                null, null));
        h.forward(Duration.ofMinutes(40));

        var issued = h.of(Event.OrderIssued.class);
        var declined = h.of(Event.OrderAdvanced.class).stream()
                .filter(t -> t.event().state() == OrderState.DECLINED).toList();
        assertThat(issued).hasSizeGreaterThanOrEqualTo(4);
        List<String> sent = issued.stream().map(t -> t.event().unitId()).toList();
        assertThat(sent.subList(0, 4)).as("the utility crews, nearest first, none asked twice")
                .doesNotHaveDuplicates().allSatisfy(u -> assertThat(u).startsWith("GY-"));
        List<String> byDistance = SimHarness.INVENTORY.units().values().stream()
                .filter(u -> u.role() == FieldUnit.Role.UTILITY)
                .sorted((a, b) -> Double.compare(a.at().metresTo(at), b.at().metresTo(at))).map(FieldUnit::id).toList();
        assertThat(sent.subList(0, 4)).containsExactlyElementsOf(byDistance);
        Set<String> reasons = new HashSet<>(
                Catalogue.DECLINE_REASONS.stream().map(Weighted::value).toList());
        for (int k = 0; k < 3; k++) {
            assertThat(declined.get(k).event().orderId()).isEqualTo(issued.get(k).event().orderId());
            assertThat(declined.get(k).event().by()).isEqualTo(sent.get(k));
            assertThat(declined.get(k).event().reason()).isIn(reasons);
            assertThat(SimHarness.minutes(declined.get(k).time(), issued.get(k + 1).time()))
                    .isBetween(0.5, 2 + 1 / 6.0);
        }
    }

    @Test
    void aPersonsOrderToASimulatedUnitIsAnswered() {
        World w = new World(ALWAYS_ON_TIME);
        w.atWork("PS-03");
        w.openCase("INC-7", Catalogue.STALL, CrewsTest.towardTheCentre(SimHarness.INVENTORY.units().get("PS-03"), 400));
        w.h.forward(Duration.ofMinutes(5));
        // the district's seat sends it through the hub
        w.h.apply(new Event.OrderIssued("ZL-31", "INC-7", "PS-03", "请派出所协助劝离", null,
                DispatchOrder.Issuer.DISTRICT, false));
        w.h.until(SimHarness.day(0, "12:00"), w::tick);

        DispatchOrder o = w.h.situation.orders().get("ZL-31");
        assertThat(o.state()).isEqualTo(OrderState.REPORTED);
        assertThat(o.steps()).extracting(DispatchOrder.Step::state).containsExactly(OrderState.SENT,
                OrderState.DELIVERED, OrderState.ACCEPTED, OrderState.EN_ROUTE, OrderState.ON_SITE,
                OrderState.WORKING, OrderState.REPORTED);
        assertThat(o.steps().subList(1, o.steps().size())).extracting(DispatchOrder.Step::by).containsOnly("PS-03");
        assertThat(Duration.between(o.issuedAt(), o.reached(OrderState.DELIVERED)).getSeconds()).isBetween(3L, 30L);
        assertThat(o.note()).isEqualTo(Catalogue.orderResult(Catalogue.STALL.category(), Catalogue.STALL.title()));
        assertThat(w.h.situation.incidents().get("INC-7").state()).isEqualTo(IncidentState.DISPOSED);
        assertThat(w.h.of(Event.OrderAdvanced.class)).as("answered once").hasSize(6);
    }

    @Test
    void aUnitAPersonHasTakenOverIsLeftAlone() {
        Predicate<String> peoples = "PS-03"::equals;
        World w = new World(new SimHarness(2, SimHarness.timed(SimHarness.INVENTORY, SimHarness.day(0, "10:00")),
                peoples), ALWAYS_ON_TIME);
        w.atWork("PS-03", "PS-04");
        GeoPoint at = SimHarness.INVENTORY.district().bounds().centre();
        w.openCase("INC-7", Catalogue.STALL, at);
        w.openCase("INC-8", Catalogue.STALL, at);
        w.h.apply(new Event.OrderIssued("ZL-31", "INC-7", "PS-03", "前往处置", null, DispatchOrder.Issuer.CENTER,
                false));
        w.h.apply(new Event.OrderIssued("ZL-32", "INC-8", "PS-04", "前往处置", null, DispatchOrder.Issuer.CENTER,
                false));
        // and a unit the hub registered that the scenario does not know: nobody to play it
        w.openCase("INC-9", Catalogue.STALL, at);
        w.h.apply(new Event.UnitRegistered(new FieldUnit("U-99", "新队员", FieldUnit.Role.GRID_WORKER, UnitStatus.AVL,
                at, 0, null, null, false)));
        w.h.apply(new Event.OrderIssued("ZL-33", "INC-9", "U-99", "前往处置", null, DispatchOrder.Issuer.CENTER,
                false));
        w.h.until(SimHarness.day(0, "12:00"), w::tick);

        assertThat(w.h.situation.orders().get("ZL-31").state()).isEqualTo(OrderState.SENT);
        assertThat(w.h.situation.orders().get("ZL-33").state()).isEqualTo(OrderState.SENT);
        assertThat(w.h.situation.orders().get("ZL-32").state()).isEqualTo(OrderState.REPORTED);
        assertThat(w.h.events).extracting(TimedEvent::event).noneMatch(e ->
                e instanceof Event.OrderAdvanced a && a.orderId().equals("ZL-31")
                        || e instanceof Event.UnitMoved m && m.unitId().equals("PS-03")
                        || e instanceof Event.UnitStatusChanged c && c.unitId().equals("PS-03"));
    }

    @Test
    void theCenterSendsNoOrderToAUnitAPersonHasTakenOver() {
        // every utility crew but the farthest is in people's hands: the simulated center sends that one
        GeoPoint at = SimHarness.INVENTORY.district().bounds().centre();
        List<String> byDistance = SimHarness.INVENTORY.units().values().stream()
                .filter(u -> u.role() == FieldUnit.Role.UTILITY)
                .sorted((a, b) -> Double.compare(a.at().metresTo(at), b.at().metresTo(at))).map(FieldUnit::id).toList();
        String farthest = byDistance.get(byDistance.size() - 1);
        SimHarness h = new SimHarness(6, SimHarness.timed(SimHarness.INVENTORY, SimHarness.day(0, "10:00")),
                u -> u.startsWith("GY-") && !u.equals(farthest));
        Cases cases = new Cases(h.ctx, new Cases.Rates(0));
        cases.dispatchTo(new Orders(h.ctx, ALWAYS_ON_TIME, new Crews(h.ctx, Crews.Rates.defaults()), cases));
        for (FieldUnit u : SimHarness.INVENTORY.units().values()) {
            h.apply(new Event.UnitStatusChanged(u.id(), UnitStatus.AVL));
        }
        h.once(() -> cases.open(Catalogue.LINE_DOWN, Incident.Source.GRID_WORKER, IncidentState.REGISTERED, at,
                null, null));
        h.forward(Duration.ofMinutes(10));

        assertThat(h.of(Event.OrderIssued.class)).singleElement()
                .satisfies(t -> assertThat(t.event().unitId()).isEqualTo(farthest));
    }

    @Test
    void aRestartedSimulatorCarriesEachOrderOnFromItsStep() {
        // one unit at each step of an order the simulator issued, stopped there by a restart
        List<OrderState> stages = List.of(OrderState.SENT, OrderState.DELIVERED, OrderState.ACCEPTED,
                OrderState.EN_ROUTE, OrderState.ON_SITE, OrderState.WORKING);
        List<String> units = List.of("GY-01", "GY-02", "GY-03", "GY-04", "PS-01", "PS-02");
        World before = new World(ALWAYS_ON_TIME);
        for (int k = 0; k < stages.size(); k++) {
            String unit = units.get(k);
            String incident = "AJ-20260530+0800-000" + (k + 1);
            String order = "ZL-20260530+0800-000" + (k + 1);
            before.atWork(unit);
            before.openCase(incident, Catalogue.LINE_DOWN, CrewsTest.towardTheCentre(
                    SimHarness.INVENTORY.units().get(unit), 300));
            before.h.apply(new Event.OrderIssued(order, incident, unit, "抢修", null, DispatchOrder.Issuer.CENTER,
                    false));
            for (OrderState s : stages.subList(1, k + 1)) {
                before.h.apply(new Event.OrderAdvanced(order, s, unit, null, null, List.of()));
            }
        }
        Situation atRestart = before.h.situation;
        GeoPoint riderAt = atRestart.units().get("GY-04").at();

        World w = new World(new SimHarness(5, atRestart), ALWAYS_ON_TIME);
        w.crews.resume(atRestart);
        w.orders.takeUp(atRestart);
        w.h.until(SimHarness.day(0, "18:00"), w::tick);

        List<OrderState> round = List.of(OrderState.SENT, OrderState.DELIVERED, OrderState.ACCEPTED,
                OrderState.EN_ROUTE, OrderState.ON_SITE, OrderState.WORKING, OrderState.REPORTED);
        for (int k = 0; k < stages.size(); k++) {
            String order = "ZL-20260530+0800-000" + (k + 1);
            assertThat(steps(w.h, order)).extracting(SimHarness.Timed::event).as(order)
                    .containsExactlyElementsOf(round.subList(k + 1, round.size()));
            assertThat(w.h.situation.units().get(units.get(k)).incidentId()).isNull();
        }
        assertThat(w.h.of(Event.UnitMoved.class)).filteredOn(m -> m.event().unitId().equals("GY-04")).first()
                .satisfies(m -> assertThat(m.event().at().metresTo(riderAt)).as("rides on, no jump")
                        .isLessThan(7 * 60 + 1));
        assertThat(w.work.calls).hasSize(6);
    }
}
