package org.shanzhi.cockpit.wall.video;

import java.util.concurrent.ThreadLocalRandom;

/** When to try a stream again: 1 s doubling to 30 s, ±20 % jitter so that 16 tiles of one dead server spread out. */
final class Retry {

    static final long FIRST_MS = 1_000;
    static final long MAX_MS = 30_000;

    private long next = FIRST_MS;

    /** The pause before the next attempt; each call doubles the following one, up to the maximum. */
    synchronized long nextDelayMs() {
        long d = next;
        next = Math.min(MAX_MS, next * 2);
        return (long) (d * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }

    /** A frame arrived: the next failure starts from the first pause again. */
    synchronized void reset() {
        next = FIRST_MS;
    }
}
