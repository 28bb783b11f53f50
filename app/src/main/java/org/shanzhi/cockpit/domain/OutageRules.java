package org.shanzhi.cockpit.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shanzhi.cockpit.domain.Event.*;

import static org.shanzhi.cockpit.domain.FoldChecks.require;
import static org.shanzhi.cockpit.domain.FoldChecks.requireId;

/** The fold's rules for outages: buildings dark, on power only, restored. */
final class OutageRules {

    /** The most buildings one outage may cover (a community holds a few dozen). */
    static final int MAX_OUTAGE_BUILDINGS = 200;

    private OutageRules() {
    }

    static void outageReported(Fold f, OutageReported x) {
        requireId(x.outageId(), "outageId", f.outages);
        Community c = require(f.communities, x.communityCode(), "communityCode", "community");
        if (x.buildings() < 1 || x.buildings() > MAX_OUTAGE_BUILDINGS) {
            throw new Rejection("buildings", "an outage affects 1.." + MAX_OUTAGE_BUILDINGS + " buildings");
        }
        List<Outage.Building> all = Buildings.of(c, MAX_OUTAGE_BUILDINGS, f.at);
        List<Outage.Building> affected;
        if (x.buildingIds() == null) {
            affected = all.subList(0, Math.min(x.buildings(), all.size()));
        } else {
            if (x.buildingIds().size() != x.buildings()) {
                throw new Rejection("buildingIds", "names " + x.buildingIds().size() + " buildings, not " + x.buildings());
            }
            Map<String, Outage.Building> byId = new HashMap<>();
            all.forEach(b -> byId.put(b.id(), b));
            affected = new ArrayList<>();
            for (String id : x.buildingIds()) {
                Outage.Building b = byId.remove(id);
                if (b == null) {
                    throw new Rejection("buildingIds", id + " is not a building of " + c.code() + " or is named twice");
                }
                affected.add(b);
            }
        }
        f.outages = f.outages.plus(x.outageId(), new Outage(x.outageId(), x.communityCode(), x.cause(), x.households(),
                affected, f.at, f.at, null));
        DrillRules.mark(f, "outages", x.outageId(), null);
    }

    static void outageRestored(Fold f, OutageRestored x) {
        Outage o = require(f.outages, x.outageId(), "outageId", "outage");
        boolean counts = x.powerRestored() != null || x.networkRestored() != null;
        if (counts == (x.buildingIds() != null)) {
            throw new Rejection("buildingIds", "name the buildings with their supply, or give the counts, not both");
        }
        List<Outage.Building> now = new ArrayList<>(o.affected());
        if (counts) {
            int power = x.powerRestored() == null ? o.powerRestored() : x.powerRestored();
            int network = x.networkRestored() == null ? o.networkRestored() : x.networkRestored();
            if (power < o.powerRestored() || power > o.buildings()) {
                throw new Rejection("powerRestored", "must be within " + o.powerRestored() + ".." + o.buildings());
            }
            if (network < o.networkRestored() || network > o.buildings()) {
                throw new Rejection("networkRestored", "must be within " + o.networkRestored() + ".." + o.buildings());
            }
            for (int i = 0; i < now.size(); i++) {
                Outage.Supply s = i < network ? Outage.Supply.POWER_AND_NETWORK
                        : i < power ? Outage.Supply.POWER : Outage.Supply.DARK;
                now.set(i, resupplied(f, now.get(i), s));
            }
        } else {
            if (x.supply() == null || x.supply() == Outage.Supply.DARK) {
                throw new Rejection("supply", "supply is POWER or POWER_AND_NETWORK");
            }
            for (String id : x.buildingIds()) {
                int i = indexOf(now, id);
                if (i < 0) {
                    throw new Rejection("buildingIds", id + " is not a building of outage " + o.id());
                }
                if (now.get(i).supply().compareTo(x.supply()) > 0) {
                    throw new Rejection("supply", id + " has " + now.get(i).supply() + " already");
                }
                now.set(i, resupplied(f, now.get(i), x.supply()));
            }
        }
        boolean all = now.stream().allMatch(b -> b.supply() == Outage.Supply.POWER_AND_NETWORK);
        f.outages = f.outages.plus(o.id(), new Outage(o.id(), o.communityCode(), o.cause(), o.households(), now,
                o.startedAt(), f.at, all ? (o.restoredAt() == null ? f.at : o.restoredAt()) : null));
    }

    /** A building's supply at least {@code s} (counts never take supply away), since now if it changed. */
    private static Outage.Building resupplied(Fold f, Outage.Building b, Outage.Supply s) {
        return s.compareTo(b.supply()) <= 0 ? b : new Outage.Building(b.id(), b.at(), s, f.at);
    }

    private static int indexOf(List<Outage.Building> buildings, String id) {
        for (int i = 0; i < buildings.size(); i++) {
            if (buildings.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
