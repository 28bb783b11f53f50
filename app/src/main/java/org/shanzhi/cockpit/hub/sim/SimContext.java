package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.pcollections.PMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.Catalogue.Weighted;

/**
 * The engine every simulated lifecycle runs on: the simulated clock in fixed ticks, the seeded random
 * source, the private situation each event is tried on before it is emitted, the steps scheduled for
 * later, and the ids of new things.
 *
 * <p>Everything a seed produces follows from the order of the random draws and of the scheduled steps,
 * so a lifecycle draws and schedules in the order its steps happen. Steps due at the same instant run
 * in the order they were scheduled. Not thread-safe: one simulator, one thread.
 */
final class SimContext {

    private static final Logger log = LoggerFactory.getLogger(SimContext.class);

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration TICK = Duration.ofSeconds(10);
    static final int TICKS_PER_DAY = 8640;

    private final HeyiScenario scenario;
    private final SplittableRandom rng;
    private final Predicate<String> peoplesUnits;
    /** A lived month rather than a day on the wall: lifecycles without positions (see {@link History}). */
    private final boolean lean;
    private final Map<String, Community> communities = new HashMap<>();
    private final PriorityQueue<Step> steps = new PriorityQueue<>();
    private long stepOrder;
    private final Map<String, Integer> counters = new HashMap<>();

    /** The last tick done; null until {@link #start}. */
    private Instant clock;
    private Instant now;
    /** {@link #now} in Beijing time, made once per tick: every lifecycle asks for it. */
    private ZonedDateTime localNow;
    /** While a lifecycle resumes work found in the situation: the time its delays count from. */
    private Instant asOf;
    private Situation local;
    private List<TimedEvent> out;
    private int dropped;

    SimContext(HeyiScenario scenario, long seed) {
        this(scenario, seed, unitId -> false);
    }

    /** {@code peoplesUnits} names the units a person has taken over (a phone of their own): they are left alone. */
    SimContext(HeyiScenario scenario, long seed, Predicate<String> peoplesUnits) {
        this(scenario, seed, peoplesUnits, false);
    }

    SimContext(HeyiScenario scenario, long seed, Predicate<String> peoplesUnits, boolean lean) {
        this.scenario = scenario;
        this.rng = new SplittableRandom(seed);
        this.peoplesUnits = peoplesUnits;
        this.lean = lean;
        scenario.communities().forEach(c -> communities.put(c.code(), c));
    }

    HeyiScenario scenario() {
        return scenario;
    }

    /**
     * Whether this is the lived month ({@link History}): units change shifts and answer orders but do not
     * move, sensors report only when their alarm starts or ends, and the week has its rhythm.
     */
    boolean lean() {
        return lean;
    }

    /**
     * Today's share of the average day's intake in the lived month: {@code restDay} on a weekend or holiday
     * ({@link History#restDay}), and on a working day what keeps a plain week's average at 1. Only the lived
     * month has a weekly rhythm; the day on the wall keeps its script.
     */
    double workday(double restDay) {
        if (!lean) {
            return 1;
        }
        return History.restDay(local().toLocalDate()) ? restDay : (7 - 2 * restDay) / 5;
    }

    // --- time ----------------------------------------------------------------------------------------

    boolean started() {
        return clock != null;
    }

    /** Sets the clock to the tick at or before {@code at}, on {@code current}: lifecycles may now schedule. */
    void start(Situation current, Instant at) {
        clock = Instant.ofEpochSecond(at.getEpochSecond() - Math.floorMod(at.getEpochSecond(), TICK.getSeconds()));
        now = clock;
        local = current;
    }

    /**
     * Runs {@code tick} for every tick in (last {@code to}, {@code to}] on {@code current}, and returns
     * what was emitted, in time order.
     */
    List<TimedEvent> advance(Situation current, Instant to, Runnable tick) {
        local = current;
        out = new ArrayList<>();
        try {
            for (Instant t = clock.plus(TICK); !t.isAfter(to); t = t.plus(TICK)) {
                now = t;
                localNow = null;
                tick.run();
                clock = t;
            }
            return out;
        } finally {
            out = null;
        }
    }

    Instant now() {
        return now;
    }

    /** Now, in Beijing time. */
    ZonedDateTime local() {
        if (localNow == null || !localNow.toInstant().equals(now)) {
            localNow = now.atZone(ZONE);
        }
        return localNow;
    }

    /** Runs the steps that are due. */
    void runDue() {
        while (!steps.isEmpty() && !steps.peek().at.isAfter(now)) {
            steps.poll().action.run();
        }
    }

    /** Steps scheduled and not yet run (for tests). */
    int pending() {
        return steps.size();
    }

    // --- the situation --------------------------------------------------------------------------------

    /** The situation with every event emitted so far in this {@link #advance}. */
    Situation situation() {
        return local;
    }

    /** Tries the event on the private situation; returns whether it was legal, and so emitted. */
    boolean emit(Event e) {
        if (out == null) {
            throw new IllegalStateException("events are emitted by steps and ticks, not while resuming");
        }
        try {
            local = local.apply(new Recorded(local.seq() + 1, now, e));
        } catch (Rejection r) {
            dropped++;
            log.debug("simulator dropped {} at {}: {}", e.getClass().getSimpleName(), now, r.getMessage());
            return false;
        }
        out.add(new TimedEvent(now, e));
        return true;
    }

