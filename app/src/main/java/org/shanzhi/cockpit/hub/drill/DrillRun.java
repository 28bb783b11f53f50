package org.shanzhi.cockpit.hub.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.drill.DrillScript.Inject;
import org.shanzhi.cockpit.hub.drill.DrillScript.Timed;

/**
 * One drill on its own clock: the drill time (from T0) runs with the hub's clock while the drill runs and
 * stands still while it is paused, so a pause moves every inject still to come by its length; nothing due
 * in a pause is lost or fired in a burst on resume. What fires when is computed here from instants handed
 * in (the hub's clock), so the rules are tested without waiting; {@link Drills} appends what is due.
 *
 * <p>An inject fires at its {@code at}, at {@code delay} after the inject it follows fired, or at {@code delay}
 * after its trainee action was first seen in the situation. Its events come {@code offset} after it fires.
 * Fire now and skip act at once, paused or not. Not thread-safe: {@link Drills} holds its lock.
 */
public final class DrillRun {

    public enum State { READY, RUNNING, PAUSED, STOPPED, FINISHED }

    /** An event due now, with the inject it comes from. */
    public record Due(String injectId, Event event) {
    }

    /** A request the run's state does not allow (start twice, pause while paused …). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private record Pending(Duration at, long order, String injectId, Event event) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final String id;
    private DrillScript script;
    private State state = State.READY;
    private Instant startedAt;
    /** Drill time at the last start or resume, and the hub instant it was taken. */
    private Duration base = Duration.ZERO;
    private Instant runningSince;
    /** When each inject fires, once known. */
    private final Map<String, Duration> firesAt = new HashMap<>();
    private final Set<String> fired = new LinkedHashSet<>();
    private final PriorityQueue<Pending> events = new PriorityQueue<>();
    private long order;

    public DrillRun(String id, DrillScript script) {
        this.id = id;
        this.script = script;
        for (Inject in : script.injects()) {
            if (in.at() != null) {
                firesAt.put(in.id(), in.at());
            }
        }
    }

    public String id() {
        return id;
    }

    public DrillScript script() {
        return script;
    }

    public State state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Set<String> fired() {
        return Set.copyOf(fired);
    }

    /** The drill time at hub instant {@code now}: standing still while paused. */
    public Duration clock(Instant now) {
        return state == State.RUNNING ? base.plus(Duration.between(runningSince, now)) : base;
    }

    /** When the inject fires in drill time, if that is known yet (an inject waiting on an action is not). */
    public Duration firesAt(String injectId) {
        return firesAt.get(injectId);
    }

    public void start(Instant now) {
        if (state != State.READY) {
            throw new Refused("the drill " + id + " was started already (" + state.name().toLowerCase(Locale.ROOT) + ")");
        }
        startedAt = now;
        runningSince = now;
        state = State.RUNNING;
    }

    /** Stops the drill clock, after taking what was due up to now. */
    public List<Due> pause(Instant now, Situation s) {
        if (state != State.RUNNING) {
            throw new Refused("only a running drill can be paused; this one is " + state.name().toLowerCase(Locale.ROOT));
        }
        List<Due> out = collect(clock(now), s);
        base = clock(now);
        state = State.PAUSED;
        return out;
    }

    public void resume(Instant now) {
        if (state != State.PAUSED) {
            throw new Refused("only a paused drill can be resumed; this one is " + state.name().toLowerCase(Locale.ROOT));
        }
        runningSince = now;
        state = State.RUNNING;
    }

    public void stop(Instant now) {
        live("stopped");
        base = clock(now);
        state = State.STOPPED;
    }

    /** What is due at {@code now}: the trainee actions seen in {@code s} are noted first. Only while running. */
    public List<Due> due(Instant now, Situation s) {
        if (state != State.RUNNING) {
            return List.of();
        }
        return collect(clock(now), s);
    }

