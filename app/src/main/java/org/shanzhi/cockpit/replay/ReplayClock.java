package org.shanzhi.cockpit.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The replay's time: it runs at {@link #speed()} times the operator's clock while playing and stands still while
 * paused, between {@code start} and {@code end}; at the end it stops by itself. The operator's clock is a nanosecond
 * counter handed in ({@link System#nanoTime} on the wall, a hand-moved one in tests). Not thread-safe: its owner
 * ({@link ReplaySource}) serialises the calls.
 */
public final class ReplayClock {

    /** The speeds offered, slowest first. */
    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};

    private final LongSupplier nanos;
    private final Instant start;
    private final Instant end;
    // the replay time at the operator's nanos of the last change; time runs on from there while playing
    private Instant anchor;
    private long anchorNanos;
    private double speed = 1;
    private boolean playing;

    public ReplayClock(LongSupplier nanos, Instant start, Instant end) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the end " + end + " is before the start " + start);
        }
        this.nanos = nanos;
        this.start = start;
        this.end = end;
        this.anchor = start;
        this.anchorNanos = nanos.getAsLong();
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /** The replay time now; playing past the end stops the clock at the end. */
    public Instant now() {
        if (!playing) {
            return anchor;
        }
        long at = nanos.getAsLong();
        Instant t = anchor.plus(Duration.ofNanos(Math.round((at - anchorNanos) * speed)));
        if (!t.isBefore(end)) {
            anchor = end;
            anchorNanos = at;
            playing = false;
            return end;
        }
        return t;
    }

    public boolean playing() {
        now(); // reaching the end stops it
        return playing;
    }

    public double speed() {
        return speed;
    }

    /** Runs the clock; at the end it starts again from the start. */
    public void play() {
        Instant t = now();
        anchor = t.equals(end) ? start : t;
        anchorNanos = nanos.getAsLong();
        playing = !start.equals(end);
    }

    public void pause() {
        anchor = now();
        anchorNanos = nanos.getAsLong();
        playing = false;
    }

    /** One of {@link #SPEEDS}; the replay time reached so far stays. */
    public void speed(double s) {
        boolean offered = false;
        for (double o : SPEEDS) {
            offered |= o == s;
        }
        if (!offered) {
            throw new IllegalArgumentException("speed " + s + " is not one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64");
        }
        anchor = now();
        anchorNanos = nanos.getAsLong();
        speed = s;
    }

    /** The next speed up (or down), staying at the fastest (slowest). */
    public void faster(boolean up) {
        int i = 0;
        while (SPEEDS[i] != speed) {
            i++;
        }
        speed(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + (up ? 1 : -1)))]);
    }

    /** Puts the clock at {@code t}, which the caller has checked lies between start and end. */
    void set(Instant t) {
        anchor = t;
        anchorNanos = nanos.getAsLong();
    }
}
