package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.shanzhi.cockpit.domain.Kpi.communityName;
import static org.shanzhi.cockpit.domain.Kpi.within;

/**
 * The leaderboards of the cockpit, most or worst first: orders by 诉求分类, open cases and 千人诉求量 by community, and
 * the AI algorithms' and cameras' 误报率; of the live sub-district ({@link Situation#live}). {@link Breakdown} ranks
 * the other families the same way.
 */
public final class Rankings {

    private Rankings() {
    }

    /** A name with a value, for leaderboards; {@code name} is null for "no community". */
    public record Ranked(String name, double value) {
    }

    private static final Comparator<Ranked> BY_VALUE_THEN_NAME = Comparator.comparingDouble(Ranked::value).reversed()
            .thenComparing(Ranked::name, Comparator.nullsLast(Comparator.naturalOrder()));

    /** 12345 orders accepted in the window by 诉求分类, most first. */
    public static List<Ranked> complaintCategories(Situation s, Instant from, Instant to) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (Complaint c : s.complaints().values()) {
            if (within(c.acceptedAt(), from, to)) {
                n.merge(c.category(), 1, Integer::sum);
            }
        }
        return ranked(n);
    }

    /** Open cases per community (by name), most first; cases outside every community have a null name. */
    public static List<Ranked> openIncidentsByCommunity(Situation s) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (Incident i : s.incidents().values()) {
            if (i.open()) {
                n.merge(communityName(s, i.communityCode()), 1, Integer::sum);
            }
        }
        return ranked(n);
    }

    /** 千人诉求量 of each community over the window (orders accepted / its residents × 1,000), most first. */
    public static List<Ranked> complaintsPerThousandByCommunity(Situation s, Instant from, Instant to) {
        s = s.live();
        Map<String, Integer> n = new HashMap<>();
        for (Complaint c : s.complaints().values()) {
            if (c.communityCode() != null && within(c.acceptedAt(), from, to)) {
                n.merge(c.communityCode(), 1, Integer::sum);
            }
        }
        List<Ranked> out = new ArrayList<>();
        for (Community c : s.communities().values()) {
            if (c.population() > 0) {
                out.add(new Ranked(c.name(), n.getOrDefault(c.code(), 0) / (c.population() / 1000.0)));
            }
        }
        out.sort(BY_VALUE_THEN_NAME);
        return out;
    }

    static List<Ranked> ranked(Map<String, Integer> counts) {
        List<Ranked> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Ranked(k, v)));
        out.sort(BY_VALUE_THEN_NAME);
        return out;
    }

    /** A share of reviewed AI alerts an operator called false, for one algorithm or one camera. */
    public record FalseAlarms(String name, Ratio rate) {
    }

    /** 误报率 by algorithm (the alert's kind): rejected of reviewed, raised in the window, worst first. */
    public static List<FalseAlarms> falseAlarmsByKind(Situation s, Instant from, Instant to) {
        return falseAlarms(s, from, to, AiAlert::kind);
    }

    /** 误报率 by camera: rejected of reviewed, raised in the window, worst first. */
    public static List<FalseAlarms> falseAlarmsByCamera(Situation s, Instant from, Instant to) {
        return falseAlarms(s, from, to, AiAlert::cameraId);
    }

    private static List<FalseAlarms> falseAlarms(Situation s, Instant from, Instant to,
                                                 Function<AiAlert, String> key) {
        s = s.live();
        Map<String, long[]> counts = new HashMap<>();
        for (AiAlert a : s.alerts().values()) {
            if (a.review() != AiAlert.Review.PENDING && within(a.raisedAt(), from, to)) {
                long[] c = counts.computeIfAbsent(key.apply(a), k -> new long[2]);
                c[1]++;
                if (a.review() == AiAlert.Review.REJECTED) {
                    c[0]++;
                }
            }
        }
        List<FalseAlarms> out = new ArrayList<>();
        counts.forEach((name, c) -> out.add(new FalseAlarms(name, new Ratio(c[0], c[1]))));
        out.sort(Comparator.comparingDouble((FalseAlarms f) -> -f.rate().value())
                .thenComparing(f -> -f.rate().whole()).thenComparing(FalseAlarms::name));
        return out;
    }
}
