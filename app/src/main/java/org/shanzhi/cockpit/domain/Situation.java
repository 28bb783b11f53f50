package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.pcollections.PMap;
import org.pcollections.TreePMap;

/**
 * The whole picture of the sub-district after {@code seq} events: a pure, deterministic fold. Each
 * map is persistent, so {@link #apply} shares everything it does not change and costs O(log n).
 * Maps are keyed and iterated by id; the id is always the first component of the record they hold
 * (the snapshot codec relies on it).
 */
public record Situation(long seq, Instant time, District district,
                        PMap<String, Community> communities, PMap<String, Grid> grids,
                        PMap<String, Camera> cameras, PMap<String, Sensor> sensors,
                        PMap<String, FieldUnit> units, PMap<String, Incident> incidents,
                        PMap<String, Complaint> complaints, PMap<String, Dispute> disputes,
                        PMap<String, Petition> petitions, PMap<String, Whistle> whistles,
                        PMap<String, WeatherWarning> warnings, PMap<String, AiAlert> alerts,
                        PMap<String, Outage> outages, PMap<String, IntelReport> intel,
                        PMap<String, KeyPeriod> keyPeriods, PMap<String, DispatchOrder> orders,
                        PMap<String, Instruction> instructions, DrillStatus drill,
                        PMap<String, DrillThing> drillThings) {

    public static final Instant EPOCH = Instant.EPOCH;

    public static Situation empty() {
        return new Situation(0, EPOCH, null, TreePMap.empty(), TreePMap.empty(), TreePMap.empty(),
                TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(),
                TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(),
                TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), null, TreePMap.empty());
    }

    /**
     * The situation after one more event, or a {@link Rejection} naming the field (under
     * {@code payload.}) that makes it illegal. Never changes {@code this}.
     */
    public Situation apply(Recorded r) {
        if (r.seq() != seq + 1) {
            throw new Rejection("seq", "expected seq " + (seq + 1) + ", got " + r.seq());
        }
        Objects.requireNonNull(r.time(), "time");
        Instant t = r.time().isAfter(time) ? r.time() : time;
        try {
            return new Fold(this, r.seq(), t, r.time(), r.drill()).apply(r.event());
        } catch (Rejection e) {
            throw e.under("payload");
        }
    }

    /** Folds a run of events starting after this situation's seq; convenient in tests and replay. */
    public Situation applyAll(Iterable<Recorded> events) {
        Situation s = this;
        for (Recorded r : events) {
            s = s.apply(r);
        }
        return s;
    }

    /**
     * The id of the drill that made the thing {@code id} of {@code family} (a component name: "incidents",
     * "alerts" …) or that it followed from; null for a live thing.
     */
    public String drillOf(String family, String id) {
        return drillOf(DrillThing.key(family, id));
    }

    /** The drill of the thing named {@code "family/id"} (a command's target), or null. */
    public String drillOf(String key) {
        if (drillThings.isEmpty() || key == null) {
            return null;
        }
        DrillThing t = drillThings.get(key);
        return t == null ? null : t.drillId();
    }

    /** The community whose boundary holds the point, or null. */
    public String communityAt(GeoPoint p) {
        for (Community c : communities.values()) {
            if (c.boundary().contains(p)) {
                return c.code();
            }
        }
        return null;
    }

    public int population() {
        if (district != null && district.population() > 0) {
            return district.population();
        }
        return communities.values().stream().mapToInt(Community::population).sum();
    }

    /** Counts of the entities, for logs and health checks. */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new HashMap<>();
        m.put("communities", communities.size());
        m.put("grids", grids.size());
        m.put("cameras", cameras.size());
        m.put("sensors", sensors.size());
        m.put("units", units.size());
        m.put("incidents", incidents.size());
        m.put("complaints", complaints.size());
        m.put("disputes", disputes.size());
        m.put("petitions", petitions.size());
        m.put("alerts", alerts.size());
        m.put("orders", orders.size());
        return m;
    }
}
