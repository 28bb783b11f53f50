package org.shanzhi.cockpit.domain.debrief;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a set of durations spreads: how many, the median (p50) and p90 by nearest rank (the smallest value with at
 * least that share of the set at or below it), and the longest; the durations are null when the set is empty.
 */
public record Spread(int n, Duration p50, Duration p90, Duration max) {

    public static Spread of(Collection<Duration> values) {
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return new Spread(0, null, null, null);
        }
        return new Spread(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, double p) {
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
}
