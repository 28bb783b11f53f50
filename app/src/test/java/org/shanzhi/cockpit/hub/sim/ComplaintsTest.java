package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.UnitStatus;

class ComplaintsTest {

    /** One state an order reached, and when. */
    record Step(ComplaintState state, Instant at) {
    }

    /** Every order's walk, from the events emitted. */
    static Map<String, List<Step>> walks(SimHarness h) {
        Map<String, List<Step>> walks = new LinkedHashMap<>();
        for (TimedEvent te : h.events) {
            if (te.event() instanceof Event.ComplaintReceived r) {
                walks.computeIfAbsent(r.orderNo(), k -> new ArrayList<>())
                        .add(new Step(ComplaintState.ACCEPTED, te.time()));
            } else if (te.event() instanceof Event.ComplaintAdvanced a) {
                walks.get(a.orderNo()).add(new Step(a.state(), te.time()));
            } else if (te.event() instanceof Event.ComplaintRevisited r) {
                walks.get(r.orderNo()).add(new Step(ComplaintState.REVISITED, te.time()));
            }
        }
        return walks;
    }

    @Test
    void anOrderJoinedToACaseWaitsForTheCasesCloseThenHasItsRevisit() {
        SimHarness h = new SimHarness(5, SimHarness.day(0, "08:00"));
        Complaints complaints = new Complaints(h.ctx, Complaints.Rates.defaults());
        GeoPoint at = h.situation.communities().values().iterator().next().boundary().centroid();
        String[] no = new String[1];
        h.once(() -> no[0] = complaints.report(at, "园林绿化", "树木倒伏堵路"));
        h.apply(new Event.IncidentOpened("AJ-T-1", "树木倒伏", "树木倒伏", Incident.Source.HOTLINE,
                Incident.Severity.HIGH, IncidentState.REGISTERED, at, null, null));
        h.apply(new Event.ComplaintLinked(no[0], "AJ-T-1"));
        h.forward(Duration.ofHours(12));
        assertThat(h.situation.complaints().get(no[0]).state()).isEqualTo(ComplaintState.IN_PROGRESS);

        // people take the case round the loop and close it: its 结案 replies the order, the 回访 follows
        FieldUnit unit = h.situation.units().values().iterator().next();
        if (unit.status() == UnitStatus.OFF) {
            h.apply(new Event.UnitStatusChanged(unit.id(), UnitStatus.AVL));
        }
        h.apply(new Event.IncidentAdvanced("AJ-T-1", IncidentState.PENDING_DISPATCH, null));
        h.apply(new Event.IncidentDispatched("AJ-T-1", unit.id()));
        for (IncidentState st : List.of(IncidentState.IN_PROGRESS, IncidentState.DISPOSED, IncidentState.CHECKING,
                IncidentState.CLOSED)) {
            h.apply(new Event.IncidentAdvanced("AJ-T-1", st, null));
        }
        Instant closedAt = h.situation.incidents().get("AJ-T-1").closedAt();
        assertThat(h.situation.complaints().get(no[0]).repliedAt()).isEqualTo(closedAt);
        h.forward(Duration.ofHours(6));
        Complaint c = h.situation.complaints().get(no[0]);
        assertThat(c.revisit()).isNotNull();
        assertThat(SimHarness.minutes(closedAt, c.revisit().at())).isBetween(60.0, 4 * 60.0 + 10);
    }

