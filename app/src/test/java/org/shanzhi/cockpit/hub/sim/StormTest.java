package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Whistle;

class StormTest {

    /** The storm with what it drives: cases, alerts, whistles, 12345. Units stay off; nobody takes the cases. */
    static final class World {
        final SimHarness h;
        final Storm storm;
        final Cases cases;

        World(long seed, SimHarness h) {
            this.h = h;
            cases = new Cases(h.ctx, new Cases.Rates(0));
            AiAlerts alerts = new AiAlerts(h.ctx, AiAlerts.Rates.defaults(), cases);
            Crews crews = new Crews(h.ctx, Crews.Rates.defaults());
            cases.dispatchTo(new Orders(h.ctx, Orders.Rates.defaults(), crews, cases));
            storm = new Storm(h.ctx, cases, alerts, new Whistles(h.ctx, Whistles.Rates.defaults()),
                    new Complaints(h.ctx, Complaints.Rates.defaults()), crews);
        }

        World(long seed, String from) {
            this(seed, new SimHarness(seed, SimHarness.day(0, from)));
        }

        void tick() {
            storm.outageCalls();
            storm.restore();
        }

        void until(Instant to) {
            h.until(to, this::tick);
        }
    }

    static Instant at(String time) {
        return SimHarness.day(0, time);
    }

