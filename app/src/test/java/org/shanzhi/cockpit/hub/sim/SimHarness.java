package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/**
 * One lifecycle driven on a {@link SimContext} over the 和义 inventory, as the hub would: ticks that
 * run the due steps and then whatever the test adds, the events emitted folded into {@link #situation}.
 * People acting through the hub are {@link #apply}.
 */
final class SimHarness {

    static final HeyiScenario HEYI = HeyiScenario.loadDefault();
    static final Situation INVENTORY = HeyiScenarioTest.fold(HEYI.inventory(), Simulator.DEFAULT_START);

    final SimContext ctx;
    Situation situation;
    final List<TimedEvent> events = new ArrayList<>();

    /** Starts at {@link Simulator#DEFAULT_START} (06:00 on the storm day). */
    SimHarness(long seed) {
        this(seed, Simulator.DEFAULT_START);
    }

    SimHarness(long seed, Instant start) {
        this(seed, timed(INVENTORY, start));
    }

    /** Starts on {@code situation}, at its time. */
    SimHarness(long seed, Situation situation) {
        this(seed, situation, unitId -> false);
    }

    /** Starts on {@code situation}, at its time, with the units {@code peoplesUnits} names in people's hands. */
    SimHarness(long seed, Situation situation, Predicate<String> peoplesUnits) {
        this.situation = situation;
        this.ctx = new SimContext(HEYI, seed, peoplesUnits);
        ctx.start(situation, situation.time());
    }

    /** The inventory situation moved to another time (nothing happened in between). */
    static Situation timed(Situation s, Instant time) {
        return new Situation(s.seq(), time, s.district(), s.communities(), s.grids(), s.cameras(), s.sensors(),
                s.units(), s.incidents(), s.complaints(), s.disputes(), s.petitions(), s.whistles(), s.warnings(),
                s.alerts(), s.outages(), s.intel(), s.keyPeriods(), s.orders(), s.instructions(), s.drill(),
                s.drillThings());
    }

    /** The instant {@code days} after the start's day at local {@code time}. */
    static Instant day(int days, String time) {
        return Simulator.DEFAULT_START.atZone(Simulator.ZONE).toLocalDate().plusDays(days)
                .atTime(LocalTime.parse(time)).atZone(Simulator.ZONE).toInstant();
    }

    /** Folds an event now, as if someone acted through the hub. */
    void apply(Event e) {
        situation = situation.apply(new Recorded(situation.seq() + 1, ctx.now(), e));
    }

    /** One tick in which {@code action} happens after the due steps. */
    List<TimedEvent> once(Runnable action) {
        return until(ctx.now().plus(SimContext.TICK), action);
    }

    /** Ticks up to {@code to} that only run the due steps. */
    List<TimedEvent> until(Instant to) {
        return until(to, () -> { });
    }

    List<TimedEvent> forward(Duration d) {
        return until(ctx.now().plus(d));
    }

    /** Ticks up to {@code to}: each runs the due steps, then {@code each}. */
    List<TimedEvent> until(Instant to, Runnable each) {
        List<TimedEvent> made = ctx.advance(situation, to, () -> {
            ctx.runDue();
            each.run();
        });
        for (TimedEvent te : made) {
            situation = situation.apply(new Recorded(situation.seq() + 1, te.time(), te.event()));
        }
        events.addAll(made);
        return made;
    }

    /** The events of a type emitted so far, with their times. */
    <E extends Event> List<Timed<E>> of(Class<E> type) {
        List<Timed<E>> out = new ArrayList<>();
        for (TimedEvent te : events) {
            if (type.isInstance(te.event())) {
                out.add(new Timed<>(te.time(), type.cast(te.event())));
            }
        }
        return out;
    }

    record Timed<E>(Instant time, E event) {
    }

    /** Minutes between two instants, as a double. */
    static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds() / 60.0;
    }
}
