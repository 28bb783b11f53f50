package org.shanzhi.cockpit.domain;

import java.time.Instant;

/**
 * An event as the journal accepted it: its place in the sequence, the (simulated) time it happened, and the
 * id of the drill that made it ({@code drill}; null for the live sub-district).
 */
public record Recorded(long seq, Instant time, Event event, String drill) {

    /** A live event, made by no drill. */
    public Recorded(long seq, Instant time, Event event) {
        this(seq, time, event, null);
    }
}
