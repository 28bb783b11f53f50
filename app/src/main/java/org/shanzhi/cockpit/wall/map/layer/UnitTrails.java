package org.shanzhi.cockpit.wall.map.layer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;

/**
 * Where each field unit has been lately: its last {@link #LENGTH} positions, oldest first, as the map saw them from
 * one situation to the next, cut where it jumped. A situation holds only where a unit is now, so the map keeps the
 * trail itself; units that leave the situation are forgotten. On the FX thread.
 */
final class UnitTrails {

    static final int LENGTH = 12;
    /** A move longer than this between two situations is a jump (a catch-up, a bad fix), not a way walked: the trail starts again. */
    static final double JUMP_METRES = 200;

    private final Map<String, Deque<GeoPoint>> trails = new HashMap<>();
    private PMap<String, FieldUnit> seen;

    /** Takes the units' positions from a situation; the same unit map twice adds nothing. */
    void update(PMap<String, FieldUnit> units) {
        if (units == seen) {
            return;
        }
        seen = units;
        trails.keySet().retainAll(units.keySet());
        for (FieldUnit u : units.values()) {
            if (u.at() == null) {
                continue;
            }
            Deque<GeoPoint> trail = trails.computeIfAbsent(u.id(), id -> new ArrayDeque<>(LENGTH));
            GeoPoint last = trail.peekLast();
            if (last != null && last.metresTo(u.at()) > JUMP_METRES) {
                trail.clear();
            }
            if (!u.at().equals(trail.peekLast())) {
                if (trail.size() == LENGTH) {
                    trail.removeFirst();
                }
                trail.addLast(u.at());
            }
        }
    }

    /** The unit's positions, oldest first, the newest being where it is now; empty for a unit never seen. */
    List<GeoPoint> of(String unitId) {
        Deque<GeoPoint> t = trails.get(unitId);
        return t == null ? List.of() : List.copyOf(t);
    }

    int units() {
        return trails.size();
    }
}
