package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** An event as the journal accepted it: its place in the sequence and the (simulated) time it happened. */
public record Recorded(long seq, Instant time, Event event) {
}