    @Test
    void theStormDayFollowsItsScript() {
        World w = new World(16, "06:00");
        w.storm.plan(SimHarness.day(0, "00:00"), w.h.situation);
        w.until(SimHarness.day(1, "06:00"));
        var s = w.h.situation;

        // 13:30: two warnings by the city, lifted at 20:00 and 21:00
        var issued = w.h.of(Event.WarningIssued.class);
        assertThat(issued).extracting(SimHarness.Timed::time).containsOnly(at("13:30"));
        assertThat(issued).extracting(t -> t.event().hazard() + " " + t.event().level())
                .containsExactly("GALE YELLOW", "RAINSTORM BLUE");
        assertThat(s.warnings().values()).allSatisfy(x -> assertThat(x.issuer()).isEqualTo(Storm.ISSUER));
        assertThat(w.h.of(Event.WarningLifted.class)).extracting(SimHarness.Timed::time)
                .containsExactly(at("20:00"), at("21:00"));
        // 16:30–17:30: 10–14 trees down, some seen on video and accepted at once
        List<Incident> trees = s.incidents().values().stream()
                .filter(i -> i.title().equals(Catalogue.FALLEN_TREE.title())).toList();
        assertThat(trees).hasSizeBetween(10, 14).allSatisfy(i ->
                assertThat(i.openedAt()).isBetween(at("16:30"), at("17:34:10")));
        assertThat(trees).anySatisfy(i -> assertThat(i.source()).isEqualTo(Incident.Source.AI));
        // a 12345 call about a tree joins the case it opens (并案): the case's 结案 is its 办结
        List<Incident> called = trees.stream().filter(i -> i.source() == Incident.Source.HOTLINE).toList();
        assertThat(called).isNotEmpty().allSatisfy(i -> {
            List<Complaint> joined = s.complaints().values().stream().filter(c -> i.id().equals(c.incidentId()))
                    .toList();
            assertThat(joined).hasSize(1);
            if (i.state() == IncidentState.CLOSED) {
                assertThat(joined.get(0).repliedAt()).isAfterOrEqualTo(i.closedAt());
            } else {
                assertThat(joined.get(0).repliedAt()).isNull();
            }
        });
        // 16:35 the line case, 16:40 the outage, 16:50 the whistle for it
        Incident line = s.incidents().values().stream().filter(i -> i.title().equals(Catalogue.LINE_DOWN.title()))
                .findFirst().orElseThrow();
        assertThat(line.openedAt()).isEqualTo(at("16:35"));
        assertThat(line.severity()).isEqualTo(Incident.Severity.CRITICAL);
        Outage o = s.outages().values().iterator().next();
        assertThat(o.startedAt()).isEqualTo(at("16:40"));
        assertThat(o.communityCode()).isEqualTo(Storm.COMMUNITY);
        // part of 东三, as the source says: its 27 buildings nearest the line's switch station, of 30
        assertThat(o.buildings()).isEqualTo(Storm.OUTAGE_BUILDINGS);
        assertThat(o.households()).isEqualTo(1710); // 1,900 households over 30 buildings
        assertThat(o.affected()).extracting(Outage.Building::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith(Storm.COMMUNITY + "-"));
        assertThat(o.affected()).allSatisfy(b -> assertThat(s.communityAt(b.at())).isEqualTo(Storm.COMMUNITY));
        Whistle whistle = s.whistles().values().iterator().next();
        assertThat(whistle.requestedAt()).isEqualTo(at("16:50"));
        assertThat(whistle.incidentId()).isEqualTo(line.id());
        assertThat(whistle.departments()).containsExactlyElementsOf(Storm.DEPARTMENTS);
        assertThat(whistle.arrivals()).hasSize(5);
        // the outage calls: about one per 30 households in the two hours after
        var calls = w.h.of(Event.ComplaintReceived.class).stream()
                .filter(c -> !c.event().category().equals("园林绿化")).toList();
        assertThat(calls).hasSizeBetween(30, 90).allSatisfy(c -> {
            assertThat(c.time()).isBetween(at("16:40"), at("18:40"));
            assertThat(c.event().category()).isEqualTo("水电气");
        });
        // … merged into one matter (并案): every outage call joined to the line case
        assertThat(calls).allSatisfy(c ->
                assertThat(s.complaints().get(c.event().orderNo()).incidentId()).isEqualTo(line.id()));
        // restoration building by building: nothing for 1.5 h, about half at 3 h, all by 8 h; each building's
        // network after its power; then the whistle
        var restored = w.h.of(Event.OutageRestored.class);
        assertThat(restored.get(0).time()).isAfterOrEqualTo(at("18:10"));
        assertThat(restored).allSatisfy(r -> assertThat(r.event().buildingIds()).isNotEmpty());
        assertThat(restored).allSatisfy(r -> assertThat(r.event().powerRestored()).isNull());
        List<String> powered = ids(restored, Outage.Supply.POWER, SimHarness.day(1, "06:00"));
        List<String> connected = ids(restored, Outage.Supply.POWER_AND_NETWORK, SimHarness.day(1, "06:00"));
        assertThat(powered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                o.affected().stream().map(Outage.Building::id).toList());
        assertThat(connected).doesNotHaveDuplicates().hasSize(Storm.OUTAGE_BUILDINGS);
        assertThat(restored).allSatisfy(r -> {
            if (r.event().supply() == Outage.Supply.POWER_AND_NETWORK) {
                assertThat(ids(restored, Outage.Supply.POWER, r.time())).containsAll(r.event().buildingIds());
            }
        });
        assertThat(ids(restored, Outage.Supply.POWER, at("19:40")).size()).isBetween(9, 18);
        assertThat(restored).filteredOn(r -> r.event().supply() == Outage.Supply.POWER).last()
                .satisfies(r -> assertThat(r.time()).isBetween(SimHarness.day(0, "22:40"), SimHarness.day(1, "00:40")));
        var last = restored.get(restored.size() - 1);
        assertThat(last.time()).isBefore(SimHarness.day(1, "02:41"));
        Outage done = s.outages().values().iterator().next();
        assertThat(done.open()).isFalse();
        assertThat(done.restoredAt()).isEqualTo(last.time());
        assertThat(done.affected()).allSatisfy(b -> assertThat(b.supply()).isEqualTo(Outage.Supply.POWER_AND_NETWORK));
        assertThat(s.whistles().values().iterator().next().resolvedAt()).isEqualTo(last.time());
        // the 东三 secretary's reports: half an hour in, then at 30, 50, 70, 90 % and when all is back
        var reports = w.h.of(Event.IntelReported.class).stream()
                .filter(r -> r.event().officerId().equals(Storm.SECRETARY)).toList();
        assertThat(reports).hasSize(6).allSatisfy(r -> {
            assertThat(r.event().category()).isEqualTo(Storm.PROGRESS);
            assertThat(r.event().communityCode()).isEqualTo(Storm.COMMUNITY);
        });
        assertThat(reports.get(0).time()).isEqualTo(at("17:10"));
        assertThat(reports.subList(1, 5)).extracting(r -> r.event().summary()).satisfiesExactly(
                t -> assertThat(t).contains("已恢复30%楼栋供电供网"), t -> assertThat(t).contains("已恢复50%楼栋供电供网"),
                t -> assertThat(t).contains("已恢复70%楼栋供电供网"), t -> assertThat(t).contains("已恢复90%楼栋供电供网"));
        assertThat(reports.get(5).event().summary()).contains("全部恢复供电供网");
        assertThat(reports.get(5).time()).isEqualTo(last.time());
    }

