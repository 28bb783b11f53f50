package org.shanzhi.cockpit.wall.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Bounds;

class MapProjectionTest {

    static final Bounds HEYI = new Bounds(116.372, 39.803, 116.419, 39.831);

    @Test
    void theWorldPlaneHasKnownPoints() {
        assertThat(MapProjection.worldX(0)).isEqualTo(0.5);
        assertThat(MapProjection.worldY(0)).isCloseTo(0.5, within(1e-12));
        assertThat(MapProjection.worldX(-180)).isEqualTo(0);
        assertThat(MapProjection.worldY(MapProjection.MAX_LAT)).isCloseTo(0, within(1e-8));
        // north is up: a larger latitude is higher on screen
        assertThat(MapProjection.worldY(39.831)).isLessThan(MapProjection.worldY(39.803));
    }

    @Test
    void screenAndWgs84RoundTrip() {
        MapProjection p = MapProjection.centredOn(116.3955, 39.817, 15.3, 1920, 1000);
        for (double[] ll : new double[][] {{116.372, 39.803}, {116.419, 39.831}, {116.40210, 39.81416}}) {
            double x = p.xOf(ll[0]);
            double y = p.yOf(ll[1]);
            assertThat(p.lonAt(x)).isCloseTo(ll[0], within(1e-9));
            assertThat(p.latAt(y)).isCloseTo(ll[1], within(1e-9));
        }
        assertThat(p.xOf(116.3955)).isCloseTo(960, within(1e-6));
        assertThat(p.yOf(39.817)).isCloseTo(500, within(1e-6));
    }

    @Test
    void fittingShowsTheWholeBoxWithItsMargin() {
        MapProjection p = MapProjection.fitting(HEYI, 1920, 1000, 24);
        double west = p.xOf(HEYI.west());
        double east = p.xOf(HEYI.east());
        double north = p.yOf(HEYI.north());
        double south = p.yOf(HEYI.south());
        assertThat(west).isGreaterThanOrEqualTo(23.99);
        assertThat(east).isLessThanOrEqualTo(1920 - 23.99);
        assertThat(north).isGreaterThanOrEqualTo(23.99);
        assertThat(south).isLessThanOrEqualTo(1000 - 23.99);
        // the tighter side (height here) touches the margin
        assertThat(south - north).isCloseTo(1000 - 48, within(1e-6));
        assertThat(p.zoom()).isBetween(15.0, 15.5);
    }

    @Test
    void zoomKeepsThePointUnderTheCursorAndPanFollowsThePointer() {
        MapProjection p = MapProjection.centredOn(116.3955, 39.817, 15, 1920, 1000);
        double lon = p.lonAt(300);
        double lat = p.latAt(200);
        MapProjection q = p.zoomedAt(300, 200, 16.5);
        assertThat(q.zoom()).isEqualTo(16.5);
        assertThat(q.xOf(lon)).isCloseTo(300, within(1e-6));
        assertThat(q.yOf(lat)).isCloseTo(200, within(1e-6));

        MapProjection r = p.panned(50, -20);
        assertThat(r.xOf(lon)).isCloseTo(350, within(1e-6));
        assertThat(r.yOf(lat)).isCloseTo(180, within(1e-6));

        assertThat(p.zoomedAt(0, 0, 40).zoom()).isEqualTo(MapProjection.MAX_ZOOM);
        assertThat(p.zoomedAt(0, 0, 2).zoom()).isEqualTo(MapProjection.MIN_ZOOM);
    }

    @Test
    void metresPerPixelAtBeijing() {
        // zoom 15 at 40° N: 156,543 m/px at zoom 0 × cos 40° / 2^15 ≈ 3.66 m
        MapProjection p = MapProjection.centredOn(116.4, 40, 15, 800, 600);
        assertThat(p.metresPerPixel()).isCloseTo(3.66, within(0.01));
    }
}
