package org.shanzhi.cockpit.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.Hub;

/**
 * A synthetic stretch of events after {@link SyntheticHeyi#inventory}: field units moving and
 * sensors reporting, with 12345 complaints and cases (incidents) going through their whole
 * lifecycles, dispatched to free units that then work the case and come back. Every event is
 * legal in order, so the fold accepts all of them. Deterministic per seed.
 *
 * <p>{@code total} slots are spread evenly over {@code span}; each slot is the next step of a
 * lifecycle that is due, else a move (or, with {@code readingShare}, a sensor reading). Steps left
 * when the slots run out follow at the end.
 */
public final class SyntheticDay {

    private final Random rnd;
    private final Instant start;
    private final long total;
    private final double nanosPerSlot;
    private final double readingShare;
    private final long meanGap;
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private final Deque<Integer> freeUnits = new ArrayDeque<>();
    private final double[][] unitAt = new double[SyntheticHeyi.UNITS][2];
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final String idPrefix;
    private long slot;
    private long order;

    private record Due(long slot, long order, Life life) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return slot != o.slot ? Long.compare(slot, o.slot) : Long.compare(order, o.order);
        }
    }

    /**
     * @param total        slots (about the number of events)
     * @param complaints   12345 orders received over the span
     * @param incidents    cases opened over the span
     * @param readingShare share of the filler that is sensor readings (the rest is unit moves)
     * @param idPrefix     makes order and case ids unique when several days go into one journal
     */
    public SyntheticDay(long seed, Instant start, Duration span, long total, int complaints, int incidents,
                        double readingShare, String idPrefix) {
        this.rnd = new Random(seed);
        this.start = start;
        this.total = total;
        this.nanosPerSlot = (double) span.toNanos() / total;
        this.readingShare = readingShare;
        this.idPrefix = idPrefix;
        // a lifecycle step every ~1/400 of the span: a case of 15 steps takes ~4% of it
        this.meanGap = Math.max(1, total / 400);
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < SyntheticHeyi.UNITS; i++) {
            units.add(i);
            GeoPoint p = SyntheticHeyi.randomPoint(rnd);
            unitAt[i][0] = p.lon();
            unitAt[i][1] = p.lat();
        }
        Collections.shuffle(units, rnd);
        freeUnits.addAll(units);
        long window = Math.max(1, (long) (total * 0.8));
        for (int i = 0; i < complaints; i++) {
            schedule(Math.floorMod(rnd.nextLong(), window), new ComplaintLife(i));
        }
        for (int i = 0; i < incidents; i++) {
            schedule(Math.floorMod(rnd.nextLong(), window), new IncidentLife(i));
        }
    }

    /** The whole stretch (every slot, then the lifecycle steps still due). */
    public List<Hub.Pending> all() {
        List<Hub.Pending> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, total + 1024));
        Hub.Pending p;
        while ((p = next()) != null) {
            out.add(p);
        }
        return out;
    }

    /** The next event, or null when the slots are used up and every lifecycle has ended. */
    public Hub.Pending next() {
        if (slot >= total && due.isEmpty()) {
            return null;
        }
        Instant time = start.plusNanos((long) (Math.min(slot, total) * nanosPerSlot));
        Event e = null;
        while (e == null && !due.isEmpty() && (due.peek().slot() <= slot || slot >= total)) {
            Due d = due.poll();
            e = d.life().next();
            if (e == null) {
                // waiting for a free unit
                schedule(slot + meanGap, d.life());
            } else if (!d.life().done()) {
                schedule(slot + 1 + Math.floorMod(rnd.nextLong(), 2 * meanGap), d.life());
            }
            if (e == null && slot >= total && freeUnits.isEmpty()) {
                break;
            }
        }
        if (e == null) {
            e = filler();
        }
        slot++;
        counts.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        return new Hub.Pending(time, e);
    }

    /** Events made so far by type. */
    public Map<String, Integer> counts() {
        return counts;
    }

    private void schedule(long at, Life life) {
        due.add(new Due(at, order++, life));
    }

    private Event filler() {
        if (rnd.nextDouble() < readingShare) {
            int i = rnd.nextInt(SyntheticHeyi.SENSORS);
            Sensor.Kind k = Sensor.Kind.values()[i % Sensor.Kind.values().length];
            double t = SyntheticHeyi.threshold(k);
            // mostly calm, one reading in a hundred above the alarm threshold
            double value = rnd.nextDouble() < 0.01 ? t * (1 + rnd.nextDouble()) : t * 0.8 * rnd.nextDouble();
            return new Event.SensorReported(SyntheticHeyi.sensorId(i), Math.round(value * 10) / 10.0);
        }
        int u = rnd.nextInt(SyntheticHeyi.UNITS);
        // a few metres per fix, kept inside the street
        double lon = clamp(unitAt[u][0] + (rnd.nextDouble() - 0.5) * 0.0004,
                SyntheticHeyi.BOUNDS.west(), SyntheticHeyi.BOUNDS.east());
        double lat = clamp(unitAt[u][1] + (rnd.nextDouble() - 0.5) * 0.0003,
                SyntheticHeyi.BOUNDS.south(), SyntheticHeyi.BOUNDS.north());
        unitAt[u][0] = lon;
        unitAt[u][1] = lat;
        return new Event.UnitMoved(SyntheticHeyi.unitId(u), new GeoPoint(lon, lat),
                Math.round(rnd.nextDouble() * 3600) / 10.0);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private interface Life {
        /** The next step, or null if it cannot happen yet. */
        Event next();

        boolean done();
    }

    /** 受理 → 派单 → 签收 → 联系 → 办理 → 办结反馈 → 回访 → 结案; one in six answered directly. */
    private final class ComplaintLife implements Life {
        private final String orderNo;
        private final boolean direct;
        private int step;

        ComplaintLife(int i) {
            this.orderNo = idPrefix + "2605" + String.format("%06d", i + 1);
            this.direct = rnd.nextInt(6) == 0;
        }

        @Override
        public Event next() {
            Event e = direct ? switch (step) {
                case 0 -> received();
                default -> new Event.ComplaintAdvanced(orderNo, ComplaintState.ANSWERED_DIRECT);
            } : switch (step) {
                case 0 -> received();
                case 1 -> new Event.ComplaintAdvanced(orderNo, ComplaintState.DISPATCHED);
                case 2 -> new Event.ComplaintAdvanced(orderNo, ComplaintState.SIGNED);
                case 3 -> new Event.ComplaintAdvanced(orderNo, ComplaintState.CONTACTED);
                case 4 -> new Event.ComplaintAdvanced(orderNo, ComplaintState.IN_PROGRESS);
                case 5 -> new Event.ComplaintAdvanced(orderNo, ComplaintState.REPLIED);
                case 6 -> new Event.ComplaintRevisited(orderNo, true, Complaint.Resolution.YES,
                        rnd.nextInt(10) == 0 ? Complaint.Satisfaction.BASICALLY_SATISFIED
                                : Complaint.Satisfaction.SATISFIED);
                default -> new Event.ComplaintAdvanced(orderNo, ComplaintState.CLOSED);
            };
            step++;
            return e;
        }

        private Event received() {
            Complaint.Type[] types = Complaint.Type.values();
            Complaint.Priority[] priorities = {Complaint.Priority.NORMAL, Complaint.Priority.TIMELY,
                    Complaint.Priority.URGENT};
            return new Event.ComplaintReceived(orderNo, Complaint.Channel.PHONE, types[rnd.nextInt(types.length)],
                    "市容环境", priorities[rnd.nextInt(priorities.length)], SyntheticHeyi.randomPoint(rnd),
                    "楼下噪音扰民，请尽快处理", rnd.nextInt(20) == 0);
        }

        @Override
        public boolean done() {
            return step >= (direct ? 2 : 8);
        }
    }

    /**
     * 上报 → 核实 → 立案 → 待派遣 → 派遣 (the unit 签收, 在途, 到场) → 处置 → 处置完毕 (the unit reports
     * back and is free again) → 核查 → 结案.
     */
    private final class IncidentLife implements Life {
        private final String id;
        private int step;
        private int unit = -1;

        IncidentLife(int i) {
            this.id = idPrefix + "INC-" + (i + 1);
        }

        @Override
        public Event next() {
            Event e = switch (step) {
                case 0 -> new Event.IncidentOpened(id, "道路积水", "市政设施", Incident.Source.GRID_WORKER,
                        Incident.Severity.MEDIUM, IncidentState.REPORTED, SyntheticHeyi.randomPoint(rnd), null, null);
                case 1 -> new Event.IncidentAdvanced(id, IncidentState.VERIFYING, null);
                case 2 -> new Event.IncidentAdvanced(id, IncidentState.REGISTERED, "核实属实");
                case 3 -> new Event.IncidentAdvanced(id, IncidentState.PENDING_DISPATCH, null);
                case 4 -> {
                    if (freeUnits.isEmpty()) {
                        yield null;
                    }
                    unit = freeUnits.poll();
                    yield new Event.IncidentDispatched(id, SyntheticHeyi.unitId(unit));
                }
                case 5 -> unitStatus(UnitStatus.ACK);
                case 6 -> unitStatus(UnitStatus.ENR);
                case 7 -> unitStatus(UnitStatus.ONS);
                case 8 -> new Event.IncidentAdvanced(id, IncidentState.IN_PROGRESS, null);
                case 9 -> unitStatus(UnitStatus.WRK);
                case 10 -> new Event.IncidentAdvanced(id, IncidentState.DISPOSED, "已处置");
                case 11 -> unitStatus(UnitStatus.RPT);
                case 12 -> {
                    freeUnits.add(unit);
                    yield unitStatus(UnitStatus.AVL);
                }
                case 13 -> new Event.IncidentAdvanced(id, IncidentState.CHECKING, null);
                default -> new Event.IncidentAdvanced(id, IncidentState.CLOSED, "核查通过");
            };
            if (e != null) {
                step++;
            }
            return e;
        }

        private Event unitStatus(UnitStatus s) {
            return new Event.UnitStatusChanged(SyntheticHeyi.unitId(unit), s);
        }

        @Override
        public boolean done() {
            return step >= 15;
        }
    }
}
