package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** A power/network outage over residential buildings, and how many have been restored. */
public record Outage(String id, String communityCode, String cause, int buildings, int households,
                     int powerRestored, int networkRestored, Instant startedAt, Instant updatedAt) {

    public boolean open() {
        return powerRestored < buildings || networkRestored < buildings;
    }
}
