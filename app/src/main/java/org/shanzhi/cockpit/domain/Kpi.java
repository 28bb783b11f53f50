package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The indicators of the cockpit, with the formulas of DOMAIN.md. Windows are half-open {@code [from, to)}.
 * Every figure (rates, counts) is of the live sub-district ({@link Situation#live}): what drills made never enters
 * one, as with the hourly series ({@link TimeWindows}) and the leaderboards ({@link Rankings}). The lists of what is
 * in force or open to act on (warnings, sensors in alarm, whistles, the key period) show a drill's too, as the
 * situation does, for the trainees to work.
 * Views show these values; they never compute their own. {@link Deadlines}, {@link DispatchBoard} and
 * {@link VideoAlarms} hold the lists that run against a time limit, the dispatch board's and the video wall's.
 */
public final class Kpi {

    private Kpi() {
    }

    /** The centre keeps Beijing time: "today" starts at 00:00 Asia/Shanghai. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * Weights of the 综合得分, the credit given to 基本满意 in 满意率 and to 部分解决 in 解决率. The defaults are the
     * published 准格尔旗 30/35/35, w = 0.6 (fits the 西宁 June 2024 figures) and no credit for 部分解决 (DOMAIN.md
     * §2.2 counts only "resolved"); Beijing's own are not public, so {@link FigureSettings} lets the center set them.
     */
    public record Weights(double response, double resolution, double satisfaction, double basicallySatisfied,
                          double partiallyResolved) {
        public static final Weights DEFAULT = new Weights(0.30, 0.35, 0.35, 0.6, 0.0);

        public Weights {
            if (response < 0 || resolution < 0 || satisfaction < 0) {
                throw new Rejection("weights", "no weight may be negative");
            }
            if (Math.abs(response + resolution + satisfaction - 1.0) > 1e-9) {
                throw new Rejection("weights", "response + resolution + satisfaction must be 1");
            }
            if (basicallySatisfied < 0 || basicallySatisfied > 1) {
                throw new Rejection("basicallySatisfied", "must be within 0..1");
            }
            if (partiallyResolved < 0 || partiallyResolved > 1) {
                throw new Rejection("partiallyResolved", "must be within 0..1");
            }
        }
    }

    /**
     * 三率 over the 回访 that fell in the window, each counted where it fell: an order reopened (重办) after an unhappy
     * 回访 keeps that one, and its second 回访 counts as well. Rates are 0..1, NaN with nothing evaluated.
     */
    public record ThreeRates(int evaluated, double response, double resolution, double satisfaction, double score) {
    }

    public static ThreeRates threeRates(Situation s, Instant from, Instant to, Weights w) {
        s = s.live();
        int evaluated = 0;
        int responded = 0;
        double resolved = 0;
        double satisfied = 0;
        List<Complaint.Revisit> revisits = new ArrayList<>();
        s.complaints().values().forEach(c -> revisits.addAll(c.revisits()));
        for (Complaint.Revisit r : revisits) {
            if (!within(r.at(), from, to)) {
                continue;
            }
            evaluated++;
            if (r.responded()) {
                responded++;
            }
            if (r.resolved() == Complaint.Resolution.YES) {
                resolved += 1;
            } else if (r.resolved() == Complaint.Resolution.PARTIAL) {
                resolved += w.partiallyResolved();
            }
            if (r.satisfaction() == Complaint.Satisfaction.SATISFIED) {
                satisfied += 1;
            } else if (r.satisfaction() == Complaint.Satisfaction.BASICALLY_SATISFIED) {
                satisfied += w.basicallySatisfied();
            }
        }
        if (evaluated == 0) {
            return new ThreeRates(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double response = (double) responded / evaluated;
        double resolution = resolved / evaluated;
        double satisfaction = satisfied / evaluated;
        double score = w.response() * response + w.resolution() * resolution + w.satisfaction() * satisfaction;
        return new ThreeRates(evaluated, response, resolution, satisfaction, score);
    }

    /**
     * The fewest a rate must rest on before the wall shows it as a rate; below, it says 样本不足 and how many there
     * are, never a bare 100.0 from one 回访. {@code revisits} for the 三率 and 综合得分, {@code casesDue} for
     * 按期结案率, {@code mediations} (ended) for 调解成功率, {@code reviewedAlerts} for an algorithm's 误报率. The
     * defaults: about two days of the street's 回访 (≈ 450 orders a month), and ten for the rarer families, where
     * one case moves a rate by 10 points.
     */
    public record MinimumBase(int revisits, int casesDue, int mediations, int reviewedAlerts) {
        public static final MinimumBase DEFAULT = new MinimumBase(30, 10, 10, 10);

        public MinimumBase {
            if (revisits < 1 || casesDue < 1 || mediations < 1 || reviewedAlerts < 1) {
                throw new Rejection("minimumBase", "every minimum must be at least 1");
            }
        }

        public boolean enoughRevisits(ThreeRates r) {
            return r.evaluated() >= revisits;
        }

        public boolean enoughCasesDue(Ratio r) {
            return r.whole() >= casesDue;
        }

        public boolean enoughMediations(Ratio r) {
            return r.whole() >= mediations;
        }

        public boolean enoughReviewedAlerts(Ratio r) {
            return r.whole() >= reviewedAlerts;
        }
    }

    /**
     * 按期结案率: of the cases whose deadline fell in the window (already due when the window ends at now), invalid
     * ones excluded, the share closed (结案, normally or not) by their deadline. A case still open, or closed late,
     * counts against it; a case not yet due does not count at all.
     */
    public static Ratio closedOnTimeRate(Situation s, Instant from, Instant to) {
        s = s.live();
        long due = 0;
        long onTime = 0;
        for (Incident i : s.incidents().values()) {
            if (i.state() == IncidentState.INVALID || i.deadline() == null || !within(i.deadline(), from, to)) {
                continue;
            }
            due++;
            boolean closed = i.state() == IncidentState.CLOSED || i.state() == IncidentState.CLOSED_ABNORMAL;
            if (closed && i.closedAt() != null && !i.closedAt().isAfter(i.deadline())) {
                onTime++;
            }
        }
        return new Ratio(onTime, due);
    }

    /** Open matters past their deadline at {@code now}, by family. */
    public record Overdue(int incidents, int complaints, int disputes, int petitions) {
        public int total() {
            return incidents + complaints + disputes + petitions;
        }
    }

    public static Overdue overdue(Situation s, Instant now) {
        s = s.live();
        int i = 0;
        int c = 0;
        int d = 0;
        int p = 0;
        for (Incident x : s.incidents().values()) {
            if (x.overdue(now)) {
                i++;
            }
        }
        for (Complaint x : s.complaints().values()) {
            if (x.overdue(now)) {
                c++;
            }
        }
        for (Dispute x : s.disputes().values()) {
            if (x.overdue(now)) {
                d++;
            }
        }
        for (Petition x : s.petitions().values()) {
            if (x.overdue(now)) {
                p++;
            }
        }
        return new Overdue(i, c, d, p);
    }

    public static Ratio cameraOnlineRate(Situation s) {
        long online = 0;
        for (Camera c : s.cameras().values()) {
            if (c.online()) {
                online++;
            }
        }
        return new Ratio(online, s.cameras().size());
    }

    /** 千人诉求量: 12345 orders accepted in the window per 1,000 residents. */
    public static double complaintsPerThousand(Situation s, Instant from, Instant to) {
        s = s.live();
        int population = s.population();
        if (population == 0) {
            return Double.NaN;
        }
        return countComplaints(s, from, to) / (population / 1000.0);
    }

    /** 未诉先办占比 with the default finders ({@link ProactiveSources#DEFAULT}). */
    public static Ratio proactiveShare(Situation s, Instant from, Instant to) {
        return proactiveShare(s, from, to, ProactiveSources.DEFAULT);
    }

    /** 未诉先办占比: cases opened by the proactive finders over those cases plus 12345 orders, in the window. */
    public static Ratio proactiveShare(Situation s, Instant from, Instant to, ProactiveSources finders) {
        s = s.live();
        long proactive = 0;
        for (Incident i : s.incidents().values()) {
            if (finders.counts(i.source()) && within(i.openedAt(), from, to)) {
                proactive++;
            }
        }
        return new Ratio(proactive, proactive + countComplaints(s, from, to));
    }

    /** 调解成功率: of disputes registered in the window that reached an outcome, the share with an agreement. */
    public static Ratio mediationSuccessRate(Situation s, Instant from, Instant to) {
        s = s.live();
        long agreed = 0;
        long decided = 0;
        for (Dispute d : s.disputes().values()) {
            if (d.outcome() == null || !within(d.registeredAt(), from, to)) {
                continue;
            }
            decided++;
            if (d.outcome().agreement()) {
                agreed++;
            }
        }
        return new Ratio(agreed, decided);
    }

    /** Buildings with power back over buildings affected, across the outages not yet fully restored. */
    public static Ratio outageRestoration(Situation s) {
        s = s.live();
        long restored = 0;
        long affected = 0;
        for (Outage o : s.outages().values()) {
            if (o.open()) {
                restored += o.powerRestored();
                affected += o.buildings();
            }
        }
        return new Ratio(restored, affected);
    }

    /**
     * 零发生: whole days without a collective petition (集体访, 5 or more people), counted from the last
     * one, or from the first event of the record when there was none.
     */
    public static long daysWithoutGroupIncident(Situation s, Instant now, Instant recordStart) {
        s = s.live();
        Instant last = recordStart;
        for (Petition p : s.petitions().values()) {
            if (p.collective() && p.registeredAt().isAfter(last)) {
                last = p.registeredAt();
            }
        }
        return Math.max(0, Duration.between(last, now).toDays());
    }

    // --- counts ---------------------------------------------------------------------------------

    /** Cases opened in the window, invalid ones (核实无效) excluded as in {@link #closedOnTimeRate}. */
    public static int incidentsOpened(Situation s, Instant from, Instant to) {
        s = s.live();
        int n = 0;
        for (Incident i : s.incidents().values()) {
            if (i.state() != IncidentState.INVALID && within(i.openedAt(), from, to)) {
                n++;
            }
        }
        return n;
    }

    /** Cases closed (结案, normally or not) in the window, whenever they were opened. */
    public static int incidentsClosed(Situation s, Instant from, Instant to) {
        s = s.live();
        int n = 0;
        for (Incident i : s.incidents().values()) {
            if ((i.state() == IncidentState.CLOSED || i.state() == IncidentState.CLOSED_ABNORMAL)
                    && within(i.closedAt(), from, to)) {
                n++;
            }
        }
        return n;
    }

    /** 12345 orders accepted in the window. */
    public static int complaintsReceived(Situation s, Instant from, Instant to) {
        s = s.live();
        return (int) countComplaints(s, from, to);
    }

    public static int aiAlertsRaised(Situation s, Instant from, Instant to) {
        s = s.live();
        int n = 0;
        for (AiAlert a : s.alerts().values()) {
            if (within(a.raisedAt(), from, to)) {
                n++;
            }
        }
        return n;
    }

    /** AI alerts nobody has reviewed yet (待研判). */
    public static int aiAlertsPending(Situation s) {
        s = s.live();
        int n = 0;
        for (AiAlert a : s.alerts().values()) {
            if (a.review() == AiAlert.Review.PENDING) {
                n++;
            }
        }
        return n;
    }

    public static int intelReports(Situation s, Instant from, Instant to) {
        s = s.live();
        int n = 0;
        for (IntelReport r : s.intel().values()) {
            if (within(r.reportedAt(), from, to)) {
                n++;
            }
        }
        return n;
    }

    public static String communityName(Situation s, String code) {
        if (code == null) {
            return null;
        }
        Community c = s.communities().get(code);
        return c == null ? code : c.name();
    }

    // --- time limits ----------------------------------------------------------------------------

    /** Where a matter stands against its deadline. */
    public enum Sla { OK, WARNING, OVERDUE }

    /** Overdue past the deadline; warning when less than a quarter of the time from start to deadline remains. */
    public static Sla sla(Instant start, Instant deadline, Instant now) {
        if (deadline == null) {
            return Sla.OK;
        }
        if (now.isAfter(deadline)) {
            return Sla.OVERDUE;
        }
        long total = start == null ? 0 : Duration.between(start, deadline).toMillis();
        long left = Duration.between(now, deadline).toMillis();
        return total > 0 && left * 4 < total ? Sla.WARNING : Sla.OK;
    }

    // --- monitoring -----------------------------------------------------------------------------

    /** Warnings in force at {@code now}, most severe first, then the newest. */
    public static List<WeatherWarning> activeWarnings(Situation s, Instant now) {
        List<WeatherWarning> out = new ArrayList<>();
        for (WeatherWarning w : s.warnings().values()) {
            if (w.activeAt(now)) {
                out.add(w);
            }
        }
        out.sort(Comparator.comparing(WeatherWarning::level).reversed()
                .thenComparing(WeatherWarning::validFrom, Comparator.reverseOrder())
                .thenComparing(WeatherWarning::id));
        return out;
    }

    /** Sensors whose latest reading is an alarm, by kind then id. */
    public static List<Sensor> sensorsInAlarm(Situation s) {
        List<Sensor> out = new ArrayList<>();
        for (Sensor x : s.sensors().values()) {
            if (x.alarm()) {
                out.add(x);
            }
        }
        out.sort(Comparator.comparing(Sensor::kind).thenComparing(Sensor::id));
        return out;
    }

    /** Outages not yet fully restored. */
    public static int openOutages(Situation s) {
        s = s.live();
        int n = 0;
        for (Outage o : s.outages().values()) {
            if (o.open()) {
                n++;
            }
        }
        return n;
    }

    // --- safety ---------------------------------------------------------------------------------

    /** An open 吹哨 and how many of the summoned departments have reported on site. */
    public record WhistleStatus(String id, Whistle.Kind kind, String reason, int arrived, int summoned,
                                Instant requestedAt) {
    }

    public static List<WhistleStatus> openWhistles(Situation s) {
        List<WhistleStatus> out = new ArrayList<>();
        for (Whistle w : s.whistles().values()) {
            if (w.open()) {
                out.add(new WhistleStatus(w.id(), w.kind(), w.reason(), w.arrivals().size(), w.departments().size(),
                        w.requestedAt()));
            }
        }
        out.sort(Comparator.comparing(WhistleStatus::requestedAt).thenComparing(WhistleStatus::id));
        return out;
    }

    /**
     * The key period in force, or the next one declared, or empty. A drill's key period is none: it would restart
     * 零发生's count of days.
     */
    public static Optional<KeyPeriod> keyPeriod(Situation s, Instant now) {
        s = s.live();
        KeyPeriod next = null;
        for (KeyPeriod k : s.keyPeriods().values()) {
            if (k.activeAt(now)) {
                return Optional.of(k);
            }
            if (k.from().isAfter(now) && (next == null || k.from().isBefore(next.from()))) {
                next = k;
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * The earliest time the record holds (a case, an order, a dispute, a petition, an alert, a report), the start
     * for {@link #daysWithoutGroupIncident}; {@code now} when the record is empty.
     */
    public static Instant recordStart(Situation s, Instant now) {
        s = s.live();
        Instant first = now;
        for (Incident i : s.incidents().values()) {
            first = earlier(first, i.openedAt());
        }
        for (Complaint c : s.complaints().values()) {
            first = earlier(first, c.acceptedAt());
        }
        for (Dispute d : s.disputes().values()) {
            first = earlier(first, d.registeredAt());
        }
        for (Petition p : s.petitions().values()) {
            first = earlier(first, p.registeredAt());
        }
        for (AiAlert a : s.alerts().values()) {
            first = earlier(first, a.raisedAt());
        }
        for (IntelReport r : s.intel().values()) {
            first = earlier(first, r.reportedAt());
        }
        return first;
    }

    private static Instant earlier(Instant a, Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static long countComplaints(Situation s, Instant from, Instant to) {
        long n = 0;
        for (Complaint c : s.complaints().values()) {
            if (within(c.acceptedAt(), from, to)) {
                n++;
            }
        }
        return n;
    }

    static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