    /** Events dropped because the situation no longer allowed them. */
    int dropped() {
        return dropped;
    }

    /** Whether a person answers for this unit (it has its own credential), so the simulator must not. */
    boolean peoples(String unitId) {
        return peoplesUnits.test(unitId);
    }

    // --- steps to come ----------------------------------------------------------------------------------

    private record Step(Instant at, long order, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** Runs {@code step} after {@code delay} (from now, or from {@link #asOf}), and never before the next tick. */
    void later(Duration delay, Runnable step) {
        Instant from = asOf != null ? asOf : now;
        Instant at = from.plus(delay.isNegative() ? Duration.ZERO : delay);
        steps.add(new Step(at.isAfter(now) ? at : now.plus(TICK), stepOrder++, step));
    }

    /** Runs {@code step} at {@code at}, or at the next tick if that has passed. */
    void at(Instant at, Runnable step) {
        steps.add(new Step(at, stepOrder++, step));
    }

    /**
     * Runs {@code resume} as if it were {@code since}: the delays it schedules count from then, so
     * that work found in the situation goes on at the pace it would have had (what is overdue runs at
     * the next tick).
     */
    void asOf(Instant since, Runnable resume) {
        asOf = since == null || since.isAfter(now) ? now : since;
        try {
            resume.run();
        } finally {
            asOf = null;
        }
    }

    // --- ids ----------------------------------------------------------------------------------------------

    /** The next free id of {@code prefix} for today ({@link Ids#daily}). */
    String nextId(String prefix, PMap<String, ?> existing) {
        while (true) {
            String id = Ids.daily(prefix, now.atZone(ZONE), counters.merge(prefix, 1, Integer::sum));
            if (!existing.containsKey(id)) {
                return id;
            }
        }
    }

    /** Whether {@code id} is one {@link #nextId} makes with {@code prefix}: work the simulator started. */
    static boolean ours(String prefix, String id) {
        return Ids.isDaily(prefix, id);
    }

    // --- randomness ---------------------------------------------------------------------------------------

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    /** Per kind of arrival in the lean month: the expected arrivals gathered, and the gap to the next one. */
    private final Map<String, double[]> due = new HashMap<>();

    /**
     * Whether one {@code what} arrives this tick, {@code perTick} being the expected number: on the day a coin
     * per tick, as calls come; in the lived month ({@link #lean}) arrivals spaced by 0.5–1.5 times their mean
     * gap, so that a month holds its expected volume within a few percent (DOMAIN.md gives monthly figures)
     * while its days still vary.
     */
    boolean arrives(String what, double perTick) {
        if (!lean) {
            return chance(perTick);
        }
        double[] d = due.computeIfAbsent(what, k -> new double[] {0, 0.5 + rng.nextDouble()});
        d[0] += perTick;
        if (d[0] < d[1]) {
            return false;
        }
        d[0] -= d[1];
        d[1] = 0.5 + rng.nextDouble();
        return true;
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return rng.nextDouble();
    }

    int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    boolean coin() {
        return rng.nextBoolean();
    }

    Duration minutes(double from, double to) {
        return Duration.ofSeconds((long) ((from + rng.nextDouble() * (to - from)) * 60));
    }

    Duration seconds(double from, double to) {
        return Duration.ofSeconds((long) (from + rng.nextDouble() * (to - from)));
    }

    Duration hours(double from, double to) {
        return Duration.ofSeconds((long) ((from + rng.nextDouble() * (to - from)) * 3600));
    }

    /** Standard normal, Box–Muller on the seeded generator. */
    double gaussian() {
        double u = Math.max(1e-12, rng.nextDouble());
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    <T> T pick(List<Weighted<T>> table) {
        return Catalogue.pick(rng, table);
    }

    <T> T any(List<T> list) {
        return Catalogue.any(rng, list);
    }

    // --- places -------------------------------------------------------------------------------------------

    Community community(String code) {
        return communities.get(code);
    }

    /** A community drawn by population. */
    Community randomCommunity() {
        double total = 0;
        for (Community c : scenario.communities()) {
            total += c.population();
        }
        double x = rng.nextDouble() * total;
        for (Community c : scenario.communities()) {
            x -= c.population();
            if (x < 0) {
                return c;
            }
        }
        return scenario.communities().get(scenario.communities().size() - 1);
    }

    GeoPoint randomPointIn(Community c) {
        double w = 180, s = 90, e = -180, n = -90;
        for (GeoPoint p : c.boundary().ring()) {
            w = Math.min(w, p.lon());
            e = Math.max(e, p.lon());
            s = Math.min(s, p.lat());
            n = Math.max(n, p.lat());
        }
        for (int i = 0; i < 200; i++) {
            GeoPoint p = new GeoPoint(w + rng.nextDouble() * (e - w), s + rng.nextDouble() * (n - s));
            if (c.boundary().contains(p) && scenario.district().bounds().contains(p)) {
                return p;
            }
        }
        return c.boundary().centroid();
    }

    /** A point up to {@code metres} east/west and north/south of {@code p}, inside the district. */
    GeoPoint near(GeoPoint p, double metres) {
        double dx = (rng.nextDouble() * 2 - 1) * metres;
        double dy = (rng.nextDouble() * 2 - 1) * metres;
        GeoPoint q = Geo.offset(p, dx, dy);
        return scenario.district().bounds().contains(q) ? q : p;
    }
}
