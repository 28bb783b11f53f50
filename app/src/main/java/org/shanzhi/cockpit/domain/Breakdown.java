package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many matters of each kind: the breakdowns a panel with a whole monitor shows beside its figures. */
public final class Breakdown {

    private Breakdown() {
    }

    /** Open cases by category, most first. */
    public static List<Rankings.Ranked> openIncidentsByCategory(Situation s) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (Incident i : s.incidents().values()) {
            if (i.open()) {
                n.merge(i.category(), 1, Integer::sum);
            }
        }
        return Rankings.ranked(n);
    }

    /** Disputes registered in the window by type (纠纷类型), most first. */
    public static List<Rankings.Ranked> disputesByType(Situation s, Instant from, Instant to) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (Dispute d : s.disputes().values()) {
            if (Kpi.within(d.registeredAt(), from, to)) {
                n.merge(d.type(), 1, Integer::sum);
            }
        }
        return Rankings.ranked(n);
    }

    /**
     * 12345 orders accepted in the window by community (by name; null for none), most first; every community
     * is in it, those without an order with 0 (a quiet community is news in a storm too).
     */
    public static List<Rankings.Ranked> complaintsByCommunity(Situation s, Instant from, Instant to) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (Community c : s.communities().values()) {
            n.put(c.name(), 0);
        }
        for (Complaint c : s.complaints().values()) {
            if (Kpi.within(c.acceptedAt(), from, to)) {
                n.merge(Kpi.communityName(s, c.communityCode()), 1, Integer::sum);
            }
        }
        return Rankings.ranked(n);
    }

    /** AI alerts raised in the window by algorithm (the alert's kind), most first. */
    public static List<Rankings.Ranked> aiAlertsByKind(Situation s, Instant from, Instant to) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (AiAlert a : s.alerts().values()) {
            if (Kpi.within(a.raisedAt(), from, to)) {
                n.merge(a.kind(), 1, Integer::sum);
            }
        }
        return Rankings.ranked(n);
    }

    /** Disputes registered in the window by community (by name; null for none), most first. */
    public static List<Rankings.Ranked> disputesByCommunity(Situation s, Instant from, Instant to) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (Dispute d : s.disputes().values()) {
            if (Kpi.within(d.registeredAt(), from, to)) {
                n.merge(Kpi.communityName(s, d.communityCode()), 1, Integer::sum);
            }
        }
        return Rankings.ranked(n);
    }
}
