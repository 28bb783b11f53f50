package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.domain.RoadNetworkTest.RIVER;
import static org.shanzhi.cockpit.domain.RoadNetworkTest.m;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.FieldUnit.Role;
import org.shanzhi.cockpit.domain.Recommendations.Mode;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;
import org.shanzhi.cockpit.domain.Recommendations.Rules;

class RecommendationsTest {

    static final Instant T0 = Fixtures.T0;
    static final GeoPoint CASE = m(0, -10);

    /** The district and these units, all registered at T0. */
    static Situation units(FieldUnit... units) {
        Situation s = Situation.empty().apply(new Recorded(1, T0,
                new Event.DistrictDefined(new District("110106016", "和义街道", 48000, 6.78, Fixtures.BOUNDS))));
        for (FieldUnit u : units) {
            s = s.apply(new Recorded(s.seq() + 1, T0, new Event.UnitRegistered(u)));
        }
        return s;
    }

    static FieldUnit unit(String id, Role role, UnitStatus status, GeoPoint at) {
        return new FieldUnit(id, id, role, status, at, 0, null, null, false);
    }

    static List<String> ids(List<RecommendedUnit> ranked) {
        return ranked.stream().map(RecommendedUnit::id).toList();
    }

    @Test
    void theUnitAcrossTheRiverComesAfterTheOneFartherAlongTheBank() {
        Situation s = units(unit("北岸", Role.GRID_WORKER, UnitStatus.AVL, m(0, 210)),
                unit("南岸", Role.GRID_WORKER, UnitStatus.PAT, m(-600, 0)));
        List<RecommendedUnit> ranked = Recommendations.rank(s, CASE, "沿街晾晒", RIVER, T0, Rules.defaults());
        assertThat(ids(ranked)).containsExactly("南岸", "北岸");
        RecommendedUnit first = ranked.get(0);
        assertThat(first.mode()).isEqualTo(Mode.EBIKE);
        // 600 m by e-bike at 4.2 m/s, 10 m on foot at 1.2 m/s
        assertThat(first.eta()).isEqualTo(Duration.ofSeconds(151));
        assertThat(first.etaMinutes()).isEqualTo(3);
        assertThat(ranked.get(1).roadMetres()).isCloseTo(2200, org.assertj.core.api.Assertions.within(1.0));
        // the straight line would have it the other way round
        assertThat(m(0, 210).metresTo(CASE)).isLessThan(m(-600, 0).metresTo(CASE));
    }

    @Test
    void onlyFreeUnitsWithoutSosAreOffered() {
        Situation s = units(unit("空闲", Role.GRID_WORKER, UnitStatus.AVL, m(-100, 0)),
                unit("离线", Role.GRID_WORKER, UnitStatus.OFF, m(-50, 0)),
                unit("求救", Role.GRID_WORKER, UnitStatus.AVL, m(-20, 0)));
        s = s.apply(new Recorded(s.seq() + 1, T0, new Event.UnitSos("求救", true)));
        assertThat(ids(Recommendations.rank(s, CASE, "沿街晾晒", RIVER, T0, Rules.defaults()))).containsExactly("空闲");
    }

    @Test
    void aPositionOlderThanFiveMinutesIsGreyedAndOlderThanFifteenIsNotOffered() {
        Situation s = units(unit("旧", Role.GRID_WORKER, UnitStatus.AVL, m(-100, 0)),
                unit("新", Role.GRID_WORKER, UnitStatus.AVL, m(-800, 0)));
        s = s.apply(new Recorded(s.seq() + 1, T0.plus(Duration.ofMinutes(10)),
                new Event.UnitMoved("新", m(-700, 0), 90)));
        assertThat(s.units().get("新").positionAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));

        List<RecommendedUnit> at4 = Recommendations.rank(s, CASE, "沿街晾晒", RIVER, T0.plus(Duration.ofMinutes(4)),
                Rules.defaults());
        assertThat(at4).extracting(RecommendedUnit::stale).containsExactly(false, false);

