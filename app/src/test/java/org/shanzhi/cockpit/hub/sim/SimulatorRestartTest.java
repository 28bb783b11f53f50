package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.assertj.core.data.Offset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.Whistle;

/**
 * A simulator started again on the situation of a day under way (a hub or wall restarted) carries
 * every lifecycle in progress on, as the unbroken day does: restarted at four times of the storm day
 * and compared with the unbroken day the next morning.
 */
class SimulatorRestartTest {

    static final long SEED = 7;
    static final Instant NEXT_MORNING = Simulator.DEFAULT_START.plus(Duration.ofHours(25)).plus(Duration.ofMinutes(20));
    static final Duration STEP = Duration.ofMinutes(5);

    static Situation unbroken;

    @BeforeAll
    static void unbrokenDay() {
        unbroken = run(SimHarness.INVENTORY, NEXT_MORNING);
        System.out.println("unbroken: " + summary(unbroken));
    }

    /** A fresh simulator (as a restarted hub makes one, with the same seed) run on from {@code from}. */
    static Situation run(Situation from, Instant to) {
        Simulator sim = new Simulator(SimHarness.HEYI, SEED);
        Situation s = from;
        for (Instant t = from.time().plus(STEP); !t.isAfter(to); t = t.plus(STEP)) {
            for (TimedEvent te : sim.advance(s, t)) {
                s = s.apply(new Recorded(s.seq() + 1, te.time(), te.event()));
            }
        }
        return s;
    }

    @ParameterizedTest(name = "restarted on day {0} at {1}")
    @CsvSource({"0, 10:00", "0, 15:00", "0, 17:00", "0, 21:00", "1, 00:20"})
    void aRestartedSimulatorCarriesTheDayOn(int day, String time) {
        Situation atRestart = run(SimHarness.INVENTORY, SimHarness.day(day, time));
        Situation restarted = run(atRestart, NEXT_MORNING);
        System.out.println("restarted on day " + day + " at " + time + ": " + summary(restarted));

        // the storm: both warnings issued and lifted, the outage restored, its whistle resolved
        assertThat(restarted.warnings()).hasSize(2);
        assertThat(restarted.warnings().values()).allSatisfy(w -> assertThat(w.lifted()).as(w.id()).isTrue());
        assertThat(restarted.outages()).hasSize(1);
        Outage o = restarted.outages().values().iterator().next();
        assertThat(o.powerRestored()).isEqualTo(o.buildings());
        assertThat(o.networkRestored()).isEqualTo(o.buildings());
        assertThat(restarted.whistles().values()).noneMatch(Whistle::open);

        // what was in progress at the restart went on: short steps taken, units back from their orders
        Instant restart = atRestart.time();
        assertThat(atRestart.complaints().values().stream().filter(c -> SHORT_STEPS.contains(c.state())).count()
                + atRestart.incidents().values().stream().filter(i -> UNIT_STEPS.contains(i.state())).count()
                + atRestart.outages().values().stream().filter(Outage::open).count()
                + atRestart.whistles().values().stream().filter(Whistle::open).count())
                .as("work in progress at the restart").isPositive();
        assertThat(atRestart.complaints().values()).filteredOn(c -> SHORT_STEPS.contains(c.state()))
                .allSatisfy(c -> assertThat(restarted.complaints().get(c.orderNo())).as(c.orderNo()).isNotEqualTo(c));
        assertThat(atRestart.incidents().values()).filteredOn(i -> UNIT_STEPS.contains(i.state()))
                .allSatisfy(i -> assertThat(restarted.incidents().get(i.id()).updatedAt()).as(i.id()).isAfter(restart));
        assertThat(atRestart.units().values()).filteredOn(u -> u.incidentId() != null)
                .allSatisfy(u -> assertThat(restarted.units().get(u.id()).incidentId()).as(u.id())
                        .isNotEqualTo(u.incidentId()));

        // and the morning looks like the unbroken one: as much still open, nothing more left standing
        Map<String, Long> r = summary(restarted);
        Map<String, Long> u = summary(unbroken);
        assertThat(r.get("cases open") - r.get("cases stalled"))
                .isCloseTo(u.get("cases open") - u.get("cases stalled"), Offset.offset(3L));
        // after the restart the draws differ, so the orders still open the next morning are a second sample: the
        // difference of two Poisson counts has σ = √(n₁ + n₂); within 2σ (≈ 13 for 15 and 27)
        long open = u.get("complaints open");
        long openAfterRestart = r.get("complaints open");
        assertThat(openAfterRestart)
                .isCloseTo(open, Offset.offset(Math.max(6L, Math.round(2 * Math.sqrt(open + openAfterRestart)))));
        for (String stalled : List.of("cases stalled", "complaints stalled", "units stalled", "disputes stalled",
                "petitions stalled")) {
            assertThat(r.get(stalled)).as(stalled).isLessThanOrEqualTo(u.get(stalled));
        }
    }