    @Test
    void everyOrderWalksTheTableToItsEnd() {
        SimHarness h = new SimHarness(3, SimHarness.day(0, "08:00"));
        Complaints complaints = new Complaints(h.ctx, Complaints.Rates.defaults());
        // 120 calls over ten hours, a few of them about the outage, then two months for the slowest to end
        int[] calls = {0};
        h.until(SimHarness.day(0, "18:00"), () -> {
            if (h.ctx.now().getEpochSecond() % 300 == 0) {
                complaints.receive(h.ctx.randomCommunity(), calls[0] % 10 == 0, calls[0] % 20 == 0);
                calls[0]++;
            }
        });
        h.until(SimHarness.day(60, "08:00"));

        Map<String, List<Step>> walks = walks(h);
        assertThat(walks).hasSize(120);
        assertThat(h.situation.complaints().values()).allSatisfy(c -> assertThat(c.open()).as(c.orderNo()).isFalse());
        assertThat(h.ctx.pending()).isZero();
        for (var w : walks.entrySet()) {
            Complaint c = h.situation.complaints().get(w.getKey());
            List<Step> steps = w.getValue();
            for (int i = 1; i < steps.size(); i++) {
                Step from = steps.get(i - 1);
                Step to = steps.get(i);
                double[] b = bounds(c, from.state(), to.state(), reopened(steps, i));
                // a step runs at the first tick at or after it is due: up to 10 s late
                assertThat(SimHarness.minutes(from.at(), to.at())).as("%s %s → %s", c.orderNo(), from.state(),
                        to.state()).isBetween(b[0], b[1] + 1 / 6.0);
            }
        }
        // all the table's ways through are taken
        assertThat(walks.values())
                .anySatisfy(s -> assertThat(s.get(1).state()).isEqualTo(ComplaintState.ANSWERED_DIRECT))
                .anySatisfy(s -> assertThat(s).extracting(Step::state).contains(ComplaintState.REOPENED));
        assertThat(h.situation.complaints().values()).anySatisfy(c -> assertThat(c.category()).isEqualTo("水电气"));
    }

    private static boolean reopened(List<Step> steps, int i) {
        return steps.subList(0, i).stream().anyMatch(s -> s.state() == ComplaintState.REOPENED);
    }

    /** The table's bounds in minutes for one step. */
    private static double[] bounds(Complaint c, ComplaintState from, ComplaintState to, boolean reopened) {
        double limit = c.priority().limit.toMinutes();
        return switch (from) {
            case ACCEPTED -> to == ComplaintState.ANSWERED_DIRECT ? new double[] {2, 10} : new double[] {2, 12};
            case DISPATCHED -> new double[] {1, 6};
            case SIGNED -> c.priority() == Complaint.Priority.URGENT ? new double[] {5, 20} : new double[] {15, 120};
            case CONTACTED -> new double[] {1, 30};
            case IN_PROGRESS -> reopened ? new double[] {0.05 * limit - 1, 0.775 * limit}
                    : new double[] {0.1 * limit - 1, 1.55 * limit};
            case REPLIED -> switch (c.priority()) {
                case URGENT -> new double[] {60, 240};
                case TIMELY -> new double[] {180, 1200};
                default -> new double[] {1440, 4320};
            };
            case REVISITED -> new double[] {5, 60};
            case REOPENED -> new double[] {10, 60};
            default -> throw new AssertionError(from + " is terminal");
        };
    }

    @Test
    void aReopenedOrderWasUnresolvedOrUnsatisfied() {
        SimHarness h = new SimHarness(5, SimHarness.day(0, "08:00"));
        Complaints complaints = new Complaints(h.ctx, Complaints.Rates.defaults());
        h.until(SimHarness.day(0, "20:00"), () -> {
            if (h.ctx.now().getEpochSecond() % 600 == 0) {
                complaints.receive(h.ctx.randomCommunity(), false, false);
            }
        });
        h.until(SimHarness.day(40, "08:00"));

        List<String> reopened = h.of(Event.ComplaintAdvanced.class).stream()
                .filter(a -> a.event().state() == ComplaintState.REOPENED).map(a -> a.event().orderNo()).toList();
        assertThat(reopened).isNotEmpty();
        // the 回访 before each reopening said unresolved or unsatisfied
        for (String id : reopened) {
            List<Event.ComplaintRevisited> revisits = h.of(Event.ComplaintRevisited.class).stream()
                    .map(SimHarness.Timed::event).filter(r -> r.orderNo().equals(id)).toList();
            assertThat(revisits.get(0)).satisfiesAnyOf(
                    r -> assertThat(r.resolved()).isEqualTo(Complaint.Resolution.NO),
                    r -> assertThat(r.satisfaction()).isEqualTo(Complaint.Satisfaction.UNSATISFIED));
        }
    }

