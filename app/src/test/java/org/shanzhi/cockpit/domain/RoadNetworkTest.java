package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.json.GeoJsonReader;

class RoadNetworkTest {

    /** A point {@code east} and {@code north} metres from a corner of the Heyi test district. */
    static GeoPoint m(double east, double north) {
        double lat0 = 39.815;
        return new GeoPoint(116.39 + east / (111_194.93 * Math.cos(Math.toRadians(lat0))), lat0 + north / 111_194.93);
    }

    static RoadNetwork.Road road(String name, GeoPoint... points) {
        return new RoadNetwork.Road(name, "street", List.of(points));
    }

    /** Two banks of a river 200 m apart, one bridge at the east end, and an island road no bridge reaches. */
    static final RoadNetwork RIVER = RoadNetwork.of(List.of(
            road("南岸", m(-1000, 0), m(0, 0), m(1000, 0)),
            road("北岸", m(-1000, 200), m(1000, 200)),
            road("桥", m(1000, 0), m(1000, 200)),
            road("岛", m(0, 1500), m(500, 1500))));

    @Test
    void aPointSnapsOntoTheNearestRoadWithItsWalk() {
        RoadNetwork.Snap s = RIVER.snap(m(300, 30));
        assertThat(s.offRoadMetres()).isCloseTo(30, within(0.5));
        RoadNetwork.Route r = RIVER.from(m(0, -10)).to(m(300, 30));
        assertThat(r.roadMetres()).isCloseTo(300, within(0.5));
        assertThat(r.walkMetres()).isCloseTo(40, within(0.5));
    }

    @Test
    void acrossTheRiverIsTheWayRoundByTheBridge() {
        RoadNetwork.Distances fromCase = RIVER.from(m(0, -10));
        // 220 m as the crow flies, but 1,000 east, over the bridge and 1,000 back west
        assertThat(fromCase.to(m(0, 210)).roadMetres()).isCloseTo(2200, within(1.0));
        assertThat(fromCase.to(m(-600, 0)).roadMetres()).isCloseTo(600, within(1.0));
        assertThat(fromCase.to(m(200, 1510))).isNull();
    }

    @Test
    void roadsThatCrossMeetThereAndARoadEndingShortOfAnotherJoinsIt() {
        RoadNetwork cross = RoadNetwork.of(List.of(
                road("东西", m(-500, 0), m(500, 0)),
                road("南北", m(0, -500), m(0, 500)),
                road("断头", m(200, 60), m(200, 500)), // stops 60 m short of 东西
                road("远处", m(400, 300), m(400, 500)))); // 200 m from anything: not joined
        RoadNetwork.Distances d = cross.from(m(-400, 0));
        assertThat(d.to(m(0, 400)).roadMetres()).isCloseTo(800, within(1.0));
        assertThat(d.to(m(200, 400)).roadMetres()).isCloseTo(600 + 60 + 340, within(1.0));
        assertThat(d.to(m(400, 400))).isNull();
        assertThat(cross.edgeCount()).isEqualTo(3 + 2 + 1 + 1 + 1); // 东西 cut twice, 南北 once, 断头, 远处, the connector
    }

    @Test
    void twoPointsOnOneStretchGoStraightAlongIt() {
        RoadNetwork.Route r = RIVER.from(m(-900, 5)).to(m(-800, -5));
        assertThat(r.roadMetres()).isCloseTo(100, within(0.5));
        assertThat(r.walkMetres()).isCloseTo(10, within(0.5));
    }

    @Test
    void pointsNearerToEachOtherThanToTheRoadAreAStraightWalkApart() {
        assertThat(RIVER.from(m(0, 100)).to(m(0, 100))).isEqualTo(new RoadNetwork.Route(0, 0));
        RoadNetwork.Route r = RIVER.from(m(0, 90)).to(m(30, 130));
        assertThat(r.roadMetres()).isZero();
        assertThat(r.walkMetres()).isCloseTo(50, within(0.5));
    }

    @Test
    void withoutRoadsEveryRouteIsTheStraightLine() {
        RoadNetwork.Route r = RoadNetwork.EMPTY.from(m(0, 0)).to(m(300, 400));
        assertThat(r.roadMetres()).isCloseTo(500, within(1.0));
        assertThat(r.walkMetres()).isZero();
    }

    @Test
    void theHeyiRoadsAreOneNetworkAndTheWayAlongThemIsPlausible() throws Exception {
        List<RoadNetwork.Road> roads;
        try (InputStream in = Files.newInputStream(Path.of("..", "assets", "heyi", "roads.geojson"))) {
            roads = new GeoJsonReader().roads(in, "roads.geojson");
        }
        RoadNetwork heyi = RoadNetwork.of(roads);
        GeoPoint station = new GeoPoint(116.4021, 39.81416);
        RoadNetwork.Distances d = heyi.from(station);
        for (RoadNetwork.Road r : roads) {
            for (GeoPoint p : r.points()) {
                RoadNetwork.Route route = d.to(p);
                assertThat(route).as("%s %s", r.name(), p).isNotNull();
                assertThat(route.roadMetres() + route.walkMetres()).isGreaterThanOrEqualTo(station.metresTo(p) - 1);
            }
        }
        // from the north-west corner to the south-east one: about the blocks' two sides, not the diagonal
        GeoPoint nw = new GeoPoint(116.3725, 39.825);
        GeoPoint se = new GeoPoint(116.41, 39.805);
        double straight = nw.metresTo(se);
        assertThat(heyi.from(nw).to(se).roadMetres()).isBetween(straight, 1.5 * straight);
    }
}
