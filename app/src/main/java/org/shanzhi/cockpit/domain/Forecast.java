package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 和E办's predictions (the source document: "三率预测、诉求趋势预测预警"): the 三率 at the end of the month, and the
 * categories and communities whose 12345 orders rise well above their own history.
 */
public final class Forecast {

    private Forecast() {
    }

    /** The days of recent 回访 the month's remaining days are taken to follow. */
    public static final int RECENT_DAYS = 7;

    /**
     * The 三率 at the end of the Beijing calendar month: the month's 回访 so far, plus the days left at the last
     * {@link #RECENT_DAYS} days' pace ({@code recent.evaluated() / RECENT_DAYS} a day) and rates. {@code expected}
     * is how many more 回访 that makes; {@code atMonthEnd} is NaN when neither window holds a 回访.
     */
    public record MonthEnd(Kpi.ThreeRates soFar, Kpi.ThreeRates recent, int recentDays, double expected,
                           Kpi.ThreeRates atMonthEnd) {
    }

    public static MonthEnd threeRatesAtMonthEnd(Situation s, Instant now, Kpi.Weights w) {
        ZonedDateTime local = now.atZone(Kpi.BEIJING);
        Instant monthStart = local.toLocalDate().withDayOfMonth(1).atStartOfDay(Kpi.BEIJING).toInstant();
        Instant monthEnd = local.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(Kpi.BEIJING).toInstant();
        Instant to = now.plusNanos(1);
        Kpi.ThreeRates soFar = Kpi.threeRates(s, monthStart, to, w);
        Kpi.ThreeRates recent = Kpi.threeRates(s, now.minus(Duration.ofDays(RECENT_DAYS)), to, w);
        double daysLeft = Duration.between(now, monthEnd).toMillis() / (double) Duration.ofDays(1).toMillis();
        double expected = recent.evaluated() * daysLeft / RECENT_DAYS;
        double n = soFar.evaluated() + expected;
        if (n == 0) {
            return new MonthEnd(soFar, recent, RECENT_DAYS, 0, new Kpi.ThreeRates(0, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN));
        }
        double response = blend(soFar.evaluated(), soFar.response(), expected, recent.response()) / n;
        double resolution = blend(soFar.evaluated(), soFar.resolution(), expected, recent.resolution()) / n;
        double satisfaction = blend(soFar.evaluated(), soFar.satisfaction(), expected, recent.satisfaction()) / n;
        double score = w.response() * response + w.resolution() * resolution + w.satisfaction() * satisfaction;
        return new MonthEnd(soFar, recent, RECENT_DAYS, expected,
                new Kpi.ThreeRates((int) Math.round(n), response, resolution, satisfaction, score));
    }

    /** count × rate + more × recent rate, where a rate of nothing counted (NaN) adds nothing. */
    private static double blend(int count, double rate, double more, double recentRate) {
        return (count == 0 ? 0 : count * rate) + (more == 0 ? 0 : more * recentRate);
    }

    /**
     * When a group's week stands out: more 12345 orders in the last 7 days than the mean of its previous
     * {@code weeks} weekly counts plus {@code sigmas} standard deviations, and at least {@code minimum}.
     */
    public record TrendRule(int weeks, double sigmas, int minimum) {
        public static final TrendRule DEFAULT = new TrendRule(3, 2.0, 5);

        public TrendRule {
            if (weeks < 2 || sigmas <= 0 || minimum < 1) {
                throw new Rejection("trendRule", "weeks ≥ 2, sigmas > 0 and minimum ≥ 1");
            }
        }
    }

    public enum Group { CATEGORY, COMMUNITY }

    /**
     * A 诉求趋势预警: {@code lastWeek} orders in the last 7 days against its previous weeks' {@code mean} and
     * standard deviation {@code sd} (population); {@code name} is the category or the community's name.
     */
    public record Rising(Group group, String name, int lastWeek, double mean, double sd, int weeks) {
        public double threshold(double sigmas) {
            return mean + sigmas * sd;
        }
    }

    /**
     * The categories and communities whose last week rose above their own history, most above their threshold
     * first; none while the record does not reach back over the previous weeks (a new hub has no history to
     * compare with).
     */
    public static List<Rising> rising(Situation s, Instant now, TrendRule rule) {
        Situation live = s.live();
        Instant to = now.plusNanos(1);
        Instant historyStart = to.minus(Duration.ofDays(7L * (rule.weeks() + 1)));
        if (Kpi.recordStart(live, now).isAfter(historyStart)) {
            return List.of();
        }
        List<Rising> out = new ArrayList<>();
        out.addAll(rising(live, to, rule, Group.CATEGORY, Complaint::category));
        out.addAll(rising(live, to, rule, Group.COMMUNITY,
                c -> c.communityCode() == null ? null : Kpi.communityName(live, c.communityCode())));
        out.sort(Comparator.comparingDouble((Rising r) -> r.threshold(rule.sigmas()) - r.lastWeek())
                .thenComparing(Rising::name));
        return out;
    }

    private static List<Rising> rising(Situation s, Instant to, TrendRule rule, Group group,
                                       Function<Complaint, String> key) {
        // weekly counts per name: index 0 is the last 7 days, 1..weeks the weeks before
        Map<String, int[]> weekly = new HashMap<>();
        long week = Duration.ofDays(7).toMillis();
        for (Complaint c : s.complaints().values()) {
            String name = key.apply(c);
            if (name == null || c.acceptedAt() == null || !c.acceptedAt().isBefore(to)) {
                continue;
            }
            long ago = (to.toEpochMilli() - 1 - c.acceptedAt().toEpochMilli()) / week;
            if (ago <= rule.weeks()) {
                weekly.computeIfAbsent(name, k -> new int[rule.weeks() + 1])[(int) ago]++;
            }
        }
        List<Rising> out = new ArrayList<>();
        weekly.forEach((name, counts) -> {
            double mean = 0;
            for (int i = 1; i <= rule.weeks(); i++) {
                mean += counts[i];
            }
            mean /= rule.weeks();
            double var = 0;
            for (int i = 1; i <= rule.weeks(); i++) {
                var += (counts[i] - mean) * (counts[i] - mean);
            }
            double sd = Math.sqrt(var / rule.weeks());
            if (counts[0] >= rule.minimum() && counts[0] > mean + rule.sigmas() * sd) {
                out.add(new Rising(group, name, counts[0], mean, sd, rule.weeks()));
            }
        });
        return out;
    }
}
