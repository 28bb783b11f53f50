package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.WorkCalendar;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/**
 * The month the sub-district has lived before the day on the wall: {@link #DAYS} ordinary days ending when the day
 * begins, so that every 近30日 figure, every 较昨日 delta and every 24-hour line rests on history. The same
 * lifecycles as the day, run by a simulator of their own ({@link Simulator#lean}) from a seed drawn from the day's:
 * 12345 orders through 回访, AI alerts and their review, cases through the closed loop with the units' orders,
 * disputes, petitions, intel, 吹哨, camera faults and sensor alarms. What the month leaves out is what only the
 * present shows: units' shifts, patrols and rides (each is at work all month, answers its orders where it stands
 * and goes off when the day begins) and every ordinary sensor reading (only an alarm's start and end). The week has its rhythm (fewer calls, disputes and
 * petitions on a weekend or holiday, {@link #restDay}), and the key periods are declared at the month's start.
 *
 * <p>Work still open at the day's start (a dispute in mediation, a petition inside its 60 days) is carried on by
 * the day's simulator like work found after a restart: the ids are the simulator's own.
 */
public final class History {

    /** The seed the hub runs by default ({@code --seed}), whose month is shipped ({@link MonthAsset}). */
    public static final long DEFAULT_SEED = 1;
    /** The length of the lived month. */
    public static final int DAYS = 30;
    /** Mixed into the day's seed, so that the month is not a copy of the day's draws. */
    private static final long SALT = 0x6D6F6E7468L;

    private History() {
    }

    /** Midnight (Beijing time) {@link #DAYS} days before the day that {@code dayStart} opens. */
    public static Instant start(Instant dayStart) {
        return dayStart.atZone(SimContext.ZONE).toLocalDate().minusDays(DAYS).atStartOfDay(SimContext.ZONE).toInstant();
    }

    /** A weekend or public holiday, unless a make-up working day ({@link WorkCalendar}). */
    static boolean restDay(LocalDate d) {
        return !WorkCalendar.workingDay(d);
    }

    /**
     * The month's events, in time order, from {@link #start} up to {@code dayStart}, to follow the scenario's
     * inventory appended at {@link #start}: the shipped month when it was made for this seed, day and inventory
     * ({@link MonthAsset}), else simulated. Deterministic for a seed.
     */
    public static List<TimedEvent> month(HeyiScenario heyi, long seed, Instant dayStart) {
        return MonthAsset.read(seed, dayStart, heyi.inventory())
                .map(lines -> lines.stream().map(e -> new TimedEvent(e.time(), e.event())).toList())
                .orElseGet(() -> simulated(heyi, seed, dayStart));
    }

    /** The month simulated: what {@link MonthAsset} ships for the default seed. */
    static List<TimedEvent> simulated(HeyiScenario heyi, long seed, Instant dayStart) {
        Instant from = start(dayStart);
        List<TimedEvent> out = new ArrayList<>();
        Situation s = Situation.empty();
        for (Event e : heyi.inventory()) {
            s = s.apply(new Recorded(s.seq() + 1, from, e));
        }
        for (Event e : keyPeriods(dayStart)) {
            out.add(new TimedEvent(from, e));
            s = s.apply(new Recorded(s.seq() + 1, from, e));
        }
        List<TimedEvent> lived = Simulator.lean(heyi, seed ^ SALT, config()).advance(s, dayStart);
        out.addAll(lived);
        for (TimedEvent t : lived) {
            s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
        }
        // the month's units kept no shifts: those free go off, and the day begins with its own
        for (FieldUnit u : s.units().values()) {
            if (u.status() == UnitStatus.AVL) {
                out.add(new TimedEvent(dayStart, new Event.UnitStatusChanged(u.id(), UnitStatus.OFF)));
            }
        }
        return out;
    }

    /**
     * The day's rates with no storm, two of them raised so that the month, with its rest days, holds what DOMAIN.md
     * gives: ≈ 45 disputes (§3.1), and the 信访 the source reports (180 visits a year, letters besides).
     */
    private static Simulator.Config config() {
        Simulator.Config d = Simulator.Config.defaults();
        // the units only come to work in the month (Crews): looked at every 5 minutes rather than every minute
        return new Simulator.Config(d.complaints(), d.alerts(), d.cases(), new Crews.Rates(Duration.ofMinutes(5)),
                d.orders(), d.devices(),
                new Disputes.Rates(1.55, d.disputes().agreed()), new Petitions.Rates(0.65, d.petitions().collective()),
                d.intel(), d.whistles(), false);
    }

    /** 五一, the 高考 and 端午 of the day's year: the one lived, and those ahead. */
    private static List<Event> keyPeriods(Instant dayStart) {
        int year = dayStart.atZone(SimContext.ZONE).getYear();
        return List.of(
                period("ZD-" + year + "-01", "五一劳动节", LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 5)),
                period("ZD-" + year + "-02", "高考", LocalDate.of(year, 6, 7), LocalDate.of(year, 6, 10)),
                period("ZD-" + year + "-03", "端午节", LocalDate.of(year, 6, 19), LocalDate.of(year, 6, 21)));
    }

    private static Event period(String id, String name, LocalDate first, LocalDate last) {
        ZonedDateTime from = first.atStartOfDay(SimContext.ZONE);
        ZonedDateTime to = last.plusDays(1).atStartOfDay(SimContext.ZONE);
        return new Event.KeyPeriodDeclared(id, name, from.toInstant(), to.toInstant());
    }
}
