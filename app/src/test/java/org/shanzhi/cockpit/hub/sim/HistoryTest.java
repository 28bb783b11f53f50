package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.IntelReport;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/** The lived month before the storm day: its volumes against DOMAIN.md's, its rhythm, its key periods. */
class HistoryTest {

    static final HeyiScenario HEYI = HeyiScenario.loadDefault();
    static List<TimedEvent> month;
    static Situation lived;

    @BeforeAll
    static void liveTheMonth() {
        Instant from = History.start(Simulator.DEFAULT_START);
        Situation inventory = HeyiScenarioTest.fold(HEYI.inventory(), from);
        long t0 = System.nanoTime();
        month = History.month(HEYI, History.DEFAULT_SEED, Simulator.DEFAULT_START);
        long t1 = System.nanoTime();
        Situation s = inventory;
        for (TimedEvent t : month) {
            s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
        }
        lived = s;
        Map<String, Integer> types = new TreeMap<>();
        month.forEach(t -> types.merge(t.event().getClass().getSimpleName(), 1, Integer::sum));
        System.out.printf("month: %d events, read in %d ms, folded in %d ms: %s%n", month.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, types);
    }

    @Test
    void theShippedMonthIsWhatTheSimulatorMakes() {
        // when this fails, the simulator changed what the default seed's month holds: make the file again with
        // `java -cp app/target/shanzhi-cockpit.jar org.shanzhi.cockpit.hub.sim.MonthAsset` where ./assets is
        assertThat(MonthAsset.read(History.DEFAULT_SEED, Simulator.DEFAULT_START, HEYI.inventory())).isPresent();
        List<String> simulated = History.simulated(HEYI, History.DEFAULT_SEED, Simulator.DEFAULT_START).stream()
                .map(MonthAsset::line).toList();
        assertThat(month.stream().map(MonthAsset::line).toList()).isEqualTo(simulated);
    }

    @Test
    void theShippedMonthServesOnlyTheSeedDayAndInventoryItWasMadeFor() {
        assertThat(MonthAsset.read(2, Simulator.DEFAULT_START, HEYI.inventory())).isEmpty();
        assertThat(MonthAsset.read(History.DEFAULT_SEED, Simulator.DEFAULT_START.plusSeconds(3600), HEYI.inventory()))
                .isEmpty();
        assertThat(MonthAsset.read(History.DEFAULT_SEED, Simulator.DEFAULT_START, HEYI.inventory().subList(0, 5)))
                .isEmpty();
    }

    @Test
    void theMonthRunsFromMidnightThirtyDaysBeforeToTheDaysStart() {
        assertThat(History.start(Simulator.DEFAULT_START)).isEqualTo(Instant.parse("2026-04-29T16:00:00Z"));
        assertThat(month.get(0).time()).isEqualTo(History.start(Simulator.DEFAULT_START));
        assertThat(month.get(month.size() - 1).time()).isBeforeOrEqualTo(Simulator.DEFAULT_START);
    }

    @Test
    void volumesAreWithinFifteenPercentOfDomainMd() {
        // DOMAIN.md §2.4: 450 street-owned 12345 orders a month; §3.1: ≈ 45 disputes; §3.2 and the seed: 180
        // visits a year, letters besides; §4.3: 20–60 alerts a day after the throttle
        assertThat(count(Event.ComplaintReceived.class)).isBetween(383L, 518L);
        assertThat(count(Event.DisputeRegistered.class)).isBetween(39L, 51L);
        assertThat(count(Event.PetitionRegistered.class)).isBetween(15L, 25L);
        assertThat(count(Event.AiAlertRaised.class)).isBetween(30L * 20, 30L * 60);
        assertThat(count(Event.IntelReported.class)).as("3 a day, no figure in DOMAIN.md").isBetween(45L, 135L);
        assertThat(lived.complaints().values().stream().filter(c -> c.revisit() != null).count())
                .isGreaterThanOrEqualTo(300);
    }

