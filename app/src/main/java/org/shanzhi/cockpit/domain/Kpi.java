package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The indicators of the cockpit, with the formulas of DOMAIN.md. Windows are half-open
 * {@code [from, to)}. Views show these values; they never compute their own.
 */
public final class Kpi {

    private Kpi() {
    }

    /**
     * Weights of the 综合得分 and the credit given to 基本满意. The defaults are the published
     * 准格尔旗 30/35/35 and w = 0.6 (fits the 西宁 June 2024 figures); Beijing's own are not public.
     */
    public record Weights(double response, double resolution, double satisfaction, double basicallySatisfied) {
        public static final Weights DEFAULT = new Weights(0.30, 0.35, 0.35, 0.6);

        public Weights {
            if (Math.abs(response + resolution + satisfaction - 1.0) > 1e-9) {
                throw new Rejection("weights", "response + resolution + satisfaction must be 1");
            }
            if (basicallySatisfied < 0 || basicallySatisfied > 1) {
                throw new Rejection("basicallySatisfied", "must be within 0..1");
            }
        }
    }

    /** 三率 over the orders whose 回访 fell in the window; rates are 0..1, NaN with nothing evaluated. */
    public record ThreeRates(int evaluated, double response, double resolution, double satisfaction, double score) {
    }

    public static ThreeRates threeRates(Situation s, Instant from, Instant to, Weights w) {
        int evaluated = 0;
        int responded = 0;
        int resolved = 0;
        double satisfied = 0;
        for (Complaint c : s.complaints().values()) {
            Complaint.Revisit r = c.revisit();
            if (r == null || !within(r.at(), from, to)) {
                continue;
            }
            evaluated++;
            if (r.responded()) {
                responded++;
            }
            if (r.resolved() == Complaint.Resolution.YES) {
                resolved++;
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
        double resolution = (double) resolved / evaluated;
        double satisfaction = satisfied / evaluated;
        double score = w.response() * response + w.resolution() * resolution + w.satisfaction() * satisfaction;
        return new ThreeRates(evaluated, response, resolution, satisfaction, score);
    }

    /** 闭环率: of the cases opened in the window (invalid ones excluded), the share closed. */
    public static Ratio closedLoopRate(Situation s, Instant from, Instant to) {
        long opened = 0;
        long closed = 0;
        for (Incident i : s.incidents().values()) {
            if (!within(i.openedAt(), from, to) || i.state() == IncidentState.INVALID) {
                continue;
            }
            opened++;
            if (i.state() == IncidentState.CLOSED || i.state() == IncidentState.CLOSED_ABNORMAL) {
                closed++;
            }
        }
        return new Ratio(closed, opened);
    }

    /** Open matters past their deadline at {@code now}, by family. */
    public record Overdue(int incidents, int complaints, int disputes, int petitions) {
        public int total() {
            return incidents + complaints + disputes + petitions;
        }
    }

    public static Overdue overdue(Situation s, Instant now) {
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
        int population = s.population();
        if (population == 0) {
            return Double.NaN;
        }
        return countComplaints(s, from, to) / (population / 1000.0);
    }

    /** 未诉先办占比: proactive cases (AI, sensors) over proactive cases plus 12345 orders, in the window. */
    public static Ratio proactiveShare(Situation s, Instant from, Instant to) {
        long proactive = 0;
        for (Incident i : s.incidents().values()) {
            if (i.proactive() && within(i.openedAt(), from, to)) {
                proactive++;
            }
        }
        return new Ratio(proactive, proactive + countComplaints(s, from, to));
    }

    /** 调解成功率: of disputes registered in the window that reached an outcome, the share with an agreement. */
    public static Ratio mediationSuccessRate(Situation s, Instant from, Instant to) {
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
        Instant last = recordStart;
        for (Petition p : s.petitions().values()) {
            if (p.collective() && p.registeredAt().isAfter(last)) {
                last = p.registeredAt();
            }
        }
        return Math.max(0, Duration.between(last, now).toDays());
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

    private static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
