package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.shanzhi.cockpit.domain.Kpi.BEIJING;

/**
 * The windows the cockpit's figures are taken over (today, yesterday so far, the last days, all half-open and in
 * Beijing days) and the counts per hour of its 24-hour series, of the live sub-district ({@link Situation#live}).
 */
public final class TimeWindows {

    private TimeWindows() {
    }

    /** A half-open window {@code [from, to)}. */
    public record Window(Instant from, Instant to) {
    }

    /** Today in Beijing up to and including {@code now}. */
    public static Window today(Instant now) {
        return new Window(now.atZone(BEIJING).truncatedTo(ChronoUnit.DAYS).toInstant(), through(now));
    }

    /** Yesterday in Beijing up to and including the same time of day, so that a morning compares with a morning. */
    public static Window yesterdaySoFar(Instant now) {
        ZonedDateTime z = now.atZone(BEIJING).minusDays(1);
        return new Window(z.truncatedTo(ChronoUnit.DAYS).toInstant(), through(z.toInstant()));
    }

    /** The last {@code days} days up to and including {@code now}. */
    public static Window lastDays(Instant now, int days) {
        return new Window(now.minus(Duration.ofDays(days)), through(now));
    }

    /** What a count per hour can be of. */
    public enum Series { COMPLAINTS_RECEIVED, AI_ALERTS_RAISED, INCIDENTS_OPENED }

    /** Counts per clock hour over the last 24 hours; the last bucket is the hour in progress. */
    public record Hourly(Instant firstHour, List<Integer> counts) {
        public Hourly {
            counts = List.copyOf(counts);
        }

        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    public static Hourly hourly(Situation s, Instant now, Series series) {
        s = s.live();
        Instant first = now.atZone(BEIJING).truncatedTo(ChronoUnit.HOURS).minusHours(23).toInstant();
        int[] buckets = new int[24];
        for (Instant t : times(s, series)) {
            if (t == null || t.isBefore(first) || t.isAfter(now)) {
                continue;
            }
            int i = (int) Duration.between(first, t).toHours();
            if (i < 24) {
                buckets[i]++;
            }
        }
        List<Integer> counts = new ArrayList<>(24);
        for (int b : buckets) {
            counts.add(b);
        }
        return new Hourly(first, counts);
    }

    private static List<Instant> times(Situation s, Series series) {
        List<Instant> out = new ArrayList<>();
        switch (series) {
            case COMPLAINTS_RECEIVED -> s.complaints().values().forEach(c -> out.add(c.acceptedAt()));
            case AI_ALERTS_RAISED -> s.alerts().values().forEach(a -> out.add(a.raisedAt()));
            case INCIDENTS_OPENED -> s.incidents().values().forEach(i -> {
                if (i.state() != IncidentState.INVALID) {
                    out.add(i.openedAt());
                }
            });
        }
        return out;
    }

    /** The end of a window that includes {@code now}: events stamped exactly now belong to it. */
    private static Instant through(Instant now) {
        return now.plusNanos(1);
    }
}
