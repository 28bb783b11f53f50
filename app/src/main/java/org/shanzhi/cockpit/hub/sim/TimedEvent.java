package org.shanzhi.cockpit.hub.sim;

import java.time.Instant;

import org.shanzhi.cockpit.domain.Event;

/** An event the simulator proposes, with the simulated time it happens. */
public record TimedEvent(Instant time, Event event) {
}