    /** 12345 states the simulator leaves within two hours. */
    static final Set<ComplaintState> SHORT_STEPS = EnumSet.of(ComplaintState.ACCEPTED, ComplaintState.DISPATCHED,
            ComplaintState.SIGNED, ComplaintState.CONTACTED, ComplaintState.REVISITED, ComplaintState.REOPENED);
    /** Case states a unit, or the 核查 after it, takes on within hours. */
    static final Set<IncidentState> UNIT_STEPS = EnumSet.of(IncidentState.DISPATCHED, IncidentState.IN_PROGRESS,
            IncidentState.DISPOSED, IncidentState.CHECKING, IncidentState.REWORK);

    /**
     * Counts to compare two mornings by. "Stalled" is work that has not moved for far longer than its
     * lifecycle ever waits in that state.
     */
    static Map<String, Long> summary(Situation s) {
        Instant now = s.time();
        Map<String, Long> m = new TreeMap<>();
        m.put("cases open", s.incidents().values().stream().filter(Incident::open).count());
        // a case waiting for dispatch may wait the night for its role's shift (物业 is off about 20:00–08:00)
        m.put("cases stalled", s.incidents().values().stream().filter(Incident::open)
                .filter(i -> i.state() != IncidentState.PENDING_DISPATCH)
                .filter(i -> i.updatedAt().isBefore(now.minus(Duration.ofHours(8)))).count());
        // orders joined to a case (the storm's ≈57 outage calls on the line case) follow their case, counted above
        m.put("complaints open", s.complaints().values().stream().filter(Complaint::open)
                .filter(c -> c.incidentId() == null).count());
        m.put("complaints stalled", s.complaints().values().stream().filter(Complaint::open)
                .filter(c -> switch (c.state()) {
                    case ACCEPTED, DISPATCHED, SIGNED -> c.acceptedAt().isBefore(now.minus(Duration.ofHours(4)));
                    case CONTACTED -> c.contactedAt().isBefore(now.minus(Duration.ofHours(2)));
                    default -> false;
                }).count());
        m.put("units stalled", s.units().values().stream().filter(u -> u.incidentId() != null)
                .filter(u -> s.incidents().get(u.incidentId()).updatedAt().isBefore(now.minus(Duration.ofHours(8))))
                .count());
        m.put("units busy", s.units().values().stream()
                .filter(u -> u.status().availability() == UnitStatus.Availability.BUSY).count());
        m.put("disputes open", s.disputes().values().stream().filter(Dispute::open).count());
        m.put("disputes stalled", s.disputes().values().stream().filter(Dispute::open)
                .filter(d -> d.updatedAt().isBefore(now.minus(Duration.ofDays(8)))).count());
        m.put("petitions open", s.petitions().values().stream().filter(Petition::open).count());
        m.put("petitions stalled", s.petitions().values().stream().filter(Petition::open)
                .filter(p -> p.updatedAt().isBefore(now.minus(Duration.ofDays(60)))).count());
        m.put("whistles open", s.whistles().values().stream().filter(Whistle::open).count());
        m.put("warnings unlifted", s.warnings().values().stream().filter(w -> !w.lifted()).count());
        m.put("outage power", s.outages().values().stream().mapToLong(Outage::powerRestored).sum());
        return m;
    }
}