    /** The buildings the restorations name with {@code supply} up to {@code t}. */
    private static List<String> ids(List<SimHarness.Timed<Event.OutageRestored>> restored, Outage.Supply supply,
                                    Instant t) {
        return restored.stream().filter(r -> !r.time().isAfter(t) && r.event().supply() == supply)
                .flatMap(r -> r.event().buildingIds().stream()).toList();
    }

    @Test
    void theGridWorkersAreCalledOutUntilTheStormIsOverAndEveryBuildingIsBack() {
        World w = new World(16, "06:00");
        w.storm.plan(SimHarness.day(0, "00:00"), w.h.situation);
        assertThat(w.storm.responding()).isFalse();
        w.until(at("16:31"));
        assertThat(w.storm.responding()).isTrue();
        w.until(at("23:00")); // the storm over (22:30), buildings still out
        assertThat(w.h.situation.outages().values().iterator().next().open()).isTrue();
        assertThat(w.storm.responding()).isTrue();
        w.until(SimHarness.day(1, "06:00"));
        assertThat(w.storm.responding()).isFalse();
    }

    @Test
    void rainAndRageFollowTheHit() {
        World w = new World(16, "06:00");
        w.storm.plan(SimHarness.day(0, "00:00"), w.h.situation);

        assertThat(w.storm.rain(at("16:29"))).isZero();
        assertThat(w.storm.rain(at("17:00"))).isEqualTo(1.0);
        assertThat(w.storm.rain(at("18:15"))).isEqualTo(0.5);
        assertThat(w.storm.rain(at("19:31"))).isZero();
        assertThat(w.storm.powerFraction(Storm.COMMUNITY, at("17:00"))).as("no outage yet").isEqualTo(1.0);
        w.h.until(at("16:30"));
        assertThat(w.storm.active()).isTrue();
        w.until(at("17:00"));
        // the switch station's load: 27 of its 30 buildings dark
        assertThat(w.storm.powerFraction(Storm.COMMUNITY, at("17:00"))).isCloseTo(1 - 0.95 * 27 / 30, within(1e-9));
        assertThat(w.storm.powerFraction("110106016001", at("17:00"))).isEqualTo(1.0);
        w.until(at("22:30"));
        assertThat(w.storm.active()).isFalse();
    }

    @Test
    void aDayBegunAfterTheStormHasNoStormInIt() {
        World w = new World(16, "19:00");
        w.storm.plan(SimHarness.day(0, "00:00"), w.h.situation);
        w.until(SimHarness.day(1, "06:00"));

        assertThat(w.h.events).isEmpty();
        assertThat(w.h.situation.warnings()).isEmpty();
    }

    /** The storm day run by one simulator to {@code time}, as a restarted hub finds it. */
    static World runTo(String time) {
        World w = new World(16, "06:00");
        w.storm.plan(SimHarness.day(0, "00:00"), w.h.situation);
        w.until(at(time));
        return w;
    }