    /**
     * The screening flow: intel "矛盾纠纷苗头" reports and 12345 邻里纠纷 orders become disputes at the 调委会 of the
     * community they came from, and some disputes come by the linkages (诉调 / 警调 / 访调).
     */
    @Test
    void disputesAreScreenedFromIntelAndOrdersAtTheirCommunitysCommittee() {
        Map<Dispute.Source, Integer> bySource = new EnumMap<>(Dispute.Source.class);
        for (Dispute d : lived.disputes().values()) {
            bySource.merge(d.source(), 1, Integer::sum);
            String committee = HEYI.committees().stream().filter(c -> c.communityCode().equals(d.communityCode()))
                    .map(HeyiScenario.Committee::name).findFirst().orElseThrow();
            assertThat(d.committee()).as(d.id()).isEqualTo(committee);
            if (d.source() == Dispute.Source.INTEL) {
                IntelReport r = lived.intel().get(d.sourceId());
                assertThat(r.category()).isEqualTo(IntelReport.DISPUTE_SIGN);
                assertThat(r.communityCode()).isEqualTo(d.communityCode());
                assertThat(d.registeredAt()).isAfter(r.reportedAt());
            } else if (d.source() == Dispute.Source.HOTLINE) {
                Complaint c = lived.complaints().get(d.sourceId());
                assertThat(c.category()).isEqualTo("邻里纠纷");
                assertThat(c.communityCode()).isEqualTo(d.communityCode());
            }
        }
        assertThat(bySource.getOrDefault(Dispute.Source.INTEL, 0)).isGreaterThanOrEqualTo(3);
        assertThat(bySource.getOrDefault(Dispute.Source.HOTLINE, 0)).isGreaterThanOrEqualTo(3);
        assertThat(lived.disputes().values().stream().filter(d -> d.source().linkage()).count())
                .isGreaterThanOrEqualTo(2);
        // every case, order and report carries its grid
        assertThat(lived.incidents().values()).allMatch(i -> i.gridCode() != null);
        assertThat(lived.complaints().values()).allMatch(c -> c.gridCode() != null);
        assertThat(lived.intel().values()).allMatch(r -> r.gridCode() != null);
    }

    @Test
    void theMonthHasNoPatrolsNorRides() {
        assertThat(count(Event.UnitMoved.class)).isZero();
        assertThat(count(Event.SensorReported.class)).isLessThan(500);
    }

    @Test
    void aWorkingDayHearsMoreThanADayOfTheHoliday() {
        long workingDays = 0;
        long restDays = 0;
        long onWorkingDays = 0;
        long onRestDays = 0;
        for (LocalDate d = LocalDate.of(2026, 4, 30); d.isBefore(LocalDate.of(2026, 5, 30)); d = d.plusDays(1)) {
            if (History.restDay(d)) {
                restDays++;
            } else {
                workingDays++;
            }
        }
        for (TimedEvent t : month) {
            if (t.event() instanceof Event.ComplaintReceived || t.event() instanceof Event.DisputeRegistered
                    || t.event() instanceof Event.PetitionRegistered) {
                if (History.restDay(t.time().atZone(Simulator.ZONE).toLocalDate())) {
                    onRestDays++;
                } else {
                    onWorkingDays++;
                }
            }
        }
        assertThat(History.restDay(LocalDate.of(2026, 5, 1))).isTrue();
        assertThat(History.restDay(LocalDate.of(2026, 5, 9))).as("a make-up working Saturday").isFalse();
        assertThat(onWorkingDays / (double) workingDays).isGreaterThan(1.1 * onRestDays / restDays);
    }

    @Test
    void fiveOneIsAKeyPeriodOfTheMonth() {
        assertThat(lived.keyPeriods().values()).anySatisfy(k -> {
            assertThat(k.name()).contains("五一");
            assertThat(k.activeAt(Instant.parse("2026-05-02T04:00:00Z"))).isTrue();
        });
    }

    private static long count(Class<? extends Event> type) {
        return month.stream().filter(t -> type.isInstance(t.event())).count();
    }
}
