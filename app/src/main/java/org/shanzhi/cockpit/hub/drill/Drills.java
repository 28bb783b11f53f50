package org.shanzhi.cockpit.hub.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.DrillStatus;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.drill.DrillScript.Inject;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.Json;

/**
 * The hub's exercise clock: at most one drill at a time, driven by the trainer (load, start, pause,
 * resume, stop, skip, fire an inject now, add an unannounced one). Four times a second, and at once after
 * each of the trainer's actions, what the {@link DrillRun} says is due is appended to the hub, one event at
 * a time with origin {@code drill}: an event the situation no longer allows (the trainees overtook it) is
 * counted and named in the status, and the rest go on.
 */
public final class Drills implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Drills.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'YL-'yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    /** A script or an inject that does not check (422), with every error. */
    public static final class Invalid extends RuntimeException {
        public final List<DrillError> errors;

        Invalid(List<DrillError> errors) {
            super(errors.get(0).toString(), null, false, false);
            this.errors = errors;
        }
    }

    private final Hub hub;
    private final Supplier<HeyiScenario> scenario;
    private final ScheduledExecutorService ticker;
    private HeyiScenario inventory;
    private DrillRun run;
    /** The script's file name, as loaded. */
    private String file;
    private int emitted;
    private int dropped;
    private String lastDropped;

    public Drills(Hub hub, Supplier<HeyiScenario> scenario) {
        this.hub = hub;
        this.scenario = scenario;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drill-clock");
            t.setDaemon(true);
            return t;
        });
        endLostDrill();
        ticker.scheduleWithFixedDelay(this::tickSafely, 250, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * A drill's clock lives in this process: a drill still running in the journal of a hub that stopped can't
     * go on, so it ends as stopped (its things keep their mark), and the next drill can start.
     */
    private void endLostDrill() {
        DrillStatus lost = hub.situation().drill();
        if (lost != null) {
            LOG.info("drill {} ({}) was running when the hub stopped: it ends as stopped", lost.drillId(), lost.name());
            append(new Event.DrillEnded(lost.drillId(), "stopped"), lost.drillId());
        }
    }

    /** Loads a script (YAML text) as the hub's drill, ready to start; refused while another drill runs. */
    public synchronized Map<String, Object> load(String file, String yaml) {
        if (run != null && live(run)) {
            throw new DrillRun.Refused("drill " + run.id() + " (" + run.script().name() + ") is " + state(run)
                    + "; two drills cannot share a hub: stop it first");
        }
        DrillScripts.Checked checked = DrillScripts.check(file, yaml, inventory());
        if (checked instanceof DrillScripts.Refused r) {
            throw new Invalid(r.errors());
        }
        String id = ID.format(hub.clock().now());
        run = new DrillRun(id, ((DrillScripts.Good) checked).script());
        this.file = file;
        emitted = 0;
        dropped = 0;
        lastDropped = null;
        return status();
    }

    public synchronized Map<String, Object> start() {
        DrillRun r = current();
        DrillStatus other = hub.situation().drill();
        if (r.state() == DrillRun.State.READY && other != null) {
            throw new DrillRun.Refused("drill " + other.drillId() + " (" + other.name() + ") is running on this hub;"
                    + " two drills cannot share a hub");
        }
        r.start(hub.clock().now());
        append(new Event.DrillStarted(r.id(), r.script().name(), file), r.id());
        return act();
    }

    public synchronized Map<String, Object> pause() {
        emit(current().pause(hub.clock().now(), hub.situation()));
        return status();
    }

    public synchronized Map<String, Object> resume() {
        current().resume(hub.clock().now());
        return act();
    }

    public synchronized Map<String, Object> stop() {
        DrillRun r = current();
        r.stop(hub.clock().now());
        end(r, "stopped");
        return status();
    }

    public synchronized Map<String, Object> skip() {
        emit(current().skip(hub.clock().now(), hub.situation()));
        return status();
    }

    public synchronized Map<String, Object> fire(String injectId) {
        DrillRun r = current();
        if (r.script().inject(injectId) == null) {
            throw new Missing("id", "no inject with id '" + injectId + "' in drill " + r.id());
        }
        emit(r.fireNow(injectId, hub.clock().now(), hub.situation()));
        return status();
    }

    /** Adds an unannounced inject (JSON, as in a script; with none of at/after/when it fires now). */
    public synchronized Map<String, Object> add(String injectJson) {
        DrillRun r = current();
        DrillScripts.Addition a = DrillScripts.add(r.script(), injectJson, r.clock(hub.clock().now()), inventory());
        if (a.errors() != null) {
            throw new Invalid(a.errors());
        }
        r.add(a.script(), a.inject());
        return act();
    }

    /** The drill's state, clock, injects and what it emitted; {@code null} when no drill was loaded. */
    public synchronized Map<String, Object> status() {
        if (run == null) {
            return null;
        }
        Instant now = hub.clock().now();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("name", run.script().name());
        m.put("state", state(run));
        m.put("startedAt", run.startedAt());
        m.put("clockSeconds", run.clock(now).toSeconds());
        m.put("emitted", emitted);
        m.put("dropped", dropped);
        m.put("lastDropped", lastDropped);
        List<Map<String, Object>> injects = new ArrayList<>();
        for (Inject in : run.script().injects()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", in.id());
            i.put("title", in.title());
            Duration at = run.firesAt(in.id());
            i.put("firesAtSeconds", at == null ? null : at.toSeconds());
            i.put("fired", run.fired().contains(in.id()));
            List<Map<String, Object>> expect = new ArrayList<>();
            for (DrillScript.Expect e : in.expect()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("action", e.action().name());
                x.put("withinSeconds", e.within().toSeconds());
                x.put("text", e.text());
                expect.add(x);
            }
            i.put("expect", expect);
            injects.add(i);
        }
        m.put("injects", injects);
        return m;
    }

    /** No drill loaded ({@code field} drill), or no such inject ({@code field} id): 404. */
    public static final class Missing extends RuntimeException {
        public final String field;

        public Missing(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** Appends what is due now (the clock thread's and the tests' step). */
    public synchronized void tick() {
        if (run != null && run.state() == DrillRun.State.RUNNING) {
            emit(run.due(hub.clock().now(), hub.situation()));
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private Map<String, Object> act() {
        tick();
        return status();
    }

    /** The Heyi inventory scripts are checked against, read once when first needed. */
    private HeyiScenario inventory() {
        if (inventory == null) {
            inventory = scenario.get();
        }
        return inventory;
    }

    private DrillRun current() {
        if (run == null) {
            throw new Missing("drill", "no drill is loaded: POST /api/v1/drill with a script first");
        }
        return run;
    }

    private void emit(List<DrillRun.Due> due) {
        for (DrillRun.Due d : due) {
            try {
                append(d.event(), run.id());
                emitted++;
            } catch (Hub.BatchRejected e) {
                dropped++;
                lastDropped = d.injectId() + ": " + Json.typeOf(d.event()) + " — " + reason(e.rejection);
                LOG.info("drill {} inject {}: {} not applied: {}", run.id(), d.injectId(), Json.typeOf(d.event()),
                        e.rejection.getMessage());
            }
        }
        if (run.state() == DrillRun.State.FINISHED) {
            end(run, "completed");
        }
    }

    /**
     * Appends DrillEnded once, if the journal still has the drill running. What the drill raised and is still in force
     * ends first: its weather warnings are lifted, a unit's SOS it raised is cleared and a sensor it put in alarm reads
     * clear again. Every wall shows what is in force, and an exercise's must not outlive it.
     */
    private void end(DrillRun r, String how) {
        Situation s = hub.situation();
        DrillStatus running = s.drill();
        if (running != null && running.drillId().equals(r.id())) {
            for (WeatherWarning w : s.warnings().values()) {
                if (!w.lifted() && r.id().equals(s.drillOf("warnings", w.id()))) {
                    append(new Event.WarningLifted(w.id()), r.id());
                }
            }
            for (FieldUnit u : s.units().values()) {
                if (u.sos() && r.id().equals(s.drillOf("unitSos", u.id()))) {
                    append(new Event.UnitSos(u.id(), false), r.id());
                }
            }
            for (Sensor x : s.sensors().values()) {
                if (x.alarm() && r.id().equals(s.drillOf("sensorAlarms", x.id()))) {
                    append(new Event.SensorReported(x.id(), clearReading(x)), r.id());
                }
            }
            append(new Event.DrillEnded(r.id(), how), r.id());
        }
    }

    /**
     * The reading a sensor a drill put in alarm is given at the drill's end: its baseline in the inventory (0 for one
     * the inventory does not know); the device's own next reading follows within its reporting interval.
     */
    private double clearReading(Sensor x) {
        for (Sensor known : inventory().sensors()) {
            if (known.id().equals(x.id()) && known.value() < x.threshold()) {
                return known.value();
            }
        }
        return 0;
    }

    /** One event made by drill {@code drillId}, marked with it. */
    private void append(Event e, String drillId) {
        hub.append(List.of(new Hub.Pending(null, e, drillId)), Hub.Origin.system("drill"));
    }

    private static String reason(Rejection r) {
        return r.field() == null ? r.reason() : r.field() + ": " + r.reason();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("the drill clock failed", e);
        }
    }

    private static boolean live(DrillRun r) {
        return r.state() == DrillRun.State.RUNNING || r.state() == DrillRun.State.PAUSED;
    }

    private static String state(DrillRun r) {
        return r.state().name().toLowerCase(Locale.ROOT);
    }
}
