package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shanzhi.cockpit.domain.Fixtures.district;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutageTest {

    private static final String EAST = "110106016002";
    private static final Outage.Supply POWER = Outage.Supply.POWER;
    private static final Outage.Supply BOTH = Outage.Supply.POWER_AND_NETWORK;

    /** Beijing 2026-05-30 at {@code hhmm}. */
    private static Instant bj(String hhmm) {
        return Instant.parse("2026-05-30T" + hhmm + ":00+08:00");
    }

    private static Situation at(Situation s, Instant t, Event e) {
        return s.apply(new Recorded(s.seq() + 1, t, e));
    }

    private static String b(int n) {
        return Buildings.id(EAST, n);
    }

    private static Event.OutageRestored restored(Outage.Supply supply, String... ids) {
        return new Event.OutageRestored("OUT", List.of(ids), supply, null, null);
    }

    /** Three named buildings of the east community out at 16:40. */
    private static Situation threeOut() {
        return at(district(), bj("16:40"), new Event.OutageReported("OUT", EAST, "断线", 3, 240,
                List.of(b(4), b(2), b(7))));
    }

    @Test
    void buildingsStandInsideTheirCommunityApartAndTheSameEveryTime() {
        Community c = district().communities().get(EAST);
        List<Outage.Building> all = Buildings.of(c, 30, bj("16:40"));
        assertThat(all).hasSize(30).extracting(Outage.Building::id).first().isEqualTo(EAST + "-01");
        assertThat(all).allSatisfy(x -> assertThat(c.boundary().contains(x.at())).isTrue());
        for (int i = 1; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(all.get(i).at().metresTo(all.get(j).at())).isGreaterThan(80);
            }
        }
        assertThat(Buildings.of(c, 30, bj("16:40"))).isEqualTo(all);
        assertThat(Buildings.of(c, 5, bj("16:40"))).isEqualTo(all.subList(0, 5)); // a count takes the first ones
    }

    @Test
    void anOutageCoversTheBuildingsItNamesAndEachIsRestoredOnItsOwn() {
        Situation s = threeOut();
        Outage o = s.outages().get("OUT");
        assertThat(o.affected()).extracting(Outage.Building::id).containsExactly(b(4), b(2), b(7));
        assertThat(o.affected()).allSatisfy(x -> assertThat(x.supply()).isEqualTo(Outage.Supply.DARK));
        assertThat(o.buildings()).isEqualTo(3);

        s = at(s, bj("18:10"), restored(POWER, b(2)));
        s = at(s, bj("18:40"), restored(BOTH, b(2), b(7))); // b(7): power and network in one step
        o = s.outages().get("OUT");
        assertThat(o.affected()).extracting(Outage.Building::supply).containsExactly(Outage.Supply.DARK, BOTH, BOTH);
        assertThat(o.affected().get(1).since()).isEqualTo(bj("18:40"));
        assertThat(o.powerRestored()).isEqualTo(2);
        assertThat(o.networkRestored()).isEqualTo(2);
        assertThat(o.open()).isTrue();

        s = at(s, bj("19:05"), restored(BOTH, b(4)));
        assertThat(s.outages().get("OUT").restoredAt()).isEqualTo(bj("19:05"));
        assertThat(s.outages().get("OUT").open()).isFalse();
    }

    @Test
    void whatCannotBeTrueIsRefusedNamingTheField() {
        Situation s = threeOut();
        assertThatThrownBy(() -> at(district(), bj("16:40"), new Event.OutageReported("X", EAST, "断线", 2, 9,
                List.of(b(1))))).isInstanceOf(Rejection.class).hasFieldOrPropertyWithValue("field", "payload.buildingIds");
        assertThatThrownBy(() -> at(district(), bj("16:40"), new Event.OutageReported("X", EAST, "断线", 2, 9,
                List.of(b(1), b(1))))).hasFieldOrPropertyWithValue("field", "payload.buildingIds");
        assertThatThrownBy(() -> at(district(), bj("16:40"), new Event.OutageReported("X", EAST, "断线", 1, 9,
                List.of("110106016001-01")))).as("a building of another community")
                .hasFieldOrPropertyWithValue("field", "payload.buildingIds");
        assertThatThrownBy(() -> at(s, bj("18:00"), restored(POWER, b(1))))
                .hasFieldOrPropertyWithValue("field", "payload.buildingIds");
        assertThatThrownBy(() -> at(s, bj("18:00"), restored(Outage.Supply.DARK, b(2))))
                .hasFieldOrPropertyWithValue("field", "payload.supply");
        Situation back = at(s, bj("18:00"), restored(BOTH, b(2)));
        assertThatThrownBy(() -> at(back, bj("18:10"), restored(POWER, b(2)))).as("supply does not go back")
                .hasFieldOrPropertyWithValue("field", "payload.supply");
        assertThatThrownBy(() -> at(s, bj("18:00"), new Event.OutageRestored("OUT", List.of(b(2)), POWER, 1, null)))
                .as("both forms at once").hasFieldOrPropertyWithValue("field", "payload.buildingIds");
    }

    /** Journals from before per-building reports: a count of buildings, and cumulative counts back. */
    @Test
    void countsOfOlderJournalsTakeTheFirstBuildingsInOrder() {
        Situation s = at(district(), bj("16:40"), new Event.OutageReported("OUT", EAST, "断线", 10, 600));
        assertThat(s.outages().get("OUT").affected()).extracting(Outage.Building::id)
                .containsExactlyElementsOf(Buildings.of(s.communities().get(EAST), 10, bj("16:40")).stream()
                        .map(Outage.Building::id).toList());
        s = at(s, bj("18:00"), new Event.OutageRestored("OUT", 7, 3));
        Outage o = s.outages().get("OUT");
        assertThat(o.powerRestored()).isEqualTo(7);
        assertThat(o.networkRestored()).isEqualTo(3);
        assertThat(o.affected().get(2).supply()).isEqualTo(BOTH);
        assertThat(o.affected().get(3).supply()).isEqualTo(POWER);
        assertThat(o.affected().get(7).supply()).isEqualTo(Outage.Supply.DARK);
        Situation counted = s;
        assertThatThrownBy(() -> at(counted, bj("18:10"), new Event.OutageRestored("OUT", 6, 3)))
                .hasFieldOrPropertyWithValue("field", "payload.powerRestored");
        s = at(s, bj("23:00"), new Event.OutageRestored("OUT", 10, 10));
        assertThat(s.outages().get("OUT").restoredAt()).isEqualTo(bj("23:00"));
    }

    /** "N/M 楼栋供电供网": buildings with power and network back, then 已全部恢复 with its time for the rest of the day. */
    @Test
    void theFigureCountsBuildingsWithPowerAndNetworkAndKeepsARestoredOutageForTheDay() {
        Situation s = at(district(), bj("16:40"), new Event.OutageReported("OUT", EAST, "断线", 10, 600));
        assertThat(OutageFigures.of(s, bj("16:41"))).isEqualTo(new OutageFigures(0, 0, 10, 1, null));
        s = at(s, bj("19:00"), new Event.OutageRestored("OUT", 9, 7));
        OutageFigures f = OutageFigures.of(s, bj("19:01"));
        assertThat(f).isEqualTo(new OutageFigures(7, 2, 10, 1, null));
        assertThat(f.share().percent()).isEqualTo(70.0);
        s = at(s, bj("22:41"), new Event.OutageRestored("OUT", 10, 10));
        assertThat(OutageFigures.of(s, bj("23:59"))).isEqualTo(new OutageFigures(10, 0, 10, 0, bj("22:41")));
        assertThat(OutageFigures.of(s, Instant.parse("2026-05-31T00:00:00+08:00"))).as("the next day")
                .isEqualTo(OutageFigures.NONE);
        assertThat(OutageFigures.of(district(), bj("12:00"))).isEqualTo(OutageFigures.NONE);
    }
}
