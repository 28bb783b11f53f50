package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;

class SimulatorTest {

    static HeyiScenario scenario;
    static Situation inventory;

    @BeforeAll
    static void load() {
        scenario = HeyiScenario.loadDefault();
        inventory = HeyiScenarioTest.fold(scenario.inventory(), Simulator.DEFAULT_START);
    }

    /** The hub's loop in miniature: advance in steps, fold what comes back, count rejections. */
    static final class Run {
        final List<TimedEvent> events = new ArrayList<>();
        Situation situation;
        int rejected;
        int dropped;
        long millis;

        Run(long seed, Instant start, Duration length, Duration step, Simulator.Config config) {
            Situation s = SimHarness.timed(inventory, start);
            Simulator sim = new Simulator(scenario, seed, config);
            long t0 = System.nanoTime();
            for (Instant to = start.plus(step); !to.isAfter(start.plus(length)); to = to.plus(step)) {
                for (TimedEvent te : sim.advance(s, to)) {
                    events.add(te);
                    try {
                        s = s.apply(new Recorded(s.seq() + 1, te.time(), te.event()));
                    } catch (Rejection r) {
                        rejected++;
                    }
                }
            }
            millis = (System.nanoTime() - t0) / 1_000_000;
            situation = s;
            dropped = sim.dropped();
        }

        Map<String, Long> byType() {
            return events.stream().collect(Collectors.groupingBy(e -> e.event().getClass().getSimpleName(),
                    TreeMap::new, Collectors.counting()));
        }

        long count(Class<?> type) {
            return events.stream().filter(e -> type.isInstance(e.event())).count();
        }
    }

    static Run stormDay;

    static synchronized Run stormDay() {
        if (stormDay == null) {
            stormDay = new Run(42, Simulator.DEFAULT_START, Duration.ofDays(1), Duration.ofMinutes(15),
                    Simulator.Config.defaults());
            System.out.println("storm day: " + stormDay.events.size() + " events in " + stormDay.millis + " ms, "
                    + stormDay.rejected + " rejected: " + stormDay.byType());
        }
        return stormDay;
    }

    @Test
    void theStormDayFoldsAndLooksLikeADayInHeyi() {
        Run run = stormDay();
        Situation s = run.situation;

        // left alone, the simulator never plans a step its own situation refuses
        assertThat(run.dropped).isZero();
        assertThat(run.rejected).isZero();
        assertThat(run.events).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
        assertThat(run.events.get(0).time()).isAfter(Simulator.DEFAULT_START);
        assertThat(run.events.get(run.events.size() - 1).time())
                .isBeforeOrEqualTo(Simulator.DEFAULT_START.plus(Duration.ofDays(1)));

        // 12345: baseline plus the storm surge
        assertThat(run.count(Event.ComplaintReceived.class)).isBetween(40L, 160L);
        assertThat(s.complaints().values()).anySatisfy(c -> assertThat(c.state()).isEqualTo(ComplaintState.CLOSED));
        // AI alerts only on AI cameras, within the throttle
        assertThat(run.events).filteredOn(e -> e.event() instanceof Event.AiAlertRaised)
                .allSatisfy(e -> assertThat(inventory.cameras()
                        .get(((Event.AiAlertRaised) e.event()).cameraId()).ai()).isTrue());
        assertThat(run.count(Event.AiAlertRaised.class)).isBetween(15L, 75L);
        assertThat(s.incidents().values()).anySatisfy(i -> assertThat(i.state()).isEqualTo(IncidentState.CLOSED));
        assertThat(s.incidents().values()).anySatisfy(i -> assertThat(i.category()).isEqualTo("树木倒伏"));
        // units moved, within the volume budget
        assertThat(run.count(Event.UnitMoved.class)).isBetween(10_000L, 200_000L);
        assertThat(s.units().values()).filteredOn(u -> !u.at().equals(inventory.units().get(u.id()).at()))
                .hasSizeGreaterThan(100);
        // the storm: warnings issued and lifted, the outage restored to 100 % within the day
        assertThat(s.warnings()).hasSize(2);
        assertThat(s.warnings().values()).allSatisfy(w -> assertThat(w.lifted()).isTrue());
        assertThat(s.outages()).hasSize(1);
        Outage o = s.outages().values().iterator().next();
        assertThat(o.communityCode()).isEqualTo("110106016008");
        assertThat(o.buildings()).isEqualTo(Storm.OUTAGE_BUILDINGS); // part of 东三, not all of it
        assertThat(o.networkRestored()).isEqualTo(Storm.OUTAGE_BUILDINGS);
        assertThat(o.restoredAt()).isNotNull();
        List<Event.OutageRestored> restored = run.events.stream().map(TimedEvent::event)
                .filter(Event.OutageRestored.class::isInstance).map(Event.OutageRestored.class::cast).toList();
        assertThat(restored).allSatisfy(r -> assertThat(r.buildingIds()).isNotEmpty()); // building by building
        // the outage calls are one matter with the line case (并案)
        assertThat(s.complaints().values()).filteredOn(c -> c.category().equals("水电气") && c.incidentId() != null)
                .hasSizeGreaterThan(30).extracting(c -> s.incidents().get(c.incidentId()).category())
                .containsOnly(Catalogue.LINE_DOWN.category());
        // the 10 kV line case: its repair is the restoration, and its limit (10 h) covers it
        assertThat(s.incidents().values()).filteredOn(i -> i.title().equals(Catalogue.LINE_DOWN.title()))
                .singleElement().satisfies(i -> {
                    assertThat(i.state()).isEqualTo(IncidentState.CLOSED);
                    assertThat(i.deadline()).isEqualTo(i.openedAt().plus(Duration.ofHours(10)));
                    assertThat(i.closedAt()).isBeforeOrEqualTo(i.deadline());
                });
        assertThat(s.whistles().values()).anySatisfy(w -> {
            assertThat(w.departments()).contains("供电公司", "园林绿化队", "通信运营商", "和义派出所", "物业");
            assertThat(w.arrivals()).hasSize(5);
            assertThat(w.open()).isFalse();
        });
        // cameras stay ~95–97 % online
        long online = s.cameras().values().stream().filter(c -> c.online()).count();
        assertThat(online / 1043.0).isBetween(0.94, 0.975);
        assertThat(run.count(Event.SensorReported.class)).isGreaterThan(10_000);
    }