    /** A new storm on the situation of {@code before}, as a restarted simulator builds it. */
    static World restarted(World before) {
        World w = new World(61, new SimHarness(61, before.h.situation));
        w.storm.plan(SimHarness.day(0, "00:00"), before.h.situation);
        return w;
    }

    @Test
    void aStormJoinedAfterTheOutageRestoresItLiftsTheWarningsAndResolvesTheWhistle() {
        for (String restart : List.of("17:00", "21:00")) {
            World before = runTo(restart);
            Outage o = before.h.situation.outages().values().iterator().next();
            World w = restarted(before);
            w.until(SimHarness.day(1, "06:00"));
            var s = w.h.situation;

            assertThat(w.h.of(Event.OutageReported.class)).as("no second outage").isEmpty();
            Outage now = s.outages().get(o.id());
            assertThat(now.powerRestored()).as(restart).isEqualTo(Storm.OUTAGE_BUILDINGS);
            assertThat(now.networkRestored()).isEqualTo(Storm.OUTAGE_BUILDINGS);
            // only the buildings still out are named, each once per supply
            List<String> powered = w.h.of(Event.OutageRestored.class).stream()
                    .filter(r -> r.event().supply() == Outage.Supply.POWER)
                    .flatMap(r -> r.event().buildingIds().stream()).toList();
            assertThat(powered).doesNotHaveDuplicates().hasSize(o.buildings() - o.powerRestored());
            // the secretary does not say again what was said before the restart
            assertThat(s.intel().values()).filteredOn(r -> r.officerId().equals(Storm.SECRETARY))
                    .extracting(r -> r.summary()).doesNotHaveDuplicates();
            assertThat(s.warnings().values()).allSatisfy(x -> assertThat(x.lifted()).isTrue());
            assertThat(w.h.of(Event.WarningLifted.class)).extracting(SimHarness.Timed::time)
                    .allSatisfy(t -> assertThat(t).isIn(at("20:00"), at("21:00"),
                            before.h.situation.time().plusSeconds(10)));
            assertThat(s.whistles().values()).allSatisfy(x -> assertThat(x.open()).isFalse());
        }
    }

    @Test
    void aStormJoinedDuringTheHitPlansWhatIsStillToCome() {
        World before = runTo("16:37"); // trees falling, the line case open, no outage yet
        assertThat(before.h.situation.outages()).isEmpty();
        World w = restarted(before);
        w.until(SimHarness.day(1, "06:00"));
        var s = w.h.situation;

        assertThat(s.outages()).hasSize(1);
        assertThat(s.outages().values().iterator().next().open()).isFalse();
        Whistle whistle = s.whistles().values().iterator().next();
        assertThat(whistle.incidentId()).as("the line case found").isEqualTo(before.h.situation.incidents().values()
                .stream().filter(i -> i.title().equals(Catalogue.LINE_DOWN.title())).findFirst().orElseThrow().id());
        assertThat(w.h.of(Event.IncidentOpened.class)).as("trees still to fall").isNotEmpty()
                .allSatisfy(t -> assertThat(t.time()).isBetween(at("16:37"), at("17:34:10")));
    }

    @Test
    void aSimulatorStartedTheMorningAfterFinishesTheStormOfTheNightBefore() {
        World before = runTo("23:30");
        assertThat(before.h.situation.outages().values().iterator().next().open()).isTrue();
        World w = new World(61, new SimHarness(61, SimHarness.timed(before.h.situation, SimHarness.day(1, "00:20"))));
        w.storm.joinUnfinished(w.h.situation);
        w.until(SimHarness.day(1, "06:00"));

        assertThat(w.h.situation.outages().values().iterator().next().open()).isFalse();
        assertThat(w.h.situation.whistles().values()).allSatisfy(x -> assertThat(x.open()).isFalse());
    }
}
