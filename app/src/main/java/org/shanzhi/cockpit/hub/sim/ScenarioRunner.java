package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.hub.Hub;

/**
 * Feeds a hub with the Heyi scenario: the inventory on an empty journal, then the simulator's
 * events up to the hub clock's "now", several times a second, on one daemon thread.
 */
public final class ScenarioRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final long PERIOD_MS = 200;

    private final Hub hub;
    private final Simulator simulator;
    private final ScheduledExecutorService timer;

    private ScenarioRunner(Hub hub, Simulator simulator) {
        this.hub = hub;
        this.simulator = simulator;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scenario");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts feeding; the inventory is appended at the hub clock's present if the journal is empty. */
    public static ScenarioRunner start(Hub hub, HeyiScenario scenario, long seed) {
        return start(hub, scenario, seed, hub.clock().now());
    }

    /**
     * Starts feeding with the day beginning at {@code dayStart}: on an empty journal the inventory
     * is appended then, and the first step simulates everything from there to the hub clock's
     * present at once (a wall opened at 13:00 shows the morning that has been).
     */
    public static ScenarioRunner start(Hub hub, HeyiScenario scenario, long seed, Instant dayStart) {
        return start(hub, scenario, seed, dayStart, unitId -> false);
    }

    /**
     * As {@link #start(Hub, HeyiScenario, long, Instant)}, leaving alone the units {@code peoplesUnits} names
     * (see {@link Simulator#Simulator(HeyiScenario, long, Predicate)}).
     */
    public static ScenarioRunner start(Hub hub, HeyiScenario scenario, long seed, Instant dayStart,
                                       Predicate<String> peoplesUnits) {
        Simulator simulator = new Simulator(scenario, seed, peoplesUnits);
        if (hub.head() == 0) {
            liveTheMonth(hub, scenario, seed, dayStart);
            simulator.notBefore(dayStart);
        }
        ScenarioRunner runner = new ScenarioRunner(hub, simulator);
        // behind until the first step says otherwise: a wall reading health before that step must not think it is live
        hub.catchingUp(hub.situation().time().isBefore(hub.clock().now()));
        runner.timer.scheduleWithFixedDelay(runner::step, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return runner;
    }

    /** Events per journal transaction while a simulated month is written. */
    private static final int MONTH_BATCH = 20_000;

    /**
     * On an empty journal: the inventory at the month's start, then the month ({@link History}) in one transaction:
     * the shipped month's lines as they are ({@link MonthAsset}), else the month simulated, in large batches.
     */
    private static void liveTheMonth(Hub hub, HeyiScenario scenario, long seed, Instant dayStart) {
        long t0 = System.nanoTime();
        // the shipped month is read and parsed on another thread while the inventory is folded and written
        CompletableFuture<Optional<List<Hub.Serialized>>> reading =
                CompletableFuture.supplyAsync(() -> MonthAsset.read(seed, dayStart, scenario.inventory()));
        Instant at = History.start(dayStart);
        List<Hub.Pending> inventory = new ArrayList<>();
        for (Event e : scenario.inventory()) {
            inventory.add(new Hub.Pending(at, e));
        }
        hub.append(inventory, Hub.Origin.system("scenario"));
        long t1 = System.nanoTime();
        Optional<List<Hub.Serialized>> shipped = reading.join();
        long t2 = System.nanoTime();
        int events;
        if (shipped.isPresent()) {
            events = hub.appendSerialized(shipped.get(), "scenario");
        } else {
            List<TimedEvent> month = History.simulated(scenario, seed, dayStart);
            t2 = System.nanoTime();
            for (int i = 0; i < month.size(); i += MONTH_BATCH) {
                List<Hub.Pending> batch = new ArrayList<>(MONTH_BATCH);
                for (TimedEvent e : month.subList(i, Math.min(month.size(), i + MONTH_BATCH))) {
                    batch.add(new Hub.Pending(e.time(), e.event()));
                }
                hub.append(batch, Hub.Origin.system("scenario"));
            }
            events = month.size();
        }
        long ms = 1_000_000;
        LOG.info("和义 scenario: inventory ({} events) at {} journalled in {} ms, then {} days lived ({} events, {}): "
                + "{} ms more to read it, journalled in {} ms", inventory.size(), at, (t1 - t0) / ms, History.DAYS, events,
                shipped.isPresent() ? "shipped" : "simulated", (t2 - t1) / ms, (System.nanoTime() - t2) / ms);
    }

    /** Simulated time one step covers at most: a hub that opens late in the day catches up in slices. */
    private static final Duration SLICE = Duration.ofMinutes(30);
    private Instant reached;

    /** Lives the slices up to the clock one after the other, then waits for the next period. */
    private void step() {
        try {
            boolean behind = true; // behind the clock: the next slice at once, not a period later
            while (behind && !timer.isShutdown()) {
                behind = slice();
            }
        } catch (RuntimeException e) {
            // keep the scenario alive: one failed step must not stop the living picture
            LOG.error("scenario step failed", e);
        }
    }

    /** Simulates and appends one slice; returns whether the scenario is still behind the clock after it. */
    private boolean slice() {
        if (reached == null) {
            reached = hub.situation().time();
        }
        Instant now = hub.clock().now();
        Instant to = now.isAfter(reached.plus(SLICE)) ? reached.plus(SLICE) : now;
        reached = to;
        boolean behind = to.isBefore(now);
        hub.catchingUp(behind);
        List<TimedEvent> events = simulator.advance(hub.situation(), to);
        if (!events.isEmpty()) {
            List<Hub.Pending> batch = new ArrayList<>(events.size());
            for (TimedEvent e : events) {
                batch.add(new Hub.Pending(e.time(), e.event()));
            }
            hub.appendEach(batch, "simulator");
        }
        return behind;
    }

    @Override
    public void close() {
        timer.shutdown(); // no interrupt: a step may be writing to the journal
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
