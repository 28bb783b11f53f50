package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** A key security period (重点时期: 两会, 春节, …) during which the goal is 零发生 of group incidents. */
public record KeyPeriod(String id, String name, Instant from, Instant to) {

    public boolean activeAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(to);
    }
}
