package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters.Cluster;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.layer.MapLayers;
import org.shanzhi.cockpit.wall.map.layer.MapMark;

/** The map's state without a stage: the view and who chose it, selection, focus, flights, what was drawn. */
class MapViewModelTest {

    static final Bounds DISTRICT = new Bounds(116.380, 39.810, 116.400, 39.820);
    static final GeoPoint FAR = new GeoPoint(116.415, 39.829);

    int changes;

    MapViewModel model(String options) throws Exception {
        return MapViewModel.of(new ObjectMapper().readTree(options), Set.of("units"), () -> changes++);
    }

    static MapMark mark(String id, double x, double y) {
        return new MapMark(MapMark.Kind.UNIT, id, x, y, 6, id);
    }

    static double fitZoom(Bounds b, double w, double h) {
        return MapProjection.fitting(b, w, h, MapViewModel.FIT_MARGIN).zoom();
    }

    static MapLayers.Drawn frame(MapMark... marks) {
        return new MapLayers.Drawn(List.of(marks), Map.of("units", marks.length), true);
    }

    @Test
    void theFirstSizeFitsTheDistrictUntilTheOperatorMovesTheView() throws Exception {
        MapViewModel m = model("{}");
        assertThat(m.view()).isNull();
        assertThat(m.layers()).containsExactly("units");

        m.resized(1280, 720);
        assertThat(m.view().zoom()).isEqualTo(fitZoom(MapViewModel.HEYI, 1280, 720));
        // the situation's own district replaces the default box
        m.district(DISTRICT);
        assertThat(m.view().centreLon()).isCloseTo(116.390, within(1e-9));
        assertThat(m.view().zoom()).isEqualTo(fitZoom(DISTRICT, 1280, 720));
        int before = changes;
        m.district(DISTRICT);
        assertThat(changes).as("the same district again changes nothing").isEqualTo(before);
        // a resize fits it again
        m.resized(1920, 1080);
        assertThat(m.view().width()).isEqualTo(1920);
        assertThat(m.view().zoom()).isEqualTo(fitZoom(DISTRICT, 1920, 1080));

        // the operator's view stays through a resize and a new district, until Home
        m.pan(100, 0);
        MapProjection chosen = m.view();
        m.resized(1280, 720);
        assertThat(m.view().zoom()).isEqualTo(chosen.zoom());
        assertThat(m.view().centreLon()).isEqualTo(chosen.centreLon());
        m.district(MapViewModel.HEYI);
        assertThat(m.view().centreLon()).isEqualTo(chosen.centreLon());
        m.fit();
        assertThat(m.view().zoom()).isEqualTo(fitZoom(MapViewModel.HEYI, 1280, 720));
    }

    @Test
    void theLayoutsCentreAndZoomWinOverTheFit() throws Exception {
        MapViewModel m = model("{\"centre\": {\"lat\": 39.817, \"lon\": 116.3955}, \"zoom\": 14}");
        m.resized(960, 600);
        assertThat(m.view().zoom()).isEqualTo(14);
        assertThat(m.view().centreLon()).isCloseTo(116.3955, within(1e-9));
        assertThat(m.view().centreLat()).isCloseTo(39.817, within(1e-9));
        // a zoom alone keeps the district's centre
        MapViewModel zoomOnly = model("{\"zoom\": 16}");
        zoomOnly.resized(960, 600);
        assertThat(zoomOnly.view().zoom()).isEqualTo(16);
        assertThat(zoomOnly.view().centreLon()).isCloseTo((MapViewModel.HEYI.west() + MapViewModel.HEYI.east()) / 2,
                within(1e-9));
    }

    @Test
    void movingTheViewAsksForAFrameAndDropsTheSelection() throws Exception {
        MapViewModel m = model("{\"zoom\": 15}");
        m.resized(1280, 720);
        MapMark unit = mark("U-1", 100, 100);
        m.select(unit);
        assertThat(m.selected()).isSameAs(unit);
        int before = changes;
        m.zoomAt(640, 360, 0.5);
        assertThat(changes).isEqualTo(before + 1);
        assertThat(m.view().zoom()).isEqualTo(15.5);
        assertThat(m.selected()).isNull();
        // a wheel zoom keeps the point under the pointer where it was
        MapProjection v = m.view();
        double lon = MapProjection.lonOf(v.worldXAt(200));
        m.zoomAt(200, 300, 1);
        assertThat(m.view().xOf(lon)).isCloseTo(200, within(1e-6));
    }

