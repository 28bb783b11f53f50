package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.DisputeState;
import org.shanzhi.cockpit.domain.Event;

class DisputesTest {

    record Step(DisputeState state, Instant at) {
    }

    static Map<String, List<Step>> walks(SimHarness h) {
        Map<String, List<Step>> walks = new LinkedHashMap<>();
        for (TimedEvent te : h.events) {
            if (te.event() instanceof Event.DisputeRegistered r) {
                walks.computeIfAbsent(r.disputeId(), k -> new ArrayList<>())
                        .add(new Step(DisputeState.REGISTERED, te.time()));
            } else if (te.event() instanceof Event.DisputeAdvanced a) {
                walks.get(a.disputeId()).add(new Step(a.state(), te.time()));
            }
        }
        return walks;
    }

    @Test
    void everyDisputeWalksTheTableToItsArchive() {
        SimHarness h = new SimHarness(12);
        Disputes disputes = new Disputes(h.ctx, new Disputes.Rates(60, 0.9));
        h.until(SimHarness.day(1, "06:00"), disputes::intake);
        h.until(SimHarness.day(95, "06:00"));

        Map<String, List<Step>> walks = walks(h);
        assertThat(walks).hasSizeBetween(35, 90);
        assertThat(h.situation.disputes().values())
                .allSatisfy(d -> assertThat(d.state()).isEqualTo(DisputeState.ARCHIVED));
        assertThat(h.ctx.pending()).isZero();
        for (var e : walks.entrySet()) {
            Dispute d = h.situation.disputes().get(e.getKey());
            List<Step> s = e.getValue();
            for (int i = 1; i < s.size(); i++) {
                double[] b = bounds(d, s.get(i - 1).state(), s.get(i).state());
                assertThat(SimHarness.minutes(s.get(i - 1).at(), s.get(i).at())).as("%s %s → %s", d.id(),
                        s.get(i - 1).state(), s.get(i).state()).isBetween(b[0], b[1] + 1 / 6.0);
            }
            boolean whistled = s.stream().anyMatch(x -> x.state() == DisputeState.WHISTLE);
            if (whistled) {
                assertThat(d.level() == Dispute.Level.DIFFICULT || d.risk() == Dispute.Risk.RED).isTrue();
            } else {
                assertThat(d.level()).isNotEqualTo(Dispute.Level.DIFFICULT);
            }
        }
        assertThat(walks.values()).anySatisfy(s -> assertThat(s).extracting(Step::state)
                .contains(DisputeState.JUDICIAL_CONFIRMATION));
        assertThat(walks.values()).anySatisfy(s ->
                assertThat(s).extracting(Step::state).contains(DisputeState.REFERRED));
    }

    /** The table's bounds in minutes for one step. */
    private static double[] bounds(Dispute d, DisputeState from, DisputeState to) {
        double h = 60;
        double day = 24 * h;
        return switch (from) {
            case REGISTERED -> switch (d.risk()) {
                case RED -> new double[] {10, 30};
                case ORANGE -> new double[] {0.5 * h, 4 * h};
                case YELLOW -> new double[] {h, 24 * h};
            };
            case TRIAGED -> to == DisputeState.WHISTLE ? new double[] {10, 60} : new double[] {h, 8 * h};
            case WHISTLE -> new double[] {h, 8 * h};
            case ASSIGNED -> new double[] {h, 24 * h};
            case MEDIATING -> new double[] {0.1 * day, 60 * day};
            case AGREED -> new double[] {day, day};
            case JUDICIAL_CONFIRMATION -> new double[] {10 * day, 10 * day};
            case TERMINATED, FOLLOW_UP -> new double[] {24 * h, 72 * h};
            case FULFILLMENT, REFERRED -> new double[] {7 * day, 7 * day};
            default -> throw new AssertionError(from);
        };
    }

    /**
     * Screening: 邻里纠纷 orders become disputes at the 调委会 of the caller's community once the caller is reached,
     * naming the order; disputes registered directly say where they came from.
     */
    @Test
    void neighboursOrdersAreScreenedIntoDisputesAtTheirCommunitysCommittee() {
        SimHarness h = new SimHarness(12);
        Disputes disputes = new Disputes(h.ctx, new Disputes.Rates(20, 0.9));
        Complaints.Rates usual = Complaints.Rates.defaults();
        Complaints complaints = new Complaints(h.ctx, new Complaints.Rates(400, usual.answeredDirect(), usual.overdue(),
                usual.responded(), usual.resolved(), usual.satisfied(), usual.basicallySatisfied()));
        complaints.screenTo(disputes);
        h.until(SimHarness.day(3, "06:00"), () -> {
            complaints.intake(false);
            disputes.intake();
        });

        List<Dispute> screened = h.situation.disputes().values().stream()
                .filter(d -> d.source() == Dispute.Source.HOTLINE).toList();
        long neighbours = h.situation.complaints().values().stream()
                .filter(c -> c.category().equals("邻里纠纷") && c.contactedAt() != null).count();
        assertThat(screened).isNotEmpty().hasSizeLessThanOrEqualTo((int) neighbours);
        for (Dispute d : screened) {
            var order = h.situation.complaints().get(d.sourceId());
            assertThat(order.category()).isEqualTo("邻里纠纷");
            assertThat(d.communityCode()).isEqualTo(order.communityCode());
            assertThat(d.committee()).isEqualTo(h.ctx.scenario().committees().stream()
                    .filter(c -> c.communityCode().equals(order.communityCode())).findFirst().orElseThrow().name());
        }
        assertThat(h.situation.disputes().values()).extracting(Dispute::source)
                .contains(Dispute.Source.VISIT, Dispute.Source.GRID).doesNotContainNull();
    }

    @Test
    void aRestartedLifecycleTakesEveryDisputeOnToItsArchive() {
        SimHarness before = new SimHarness(12);
        Disputes first = new Disputes(before.ctx, new Disputes.Rates(60, 0.9));
        before.until(SimHarness.day(1, "06:00"), first::intake);
        before.until(SimHarness.day(4, "06:00"));
        var atRestart = before.situation;
        assertThat(atRestart.disputes().values()).extracting(Dispute::state).contains(DisputeState.MEDIATING,
                DisputeState.FULFILLMENT);

        SimHarness after = new SimHarness(21, atRestart);
        Disputes resumed = new Disputes(after.ctx, new Disputes.Rates(60, 0.9));
        resumed.resume(atRestart);
        after.until(SimHarness.day(95, "06:00"));

        assertThat(after.situation.disputes().values()).allSatisfy(d ->
                assertThat(d.state()).as(d.id()).isEqualTo(DisputeState.ARCHIVED));
        // timed from when each reached its state: a fulfilment is followed up 7 days after it began
        for (Dispute d : atRestart.disputes().values()) {
            if (d.state() == DisputeState.FULFILLMENT) {
                var next = after.of(Event.DisputeAdvanced.class).stream()
                        .filter(a -> a.event().disputeId().equals(d.id())).findFirst().orElseThrow();
                assertThat(next.event().state()).isEqualTo(DisputeState.FOLLOW_UP);
                assertThat(SimHarness.minutes(d.updatedAt(), next.time()) / 1440).isBetween(7.0, 7.01);
            }
        }
    }
}
