package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** The drill (演练) running now: set by {@link Event.DrillStarted}, cleared by {@link Event.DrillEnded}. */
public record DrillStatus(String drillId, String name, Instant startedAt) {
}