    @Test
    void theIntakeFollowsTheHourAndTheStorm() {
        SimHarness calm = new SimHarness(11);
        Complaints a = new Complaints(calm.ctx, Complaints.Rates.defaults());
        calm.until(SimHarness.day(3, "06:00"), () -> a.intake(false));
        SimHarness stormy = new SimHarness(11);
        Complaints b = new Complaints(stormy.ctx, Complaints.Rates.defaults());
        stormy.until(SimHarness.day(3, "06:00"), () -> b.intake(true));

        List<Instant> received = calm.of(Event.ComplaintReceived.class).stream().map(SimHarness.Timed::time).toList();
        assertThat(received).hasSizeBetween(25, 70); // 15 a day in May
        long byDay = received.stream().filter(t -> {
            int hour = t.atZone(Simulator.ZONE).getHour();
            return hour >= 8 && hour < 20;
        }).count();
        assertThat(byDay).isGreaterThan(received.size() / 2);
        assertThat(stormy.of(Event.ComplaintReceived.class).size()).isGreaterThan(received.size() * 3 / 2);
    }

    @Test
    void aRestartedLifecycleCarriesOnTheOrdersItFinds() {
        SimHarness before = new SimHarness(3, SimHarness.day(0, "08:00"));
        Complaints first = new Complaints(before.ctx, Complaints.Rates.defaults());
        before.until(SimHarness.day(0, "12:00"), () -> {
            if (before.ctx.now().getEpochSecond() % 300 == 0) {
                first.receive(before.ctx.randomCommunity(), false, false);
            }
        });
        // people's: an order from another system, and one whose unit asked for more time
        before.apply(new Event.ComplaintReceived("12345-0001", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "其他",
                Complaint.Priority.URGENT, SimHarness.INVENTORY.communities().values().iterator().next().boundary()
                        .centroid(), "其他诉求", false));
        String extended = before.situation.complaints().values().stream()
                .filter(c -> c.state() == ComplaintState.IN_PROGRESS).findFirst().orElseThrow().orderNo();
        before.apply(new Event.ComplaintAdvanced(extended, ComplaintState.EXTENSION_REQUESTED));
        var atRestart = before.situation;
        assertThat(atRestart.complaints().values()).extracting(Complaint::state).contains(ComplaintState.ACCEPTED,
                ComplaintState.SIGNED, ComplaintState.CONTACTED, ComplaintState.IN_PROGRESS, ComplaintState.REPLIED);

        SimHarness after = new SimHarness(99, atRestart);
        Complaints resumed = new Complaints(after.ctx, Complaints.Rates.defaults());
        resumed.resume(atRestart);
        after.until(SimHarness.day(60, "08:00"));

        assertThat(after.situation.complaints().values()).filteredOn(c -> c.orderNo().startsWith("GD-"))
                .filteredOn(c -> !c.orderNo().equals(extended))
                .allSatisfy(c -> assertThat(c.open()).as(c.orderNo()).isFalse());
        assertThat(after.situation.complaints().get("12345-0001")).isEqualTo(atRestart.complaints().get("12345-0001"));
        assertThat(after.situation.complaints().get(extended)).isEqualTo(atRestart.complaints().get(extended));
        // the pace goes on from when each order reached its state: a contacted order is in progress 1–30 min after
        for (Complaint c : atRestart.complaints().values()) {
            if (c.state() == ComplaintState.CONTACTED) {
                var next = after.of(Event.ComplaintAdvanced.class).stream()
                        .filter(a -> a.event().orderNo().equals(c.orderNo())).findFirst().orElseThrow();
                assertThat(next.event().state()).isEqualTo(ComplaintState.IN_PROGRESS);
                Instant due = c.contactedAt().plus(Duration.ofMinutes(30));
                Instant latest = (due.isAfter(atRestart.time()) ? due : atRestart.time()).plusSeconds(10);
                assertThat(next.time()).isAfter(atRestart.time()).isBeforeOrEqualTo(latest);
            }
        }
    }
}
