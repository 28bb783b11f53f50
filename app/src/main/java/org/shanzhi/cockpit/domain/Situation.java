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

    /**
     * The live sub-district: this situation without the things drills made ({@link #drillThings}), for the
     * figures ({@link Kpi}) that drills must never enter. Itself when there are none; else O(k log n) for k
     * drill things.
     */
    public Situation live() {
        if (drillThings.isEmpty()) {
            return this;
        }
        PMap<String, Incident> liveIncidents = incidents;
        PMap<String, Complaint> liveComplaints = complaints;
        PMap<String, Dispute> liveDisputes = disputes;
        PMap<String, Petition> livePetitions = petitions;
        PMap<String, Whistle> liveWhistles = whistles;
        PMap<String, WeatherWarning> liveWarnings = warnings;
        PMap<String, AiAlert> liveAlerts = alerts;
        PMap<String, Outage> liveOutages = outages;
        PMap<String, IntelReport> liveIntel = intel;
        PMap<String, KeyPeriod> liveKeyPeriods = keyPeriods;
        PMap<String, DispatchOrder> liveOrders = orders;
        PMap<String, Instruction> liveInstructions = instructions;
        for (String key : drillThings.keySet()) {
            int slash = key.indexOf('/');
            String id = key.substring(slash + 1);
            switch (key.substring(0, slash)) {
                case "incidents" -> liveIncidents = liveIncidents.minus(id);
                case "complaints" -> liveComplaints = liveComplaints.minus(id);
                case "disputes" -> liveDisputes = liveDisputes.minus(id);
                case "petitions" -> livePetitions = livePetitions.minus(id);
                case "whistles" -> liveWhistles = liveWhistles.minus(id);
                case "warnings" -> liveWarnings = liveWarnings.minus(id);
                case "alerts" -> liveAlerts = liveAlerts.minus(id);
                case "outages" -> liveOutages = liveOutages.minus(id);
                case "intel" -> liveIntel = liveIntel.minus(id);
                case "keyPeriods" -> liveKeyPeriods = liveKeyPeriods.minus(id);
                case "orders" -> liveOrders = liveOrders.minus(id);
                case "instructions" -> liveInstructions = liveInstructions.minus(id);
                case "unitSos", "sensorAlarms" -> {
                    // a state of the district's own unit or sensor: the unit and the sensor stay live
                }
                default -> throw new IllegalStateException("a drill thing of no family: " + key);
            }
        }
        return new Situation(seq, time, district, communities, grids, cameras, sensors, units, liveIncidents,
                liveComplaints, liveDisputes, livePetitions, liveWhistles, liveWarnings, liveAlerts, liveOutages, liveIntel,
                liveKeyPeriods, liveOrders, liveInstructions, drill, TreePMap.empty());
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

    /**
     * The 综治网格 (a {@link Grid.Kind#GOVERNANCE} grid) of {@code community} whose boundary holds the point, or, for a
     * point of the community no grid holds (grids need not tile their community exactly), the grid whose centre is
     * nearest; null without a community or grids. A community's grids are those whose codes begin with its own.
     */
    public String gridAt(GeoPoint p, String community) {
        if (p == null || community == null) {
            return null;
        }
        String nearest = null;
        double best = Double.MAX_VALUE;
        for (Grid g : grids.values()) {
            if (g.kind() != Grid.Kind.GOVERNANCE || !g.code().startsWith(community) || g.boundary() == null) {
                continue;
            }
            if (g.boundary().contains(p)) {
                return g.code();
            }
            GeoPoint c = g.boundary().centroid();
            double d = Math.hypot(c.lon() - p.lon(), c.lat() - p.lat());
            if (d < best) {
                best = d;
                nearest = g.code();
            }
        }
        return nearest;
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