    /**
     * Fires {@code injectId} now (a contingency inject), running or paused: its events at once, or their
     * offset from now in drill time. An inject fires once; its own time, if still to come, is dropped.
     */
    public List<Due> fireNow(String injectId, Instant now, Situation s) {
        live("fired");
        Inject in = script.inject(injectId);
        if (in == null) {
            throw new IllegalArgumentException("no inject with id '" + injectId + "'");
        }
        if (fired.contains(injectId)) {
            throw new Refused("the inject " + injectId + " has fired already");
        }
        Duration t = clock(now);
        fire(in, t);
        return collect(t, s);
    }

    /**
     * Moves the drill clock on to the next inject still to come, running or paused, and returns what is due
     * up to there (what was due before it first).
     */
    public List<Due> skip(Instant now, Situation s) {
        live("skipped");
        List<Due> out = new ArrayList<>(collect(clock(now), s));
        Duration next = null;
        for (Inject in : script.injects()) {
            Duration at = firesAt.get(in.id());
            if (!fired.contains(in.id()) && at != null && (next == null || at.compareTo(next) < 0)) {
                next = at;
            }
        }
        if (next == null) {
            throw new Refused("no inject has a time still to come (the rest wait on the trainees' actions)");
        }
        if (next.compareTo(clock(now)) > 0) {
            base = next;
            runningSince = now;
        }
        out.addAll(collect(clock(now), s));
        return out;
    }

    /** Adds a checked inject to the running script (an unannounced inject); its events fire by its rules. */
    public void add(DrillScript withIt, Inject in) {
        live("added to");
        script = withIt;
        if (in.at() != null) {
            firesAt.put(in.id(), in.at());
        } else if (in.after() != null && fired.contains(in.after())) {
            // following an inject that fired already: due its delay after it (at once if that has passed)
            firesAt.put(in.id(), firesAt.get(in.after()).plus(in.delay()));
        }
    }

    /** Whether everything has fired and nothing is left to emit. */
    public boolean finished() {
        return events.isEmpty() && fired.size() == script.injects().size();
    }

    private void live(String what) {
        if (state != State.RUNNING && state != State.PAUSED) {
            throw new Refused("a drill that is " + state.name().toLowerCase(Locale.ROOT) + " cannot be " + what);
        }
    }

    /** Fires what is due up to drill time {@code t}, in time order, including chains due within it. */
    private List<Due> collect(Duration t, Situation s) {
        for (Inject in : script.injects()) {
            if (in.when() != null && !firesAt.containsKey(in.id())
                    && in.when().action().done(s, DrillScript.id(in.when().subject(), id))) {
                firesAt.put(in.id(), t.plus(in.delay()));
            }
        }
        List<Due> out = new ArrayList<>();
        while (true) {
            Inject next = null;
            Duration nextAt = null;
            for (Inject in : script.injects()) {
                Duration at = firesAt.get(in.id());
                if (!fired.contains(in.id()) && at != null && at.compareTo(t) <= 0
                        && (nextAt == null || at.compareTo(nextAt) < 0)) {
                    next = in;
                    nextAt = at;
                }
            }
            Pending head = events.peek();
            if (next != null && (head == null || nextAt.compareTo(head.at()) <= 0)) {
                fire(next, nextAt);
            } else if (head != null && head.at().compareTo(t) <= 0) {
                events.poll();
                out.add(new Due(head.injectId(), head.event()));
            } else {
                break;
            }
        }
        if (finished()) {
            state = State.FINISHED;
            base = t;
        }
        return out;
    }

    /** Marks the inject fired at drill time {@code t}: its events queued, the injects after it timed. */
    private void fire(Inject in, Duration t) {
        fired.add(in.id());
        firesAt.put(in.id(), t);
        for (Timed e : in.events()) {
            events.add(new Pending(t.plus(e.offset()), order++, in.id(), e.event(id)));
        }
        for (Inject other : script.injects()) {
            if (in.id().equals(other.after()) && !fired.contains(other.id())) {
                firesAt.put(other.id(), t.plus(other.delay()));
            }
        }
    }
}
