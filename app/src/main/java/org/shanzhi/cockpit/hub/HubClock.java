package org.shanzhi.cockpit.hub;

import java.time.Duration;
import java.time.Instant;

/**
 * The hub's notion of "now": real time, or simulated time that starts at a given instant and runs
 * {@code speed} times faster than real time. Commands and ingested events without a time get it.
 */
public final class HubClock {

    private final Instant start;
    private final long startNanos;
    private final double speed;

    private HubClock(Instant start, double speed) {
        this.start = start;
        this.startNanos = System.nanoTime();
        this.speed = speed;
    }

    public static HubClock system() {
        return new HubClock(null, 1);
    }

    public static HubClock simulated(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        return new HubClock(start, speed);
    }

    public Instant now() {
        if (start == null) {
            return Instant.now();
        }
        long elapsed = (long) ((System.nanoTime() - startNanos) * speed);
        return start.plus(Duration.ofNanos(elapsed));
    }

    public double speed() {
        return speed;
    }
}