        List<RecommendedUnit> at12 = Recommendations.rank(s, CASE, "沿街晾晒", RIVER, T0.plus(Duration.ofMinutes(12)),
                Rules.defaults());
        assertThat(ids(at12)).containsExactly("旧", "新");
        assertThat(at12.get(0).stale()).isTrue();
        assertThat(at12.get(0).positionAge()).isEqualTo(Duration.ofMinutes(12));
        assertThat(at12.get(1).stale()).isFalse();

        assertThat(ids(Recommendations.rank(s, CASE, "沿街晾晒", RIVER, T0.plus(Duration.ofMinutes(16)),
                Rules.defaults()))).containsExactly("新");
        Rules patient = new Rules(Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(3));
        assertThat(Recommendations.rank(s, CASE, "沿街晾晒", RIVER, T0.plus(Duration.ofMinutes(16)), patient))
                .extracting(RecommendedUnit::stale).containsExactly(false, false);
    }

    @Test
    void aSuitableRoleGoesFirstAmongComparableEtasOnly() {
        // e-bikes: 城管 at 900 m is ~2 min behind the grid worker at 400 m; the one across the river (3,200 m) ~11 min
        Situation s = units(unit("网格", Role.GRID_WORKER, UnitStatus.AVL, m(-400, 0)),
                unit("城管近", Role.ENFORCEMENT, UnitStatus.AVL, m(-900, 0)),
                unit("城管远", Role.ENFORCEMENT, UnitStatus.AVL, m(-1000, 210)));
        List<RecommendedUnit> stall = Recommendations.rank(s, CASE, "占道经营", RIVER, T0, Rules.defaults());
        assertThat(ids(stall)).containsExactly("城管近", "网格", "城管远");
        assertThat(stall).extracting(RecommendedUnit::roleMatches).containsExactly(true, false, true);
        assertThat(ids(Recommendations.rank(s, CASE, "沿街晾晒", RIVER, T0, Rules.defaults())))
                .containsExactly("网格", "城管近", "城管远");
    }

    @Test
    void categoriesWantTheirRoles() {
        assertThat(Recommendations.wantedRoles("架空线缆脱落")).containsExactly(Role.UTILITY);
        assertThat(Recommendations.wantedRoles("燃气泄漏")).containsExactly(Role.UTILITY);
        assertThat(Recommendations.wantedRoles("占道经营")).containsExactly(Role.ENFORCEMENT);
        assertThat(Recommendations.wantedRoles("树木倒伏")).containsExactly(Role.LANDSCAPING);
        assertThat(Recommendations.wantedRoles("治安隐患")).containsExactly(Role.POLICE);
        assertThat(Recommendations.wantedRoles("暴露垃圾")).containsExactly(Role.PROPERTY);
        assertThat(Recommendations.wantedRoles("火灾隐患")).containsExactly(Role.GRID_WORKER);
        assertThat(Recommendations.wantedRoles(null)).containsExactly(Role.GRID_WORKER);
    }

    @Test
    void aUnitNoRoadReachesComesLastWithoutAnEta() {
        Situation s = units(unit("岛上", Role.POLICE, UnitStatus.AVL, m(200, 1510)),
                unit("桥边", Role.POLICE, UnitStatus.AVL, m(1000, 150)));
        List<RecommendedUnit> ranked = Recommendations.rank(s, CASE, "治安", RIVER, T0, Rules.defaults());
        assertThat(ids(ranked)).containsExactly("桥边", "岛上");
        assertThat(ranked.get(1).reachable()).isFalse();
        assertThat(ranked.get(1).eta()).isNull();
        assertThat(ranked.get(1).etaMinutes()).isEqualTo(-1);
        assertThat(ranked.get(0).mode()).isEqualTo(Mode.CAR);
    }
}
