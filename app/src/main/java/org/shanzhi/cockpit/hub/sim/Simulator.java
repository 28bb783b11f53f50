package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;

/**
 * A deterministic day in 和义街道: 12345 orders, AI alerts and the cases they become, field units on
 * shift and on patrol, sensors, cameras, disputes, petitions, intel, 吹哨 and — on the day of the
 * source document — the 5月30日 storm with its outage.
 *
 * <p>One engine ({@link SimContext}) and one class per lifecycle, each a table of steps. Time moves in
 * fixed simulated ticks of {@link #TICK}, so the output for a seed depends only on the situations and
 * the sequence of {@code to} instants, never on wall-clock pacing. Every event is tried on a private
 * copy of the situation before it is returned; one the fold would reject (because someone acted
 * through the hub in between) is dropped, and the lifecycle it belonged to is left to the people.
 *
 * <p>Started on a situation with work in progress (a restarted hub), every lifecycle first finds its
 * work there and carries it on. Not thread-safe: the hub calls {@link #advance} from one thread.
 */
public final class Simulator {

    public static final ZoneId ZONE = SimContext.ZONE;
    /** 2026-05-30 06:00 Beijing time: the morning of the storm in the source document. */
    public static final Instant DEFAULT_START =
            OffsetDateTime.of(2026, 5, 30, 6, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    public static final Duration TICK = SimContext.TICK;

    /** The rates and durations of the simulation, one record per lifecycle. */
    record Config(Complaints.Rates complaints, AiAlerts.Rates alerts, Cases.Rates cases, Crews.Rates crews,
                  Orders.Rates orders, Devices.Rates devices, Disputes.Rates disputes, Petitions.Rates petitions,
                  Intel.Rates intel, Whistles.Rates whistles,
                  /* null: a storm when the simulator starts on DEFAULT_START's date */
                  Boolean storm) {

        static Config defaults() {
            return new Config(Complaints.Rates.defaults(), AiAlerts.Rates.defaults(), Cases.Rates.defaults(),
                    Crews.Rates.defaults(), Orders.Rates.defaults(), Devices.Rates.defaults(),
                    Disputes.Rates.defaults(), Petitions.Rates.defaults(), Intel.Rates.defaults(),
                    Whistles.Rates.defaults(), null);
        }
    }

    private final SimContext ctx;
    private final Config config;
    private final Cases cases;
    private final AiAlerts alerts;
    private final Crews crews;
    private final Orders orders;
    private final Complaints complaints;
    private final Disputes disputes;
    private final Petitions petitions;
    private final Intel intel;
    private final Whistles whistles;
    private final Storm storm;
    private final Devices devices;
    private LocalDate day;
    /** The earliest the clock starts (the day on the wall after its lived month); null: the situation's time. */
    private Instant notBefore;

    public Simulator(HeyiScenario scenario, long seed) {
        this(scenario, seed, unitId -> false);
    }

    /**
     * A simulator that leaves alone the units {@code peoplesUnits} names: those a person has taken over with
     * a phone of their own (a per-unit credential) answer their orders and send their positions themselves.
     * Asked from the simulator's thread, often: it must be quick and thread-safe.
     */
    public Simulator(HeyiScenario scenario, long seed, Predicate<String> peoplesUnits) {
        this(scenario, seed, Config.defaults(), peoplesUnits);
    }

    Simulator(HeyiScenario scenario, long seed, Config config) {
        this(scenario, seed, config, unitId -> false, false);
    }

    private Simulator(HeyiScenario scenario, long seed, Config config, Predicate<String> peoplesUnits) {
        this(scenario, seed, config, peoplesUnits, false);
    }

    /** The lived month's simulator ({@link History}): lifecycles without positions, a week with its rhythm. */
    static Simulator lean(HeyiScenario scenario, long seed, Config config) {
        return new Simulator(scenario, seed, config, unitId -> false, true);
    }

    private Simulator(HeyiScenario scenario, long seed, Config config, Predicate<String> peoplesUnits,
                      boolean lean) {
        this.ctx = new SimContext(scenario, seed, peoplesUnits, lean);
        this.config = config;
        // Built in this order because three of them draw at birth, and a seed's journal follows the
        // order of its draws: each AI camera's rate, each unit's shift, each sensor's baseline.
        cases = new Cases(ctx, config.cases());
        alerts = new AiAlerts(ctx, config.alerts(), cases);
        crews = new Crews(ctx, config.crews());
        orders = new Orders(ctx, config.orders(), crews, cases);
        cases.dispatchTo(orders);
        complaints = new Complaints(ctx, config.complaints());
        disputes = new Disputes(ctx, config.disputes());
        petitions = new Petitions(ctx, config.petitions());
        intel = new Intel(ctx, config.intel());
        complaints.screenTo(disputes);
        petitions.screenTo(disputes);
        intel.screenTo(disputes);
        whistles = new Whistles(ctx, config.whistles());
        storm = new Storm(ctx, cases, alerts, whistles, complaints, crews);
        devices = new Devices(ctx, config.devices(), cases, storm);
    }

    /**
     * The Heyi day folded from its inventory and its lived month ({@link History}) up to {@code until}, without
     * a hub: for pictures, checks and tests. Like the hub, it drops an event the fold refuses.
     */
    public static Situation simulate(HeyiScenario heyi, long seed, Instant until) {
        Situation s = Situation.empty();
        for (Event e : heyi.inventory()) {
            s = s.apply(new Recorded(s.seq() + 1, History.start(DEFAULT_START), e));
        }
        for (TimedEvent t : History.month(heyi, seed, DEFAULT_START)) {
            s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
        }
        for (TimedEvent t : new Simulator(heyi, seed).notBefore(DEFAULT_START).advance(s, until)) {
            try {
                s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
            } catch (Rejection e) {
                // a planned event the situation no longer allows
            }
        }
        return s;
    }

    /**
     * Starts the clock at {@code start} when the situation's time is earlier: the day begins after its
     * lived month, whose last event came a little before it. Returns this simulator.
     */
    public Simulator notBefore(Instant start) {
        this.notBefore = start;
        return this;
    }

    /** Events dropped because the situation no longer allowed them (for logs and tests). */
    public int dropped() {
        return ctx.dropped();
    }

    /** Events with times in (last call's {@code to}, {@code to}], in time order, given the current situation. */
    public List<TimedEvent> advance(Situation current, Instant to) {
        if (!ctx.started()) {
            begin(current);
        }
        return ctx.advance(current, to, this::tick);
    }

    /** The first call: the clock from the situation's time, the first day, and the work found in progress. */
    private void begin(Situation current) {
        Instant start = current.time() == null || current.time().equals(Situation.EPOCH) ? DEFAULT_START
                : current.time();
        if (notBefore != null && start.isBefore(notBefore)) {
            start = notBefore;
        }
        ctx.start(current, start);
        day = ctx.local().toLocalDate();
        alerts.newDay();
        boolean stormToday = config.storm() != null ? config.storm()
                : day.equals(DEFAULT_START.atZone(ZONE).toLocalDate());
        if (stormToday) {
            storm.plan(day.atStartOfDay(ZONE).toInstant(), current);
        } else {
            storm.joinUnfinished(current);
        }
        complaints.resume(current);
        alerts.resume(current);
        cases.resume(current);
        crews.resume(current);
        orders.takeUp(current);
        disputes.resume(current);
        petitions.resume(current);
        whistles.resume(current, storm.whistleId());
    }

    /** One tick: the steps that are due, then what may happen in any ten seconds, in this order. */
    private void tick() {
        LocalDate today = ctx.local().toLocalDate();
        if (!today.equals(day)) {
            day = today;
            alerts.newDay();
        }
        ctx.runDue();
        if (!ctx.lean()) { // nobody sends orders through a hub into the lived month
            orders.takeUp(ctx.situation());
        }
        complaints.intake(storm.active());
        storm.outageCalls();
        alerts.intake();
        cases.patrolFindings();
        disputes.intake();
        petitions.intake();
        intel.intake();
        whistles.intake();
        crews.move();
        devices.cameras();
        devices.sensors();
        storm.restore();
    }
}