    @Test
    void aClusterClickedZoomsInTwoLevelsOnItAndNoFurtherThanTheMaximum() throws Exception {
        MapViewModel m = model("{\"zoom\": 14}");
        m.resized(960, 600);
        Camera cam = new Camera("CAM-1", "东门", new GeoPoint(116.40, 39.82), null, false, true, null);
        Cluster c = new Cluster(MapProjection.worldX(116.40), MapProjection.worldY(39.82), List.of(cam, cam), 0, 0);
        m.select(mark("U-1", 1, 1));
        m.zoomInto(c);
        assertThat(m.view().zoom()).isEqualTo(16);
        assertThat(m.view().xOf(116.40)).isCloseTo(480, within(1e-6));
        assertThat(m.selected()).isNull();
        m.moveTo(m.view().centredAt(c.x(), c.y(), 19.5));
        m.zoomInto(c);
        assertThat(m.view().zoom()).isEqualTo(MapProjection.MAX_ZOOM);
    }

    @Test
    void aFlightEndsOnThePlaceAndZoomsOutOnTheWayWhenItIsFar() throws Exception {
        MapViewModel m = model("{\"zoom\": 17, \"centre\": {\"lat\": 39.805, \"lon\": 116.375}}");
        assertThat(m.flightTo(FAR.lon(), FAR.lat(), 18)).as("no view yet, no flight").isNull();
        m.resized(1280, 720);
        MapViewModel.Flight far = m.flightTo(FAR.lon(), FAR.lat(), 18);
        assertThat(far.at(0).zoom()).isEqualTo(17);
        assertThat(far.at(0).centreLon()).isCloseTo(116.375, within(1e-9));
        assertThat(far.at(1).zoom()).isCloseTo(18, within(1e-9));
        assertThat(far.at(1).xOf(FAR.lon())).isCloseTo(640, within(1e-6));
        assertThat(far.at(1).yOf(FAR.lat())).isCloseTo(360, within(1e-6));
        // half way it sees both ends: further out than either
        assertThat(far.at(0.5).zoom()).isLessThan(17);
        // a short hop does not dip
        MapViewModel.Flight near = m.flightTo(116.3752, 39.8051, 17);
        assertThat(near.at(0.5).zoom()).isCloseTo(17, within(1e-9));
        // a place asked for is shown at least at the focus zoom, closer if the view already is
        assertThat(m.focusZoom()).isEqualTo(MapViewModel.FOCUS_ZOOM);
        m.zoomAt(640, 360, 1.5);
        assertThat(m.focusZoom()).isEqualTo(18.5);
        m.focus(FAR);
        assertThat(m.focused()).isEqualTo(FAR);
        m.focus(null);
        assertThat(m.focused()).isNull();
    }

    @Test
    void theSelectionFollowsItsMarkFromFrameToFrame() throws Exception {
        MapViewModel m = model("{}");
        assertThat(m.marks()).isEmpty();
        m.select(mark("U-2", 10, 10));
        MapMark moved = mark("U-2", 40, 12);
        assertThat(m.drawn(frame(mark("U-1", 0, 0), moved), true)).isSameAs(moved);
        assertThat(m.selected()).isSameAs(moved);
        assertThat(m.marks()).extracting(MapMark::id).containsExactly("U-1", "U-2");
        assertThat(m.drawn().count("units")).isEqualTo(2);
        // off the map: it stays selected where it was last drawn
        assertThat(m.drawn(frame(mark("U-1", 0, 0)), false)).isNull();
        assertThat(m.selected()).isSameAs(moved);
        assertThat(m.baseFrames()).isEqualTo(1);
    }
}