    @Test
    void anOrdinaryDayHasBaselineVolumes() {
        Instant start = Simulator.DEFAULT_START.plus(Duration.ofDays(10));
        Run run = new Run(7, start, Duration.ofDays(1), Duration.ofHours(1), Simulator.Config.defaults());
        System.out.println("ordinary day: " + run.events.size() + " events in " + run.millis + " ms, " + run.rejected
                + " rejected: " + run.byType());

        assertThat(run.dropped).isZero();
        assertThat(run.count(Event.ComplaintReceived.class)).isBetween(8L, 40L);
        assertThat(run.count(Event.OutageReported.class)).isZero();
        assertThat(run.count(Event.WarningIssued.class)).isZero();
        assertThat(run.count(Event.AiAlertRaised.class)).isBetween(15L, 60L);
        assertThat(run.count(Event.ComplaintReceived.class))
                .isLessThan(stormDay().count(Event.ComplaintReceived.class));
    }

    @Test
    void theSameSeedGivesTheSameDayWhateverThePacing() {
        Duration six = Duration.ofHours(6);
        Run a = new Run(42, Simulator.DEFAULT_START, six, Duration.ofMinutes(8), Simulator.Config.defaults());
        Run b = new Run(42, Simulator.DEFAULT_START, six, Duration.ofMinutes(8), Simulator.Config.defaults());
        Run c = new Run(43, Simulator.DEFAULT_START, six, Duration.ofMinutes(8), Simulator.Config.defaults());
        Run paced = new Run(42, Simulator.DEFAULT_START, six, Duration.ofSeconds(30), Simulator.Config.defaults());

        assertThat(a.events).isNotEmpty().isEqualTo(b.events);
        assertThat(paced.events).isEqualTo(a.events);
        assertThat(c.events).isNotEqualTo(a.events);
    }

    @Test
    void unitsTakenOffDutyThroughTheHubAreLeftAlone() {
        // at 10:00 someone takes every free unit off duty (暂离) through the hub: the simulator must
        // not fight the fold, nor move them, nor give them orders, until someone brings them back
        Situation s = inventory;
        Simulator sim = new Simulator(scenario, 5);
        Instant to = Simulator.DEFAULT_START;
        Instant away = Simulator.DEFAULT_START.plus(Duration.ofHours(4));
        List<String> taken = new ArrayList<>();
        List<TimedEvent> after = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            to = to.plus(Duration.ofMinutes(15));
            for (TimedEvent te : sim.advance(s, to)) {
                s = s.apply(new Recorded(s.seq() + 1, te.time(), te.event()));
                if (to.isAfter(away)) {
                    after.add(te);
                }
            }
            if (to.equals(away)) {
                for (var u : s.units().values()) {
                    if (u.status().next().contains(UnitStatus.UNA)) {
                        s = s.apply(new Recorded(s.seq() + 1, to, new Event.UnitStatusChanged(u.id(), UnitStatus.UNA)));
                        taken.add(u.id());
                    }
                }
            }
        }
        Situation end = s;

        assertThat(taken).hasSizeGreaterThan(20);
        assertThat(taken).allSatisfy(id -> assertThat(end.units().get(id).status()).isEqualTo(UnitStatus.UNA));
        assertThat(after).extracting(TimedEvent::event).noneMatch(e ->
                e instanceof Event.UnitStatusChanged c && taken.contains(c.unitId())
                        || e instanceof Event.UnitMoved m && taken.contains(m.unitId())
                        || e instanceof Event.OrderIssued d && taken.contains(d.unitId()));
        // the rest of the day goes on: cases keep coming, and wait for someone to dispatch
        assertThat(after).anySatisfy(e -> assertThat(e.event()).isInstanceOf(Event.IncidentOpened.class));
        assertThat(sim.dropped()).isZero();
    }
}
