package org.shanzhi.cockpit.domain.debrief;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/**
 * The debrief of a drill or of any range of the journal, computed from its events alone: each expected action met
 * or missed with its time, each case's steps 报警 → 确认 → 派遣 → 签收 → 到场 → 结案 and their p50 / p90 against
 * {@link Targets}, each unit's orders, the outages' restoration curves, the 12345 orders and how fast they were
 * taken, and a {@link Rating} for each objective.
 *
 * <p>With a drill ({@link Plan#drillId}) it is about the drill's things: those named {@code <drill id>:…}, the
 * cases made from its alerts and the orders on them. Without one, about what started in the range.
 */
public record Debrief(Instant from, Instant to, int events, Plan plan, List<ActionResult> actions,
                      List<Rating> ratings, List<CaseTimes> cases, List<StageSpread> stages, List<UnitTimes> units,
                      List<OutageCurve> outages, Calls calls) {

    /** How an expected action went: in time, late, not seen in the range, or its inject never fired. */
    public enum Outcome {
        MET("按时"), LATE("超时"), MISSED("未完成"), NOT_FIRED("未触发");

        public final String zh;

        Outcome(String zh) {
            this.zh = zh;
        }
    }

    /**
     * One expected action: its outcome and how long it took from its inject ({@code took}, null when not done). On a
     * surge, {@code inTime} of {@code of} orders were handled within the limit, and {@code took} is the longest wait.
     */
    public record ActionResult(Plan.Expectation expected, Outcome outcome, Duration took, int inTime, int of) {
    }

    /**
     * A case and when it first reached each step; {@code units} its units' names. {@code confirmedAhead}: it came
     * already registered (a grid worker's 立案, a drill's injected case), so its 确认 is no one's in the range and is
     * left out of the 确认 times (not counted as 0 s). {@code limits}: the drill script's limit for a step of this case,
     * measured from its alarm (the inject), as the script's expected actions are.
     */
    public record CaseTimes(String id, String title, Incident.Severity severity, String units,
                            Map<Stage, Instant> at, boolean confirmedAhead, Map<Stage, Duration> limits) {

        /** From the step before {@code stage} to it, when both were reached (and the step was someone's); else null. */
        public Duration interval(Stage stage) {
            if (stage.ordinal() == 0 || stage == Stage.CONFIRMED && confirmedAhead) {
                return null;
            }
            Instant a = at.get(Stage.values()[stage.ordinal() - 1]);
            Instant b = at.get(stage);
            return a == null || b == null ? null : Duration.between(a, b);
        }

        /** Whether {@code stage} was reached within its script limit if it has one, else within {@code target}. */
        boolean inTarget(Stage stage, Duration target) {
            Duration limit = limits.get(stage);
            if (limit != null) {
                Instant alarm = at.get(Stage.ALARM);
                Instant reached = at.get(stage);
                return reached != null && Duration.between(alarm, reached).compareTo(limit) <= 0;
            }
            Duration d = interval(stage);
            return d != null && target != null && d.compareTo(target) <= 0;
        }
    }

    /**
     * One step's intervals over the cases, against its target (null: none); {@code inTarget} of {@code spread.n}. In a
     * drill, a case whose script sets a limit for the step is held to it instead (from its inject): {@code scriptLimits}
     * are those limits, shortest first, and {@code scripted} how many of the cases had one.
     */
    public record StageSpread(Stage stage, Spread spread, Duration target, int inTarget, List<Duration> scriptLimits,
                              int scripted) {
    }

    /** A unit's orders: 派单 → 签收, 签收 → 到场, 到场 → 反馈, and how many it declined. */
    public record UnitTimes(String unitId, String name, int orders, int declined, Spread accept, Spread arrive,
                            Spread work) {
    }

    /** An outage's restoration: each change as shares of its buildings with power and with network back. */
    public record OutageCurve(String id, String community, int buildings, int households, Instant start,
                              List<Point> points) {

        public record Point(Instant at, int power, int network, double powerPct, double networkPct) {
        }

        /** From the outage to the first point where at least {@code pct} % of the buildings had power; or null. */
        public Duration powerTo(double pct) {
            for (Point p : points) {
                if (p.powerPct() >= pct) {
                    return Duration.between(start, p.at());
                }
            }
            return null;
        }

        /** From the outage to the first point where every building had power and network; or null. */
        public Duration whole() {
            for (Point p : points) {
                if (p.power() == buildings && p.network() == buildings) {
                    return Duration.between(start, p.at());
                }
            }
            return null;
        }
    }

    /**
     * The 12345 orders received: per {@link #BIN} from the first, how many came, how many were handled (moved past
     * 受理) and how many waited at its end; the waits ({@code waits}), the largest backlog, and when the last was handled with none
     * waiting ({@code absorbedAt}, null while some still wait at the end of the range).
     */
    public record Calls(int received, int handled, Spread waits, int peakBacklog, Instant absorbedAt, List<Bin> bins) {

        public record Bin(Instant from, int received, int handled, int backlog) {
        }
    }

    public static final Duration BIN = Duration.ofMinutes(10);

    /**
     * The debrief of {@code events} (a range, in seq order) folded on {@code before} (the situation just before it).
     */
    public static Debrief of(Situation before, List<Recorded> events, Plan plan, Targets targets) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("the range holds no events");
        }
        History h = History.walk(before, events, plan.expectations());
        Instant from = events.get(0).time();
        Instant to = events.get(events.size() - 1).time();
        Scope scope = new Scope(plan.drillId(), before, h.after);
        List<ActionResult> actions = actions(plan, h);
        List<CaseTimes> cases = cases(h, scope, limits(plan, h.after));
        return new Debrief(from, to, events.size(), plan, actions, Rating.of(plan, actions), cases,
                stages(cases, targets), units(h, scope, cases), outages(h, scope), calls(h, scope, to));
    }

    /**
     * Which things the debrief is about: with a drill, those the situation marks as the drill's (or, in a recording
     * made before drills were marked, named by it); without, those that started in the range.
     */
    private record Scope(String drillId, Situation before, Situation after) {

        private boolean drills(String family, String id) {
            return id != null && (drillId.equals(after.drillOf(family, id)) || id.startsWith(drillId + ":"));
        }

        boolean incident(Incident i) {
            return drillId != null ? drills("incidents", i.id()) || drills("alerts", i.alertId())
                    : !before.incidents().containsKey(i.id());
        }

        boolean complaint(Complaint c) {
            return drillId != null ? drills("complaints", c.orderNo()) : !before.complaints().containsKey(c.orderNo());
        }

        boolean outage(Outage o) {
            return drillId == null || drills("outages", o.id());
        }
    }

    private static List<ActionResult> actions(Plan plan, History h) {
        List<ActionResult> out = new ArrayList<>();
        for (int i = 0; i < plan.expectations().size(); i++) {
            Plan.Expectation x = plan.expectations().get(i);
            if (x.from() == null) {
                out.add(new ActionResult(x, Outcome.NOT_FIRED, null, 0, 1));
            } else if (x.action() == Action.complaintHandled && !h.after.complaints().containsKey(x.subject())) {
                out.add(surge(x, h));
            } else {
                Instant done = h.expectationDone.get(i);
                Duration took = done == null ? null : Duration.between(x.from(), done);
                Outcome o = took == null ? Outcome.MISSED : took.compareTo(x.within()) <= 0 ? Outcome.MET : Outcome.LATE;
                out.add(new ActionResult(x, o, took, o == Outcome.MET ? 1 : 0, 1));
            }
        }
        return out;
    }

    /** Every order of the surge, each from its own arrival. */
    private static ActionResult surge(Plan.Expectation x, History h) {
        int of = 0;
        int inTime = 0;
        boolean allDone = true;
        Duration longest = null;
        for (Complaint c : h.after.complaints().values()) {
            if (!c.orderNo().startsWith(x.subject() + "-")) {
                continue;
            }
            of++;
            Instant done = h.complaintHandled.get(c.orderNo());
            if (done == null) {
                allDone = false;
                continue;
            }
            Duration wait = Duration.between(c.acceptedAt(), done);
            inTime += wait.compareTo(x.within()) <= 0 ? 1 : 0;
            longest = longest == null || wait.compareTo(longest) > 0 ? wait : longest;
        }
        Outcome o = of == 0 || !allDone ? Outcome.MISSED : inTime == of ? Outcome.MET : Outcome.LATE;
        return new ActionResult(x, o, allDone ? longest : null, inTime, of);
    }

    /**
     * The script's limits by case and step: an expected action on a case (or on the alert a case was made from) that
     * is one of a case's steps, from an inject that fired.
     */
    private static Map<String, Map<Stage, Duration>> limits(Plan plan, Situation s) {
        Map<String, String> caseOfAlert = new HashMap<>();
        for (Incident i : s.incidents().values()) {
            if (i.alertId() != null) {
                caseOfAlert.put(i.alertId(), i.id());
            }
        }
        Map<String, Map<Stage, Duration>> out = new HashMap<>();
        for (Plan.Expectation x : plan.expectations()) {
            Stage stage = x.action().stage();
            String caseId = s.incidents().containsKey(x.subject()) ? x.subject() : caseOfAlert.get(x.subject());
            if (x.from() != null && stage != null && caseId != null) {
                out.computeIfAbsent(caseId, k -> new EnumMap<>(Stage.class)).merge(stage, x.within(),
                        (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return out;
    }

    private static List<CaseTimes> cases(History h, Scope scope, Map<String, Map<Stage, Duration>> limits) {
        Situation s = h.after;
        List<CaseTimes> out = new ArrayList<>();
        for (Incident i : s.incidents().values()) {
            if (!scope.incident(i)) {
                continue;
            }
            Map<Stage, Instant> at = new EnumMap<>(Stage.class);
            Map<Stage, Instant> firsts = h.caseFirsts.getOrDefault(i.id(), new EnumMap<>(Stage.class));
            AiAlert alert = i.alertId() == null ? null : s.alerts().get(i.alertId());
            at.put(Stage.ALARM, alert != null ? alert.raisedAt() : i.openedAt());
            put(at, Stage.CONFIRMED, alert != null ? h.alertConfirmed.getOrDefault(alert.id(), i.openedAt())
                    : firsts.get(Stage.CONFIRMED));
            put(at, Stage.DISPATCHED, firsts.get(Stage.DISPATCHED));
            List<String> units = new ArrayList<>();
            for (String orderId : i.orderIds()) {
                DispatchOrder o = s.orders().get(orderId);
                if (!units.contains(unitName(s, o.unitId()))) {
                    units.add(unitName(s, o.unitId()));
                }
                earliest(at, Stage.DISPATCHED, o.issuedAt());
                earliest(at, Stage.ACCEPTED, o.reached(OrderState.ACCEPTED));
                earliest(at, Stage.ON_SITE, o.reached(OrderState.ON_SITE));
            }
            earliest(at, Stage.ON_SITE, firsts.get(Stage.ON_SITE));
            if (i.orderIds().isEmpty() && i.unitId() != null) {
                units.add(unitName(s, i.unitId()));
            }
            put(at, Stage.CLOSED, i.closedAt());
            boolean ahead = alert == null && h.openedConfirmed.contains(i.id());
            out.add(new CaseTimes(i.id(), i.title(), i.severity(), String.join(" ", units), at, ahead,
                    Map.copyOf(limits.getOrDefault(i.id(), Map.of()))));
        }
        out.sort(Comparator.comparing((CaseTimes c) -> c.at().get(Stage.ALARM)).thenComparing(CaseTimes::id));
        return out;
    }

    private static String unitName(Situation s, String unitId) {
        FieldUnit u = s.units().get(unitId);
        return u == null ? unitId : u.name();
    }

    private static void put(Map<Stage, Instant> at, Stage stage, Instant t) {
        if (t != null) {
            at.put(stage, t);
        }
    }

    private static void earliest(Map<Stage, Instant> at, Stage stage, Instant t) {
        if (t != null && (at.get(stage) == null || t.isBefore(at.get(stage)))) {
            at.put(stage, t);
        }
    }

    private static List<StageSpread> stages(List<CaseTimes> cases, Targets targets) {
        List<StageSpread> out = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.ALARM) {
                continue;
            }
            List<Duration> ds = new ArrayList<>();
            Duration target = targets.to(stage);
            int in = 0;
            int scripted = 0;
            TreeSet<Duration> scriptLimits = new TreeSet<>();
            for (CaseTimes c : cases) {
                Duration d = c.interval(stage);
                if (d != null) {
                    ds.add(d);
                    in += c.inTarget(stage, target) ? 1 : 0;
                    Duration limit = c.limits().get(stage);
                    if (limit != null) {
                        scripted++;
                        scriptLimits.add(limit);
                    }
                }
            }
            out.add(new StageSpread(stage, Spread.of(ds), target, in, List.copyOf(scriptLimits), scripted));
        }
        return out;
    }

    private static List<UnitTimes> units(History h, Scope scope, List<CaseTimes> cases) {
        Situation s = h.after;
        Map<String, List<DispatchOrder>> byUnit = new LinkedHashMap<>();
        for (CaseTimes c : cases) {
            for (String orderId : s.incidents().get(c.id()).orderIds()) {
                DispatchOrder o = s.orders().get(orderId);
                byUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o);
            }
        }
        List<UnitTimes> out = new ArrayList<>();
        byUnit.forEach((unitId, orders) -> {
            List<Duration> accept = new ArrayList<>();
            List<Duration> arrive = new ArrayList<>();
            List<Duration> work = new ArrayList<>();
            int declined = 0;
            for (DispatchOrder o : orders) {
                between(accept, o.issuedAt(), o.reached(OrderState.ACCEPTED));
                between(arrive, o.reached(OrderState.ACCEPTED), o.reached(OrderState.ON_SITE));
                between(work, o.reached(OrderState.ON_SITE), o.reached(OrderState.REPORTED));
                declined += o.state() == OrderState.DECLINED ? 1 : 0;
            }
            FieldUnit u = s.units().get(unitId);
            out.add(new UnitTimes(unitId, u == null ? unitId : u.name(), orders.size(), declined, Spread.of(accept),
                    Spread.of(arrive), Spread.of(work)));
        });
        out.sort(Comparator.comparing(UnitTimes::unitId));
        return out;
    }

    private static void between(List<Duration> into, Instant a, Instant b) {
        if (a != null && b != null) {
            into.add(Duration.between(a, b));
        }
    }

    private static List<OutageCurve> outages(History h, Scope scope) {
        List<OutageCurve> out = new ArrayList<>();
        for (Map.Entry<String, List<History.OutagePoint>> e : h.outagePoints.entrySet()) {
            Outage o = h.after.outages().get(e.getKey());
            if (!scope.outage(o)) {
                continue;
            }
            List<OutageCurve.Point> points = new ArrayList<>();
            for (History.OutagePoint p : e.getValue()) {
                points.add(new OutageCurve.Point(p.at(), p.power(), p.network(), 100.0 * p.power() / o.buildings(),
                        100.0 * p.network() / o.buildings()));
            }
            Community c = h.after.communities().get(o.communityCode());
            out.add(new OutageCurve(o.id(), c == null ? o.communityCode() : c.name(), o.buildings(), o.households(),
                    o.startedAt(), List.copyOf(points)));
        }
        out.sort(Comparator.comparing(OutageCurve::start).thenComparing(OutageCurve::id));
        return out;
    }

    private static Calls calls(History h, Scope scope, Instant to) {
        List<Instant> received = new ArrayList<>();
        List<Instant> handled = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        for (Complaint c : h.after.complaints().values()) {
            if (!scope.complaint(c)) {
                continue;
            }
            received.add(c.acceptedAt());
            Instant done = h.complaintHandled.get(c.orderNo());
            if (done != null) {
                handled.add(done);
                waits.add(Duration.between(c.acceptedAt(), done));
            }
        }
        if (received.isEmpty()) {
            return new Calls(0, 0, Spread.of(waits), 0, null, List.of());
        }
        received.sort(null);
        handled.sort(null);
        Instant first = received.get(0);
        Instant absorbed = handled.size() == received.size() ? handled.get(handled.size() - 1) : null;
        Instant last = absorbed == null ? to : later(absorbed, received.get(received.size() - 1));
        List<Calls.Bin> bins = new ArrayList<>();
        int r = 0;
        int d = 0;
        int peak = 0;
        for (Instant start = first; !start.isAfter(last); start = start.plus(BIN)) {
            Instant end = start.plus(BIN);
            int r0 = r;
            int d0 = d;
            while (r < received.size() && received.get(r).isBefore(end)) {
                r++;
            }
            while (d < handled.size() && handled.get(d).isBefore(end)) {
                d++;
            }
            peak = Math.max(peak, r - d);
            bins.add(new Calls.Bin(start, r - r0, d - d0, r - d));
        }
        return new Calls(received.size(), handled.size(), Spread.of(waits), peak, absorbed, List.copyOf(bins));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
