package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.UnitStatus;

class SimContextTest {

    static final Instant START = Simulator.DEFAULT_START;

    @Test
    void startsOnTheTickAtOrBeforeTheSituationsTime() {
        SimHarness h = new SimHarness(1, START.plusSeconds(17));

        assertThat(h.ctx.now()).isEqualTo(START.plusSeconds(10));
        h.once(() -> { });
        assertThat(h.ctx.now()).isEqualTo(START.plusSeconds(20));
    }

    @Test
    void stepsRunWhenDueAndInTheOrderTheyWereScheduled() {
        SimHarness h = new SimHarness(1);
        List<String> ran = new ArrayList<>();
        h.once(() -> {
            h.ctx.later(Duration.ofMinutes(2), () -> ran.add("b at " + h.ctx.now()));
            h.ctx.at(h.ctx.now().plus(Duration.ofMinutes(1)), () -> ran.add("a at " + h.ctx.now()));
            h.ctx.later(Duration.ofMinutes(2), () -> ran.add("c at " + h.ctx.now()));
            h.ctx.later(Duration.ofSeconds(-5), () -> ran.add("now at " + h.ctx.now()));
        });
        Instant t0 = START.plusSeconds(10);

        h.forward(Duration.ofMinutes(5));

        assertThat(ran).containsExactly("now at " + t0.plusSeconds(10), "a at " + t0.plusSeconds(60),
                "b at " + t0.plusSeconds(120), "c at " + t0.plusSeconds(120));
        assertThat(h.ctx.pending()).isZero();
    }

    @Test
    void aStepIsNeverDueBeforeTheNextTick() {
        SimHarness h = new SimHarness(1);
        List<Instant> ran = new ArrayList<>();
        h.once(() -> h.ctx.later(Duration.ofSeconds(3), () -> ran.add(h.ctx.now())));

        h.forward(Duration.ofMinutes(1));

        assertThat(ran).containsExactly(START.plusSeconds(20));
    }

    @Test
    void anEventTheFoldRefusesIsDroppedAndCounted() {
        SimHarness h = new SimHarness(1);
        boolean[] emitted = new boolean[2];

        h.once(() -> {
            emitted[0] = h.ctx.emit(new Event.UnitStatusChanged("GW-001", UnitStatus.AVL));
            emitted[1] = h.ctx.emit(new Event.UnitStatusChanged("GW-001", UnitStatus.WRK)); // AVL → WRK is illegal
        });

        assertThat(emitted).containsExactly(true, false);
        assertThat(h.ctx.dropped()).isEqualTo(1);
        assertThat(h.events).extracting(TimedEvent::event)
                .containsExactly(new Event.UnitStatusChanged("GW-001", UnitStatus.AVL));
        assertThat(h.situation.units().get("GW-001").status()).isEqualTo(UnitStatus.AVL);
    }

    @Test
    void eventsAreEmittedOnlyWithinATick() {
        SimHarness h = new SimHarness(1);

        assertThatThrownBy(() -> h.ctx.emit(new Event.UnitStatusChanged("GW-001", UnitStatus.AVL)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idsAreNumberedPerPrefixAndDaySkippingTakenOnes() {
        SimHarness h = new SimHarness(1);
        List<String> ids = new ArrayList<>();
        h.once(() -> {
            ids.add(h.ctx.nextId("XF", h.ctx.situation().petitions()));
            h.ctx.emit(new Event.PetitionRegistered("XF-20260530+0800-0002", Petition.Form.VISIT,
                    1, "物业服务与收费", null));
            ids.add(h.ctx.nextId("XF", h.ctx.situation().petitions()));
            ids.add(h.ctx.nextId("JF", h.ctx.situation().disputes()));
        });

        // the date is BASIC_ISO_DATE of a zoned time: with its offset, as the journal has always had it
        assertThat(ids).containsExactly("XF-20260530+0800-0001", "XF-20260530+0800-0003", "JF-20260530+0800-0001");
    }

    @Test
    void theSameSeedDrawsTheSameNumbers() {
        SimContext a = new SimContext(SimHarness.HEYI, 9);
        SimContext b = new SimContext(SimHarness.HEYI, 9);
        SimContext c = new SimContext(SimHarness.HEYI, 10);

        List<Double> da = List.of(a.uniform(), a.gaussian(), (double) a.minutes(1, 5).getSeconds());
        List<Double> db = List.of(b.uniform(), b.gaussian(), (double) b.minutes(1, 5).getSeconds());
        List<Double> dc = List.of(c.uniform(), c.gaussian(), (double) c.minutes(1, 5).getSeconds());

        assertThat(da).isEqualTo(db).isNotEqualTo(dc);
    }
}
