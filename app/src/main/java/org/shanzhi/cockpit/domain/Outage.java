package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.List;

/**
 * A power/network outage over a set of residential buildings (楼栋), each with its own supply and the time it
 * last changed. {@code restoredAt} is when the last building had power and network again (已全部恢复), null
 * while any is still out.
 */
public record Outage(String id, String communityCode, String cause, int households, List<Building> affected,
                     Instant startedAt, Instant updatedAt, Instant restoredAt) {

    /** What a building has again: nothing (停电), power without network (供电未供网), or both (供电供网). */
    public enum Supply { DARK, POWER, POWER_AND_NETWORK }

    /** One building of the outage, where it stands, its supply and since when. */
    public record Building(String id, GeoPoint at, Supply supply, Instant since) {
    }

    public Outage {
        affected = List.copyOf(affected);
    }

    public boolean open() {
        return restoredAt == null;
    }

    /** Buildings affected. */
    public int buildings() {
        return affected.size();
    }

    /** Buildings with power back (with or without network). */
    public int powerRestored() {
        return (int) affected.stream().filter(b -> b.supply() != Supply.DARK).count();
    }

    /** Buildings with power and network back (供电供网). */
    public int networkRestored() {
        return (int) affected.stream().filter(b -> b.supply() == Supply.POWER_AND_NETWORK).count();
    }
}
