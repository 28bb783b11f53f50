package org.shanzhi.cockpit.wall.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which layers a layout switches on, and what a pointer finds among the layers' marks. No stage needed. */
class MapLayersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static MapLayer layer(String name, MapMark... marks) {
        MapLayer l = new MapLayer(name, Plane.LIVE) {
            @Override
            void paint(MapFrame f) {
            }
        };
        l.drew(List.of(marks));
        return l;
    }

    static MapMark mark(String id, double x, double y, double r) {
        return new MapMark(MapMark.Kind.CAMERA, id, x, y, r, id);
    }

    @Test
    void aLayoutSwitchesLayersOnByTheirNamesAndTheHeatOnlyWhenAsked() throws Exception {
        MapLayers layers = MapLayers.create(() -> { });
        assertThat(layers.switchesOn(JSON.readTree("{}"))).containsExactlyInAnyOrder(
                "communities", "grids", "cameras", "aiPoints", "sensors", "outages", "units", "incidents");
        assertThat(layers.switchesOn(JSON.readTree("{\"layers\": [\"units\", \"heat\", \"nonsense\"]}")))
                .containsExactlyInAnyOrder("units", "complaintHeat");
        assertThat(layers.switchesOn(JSON.readTree("{\"layers\": []}"))).isEmpty();
        assertThat(layers.switchesOn(JSON.readTree("{\"layers\": \"units\"}"))).as("not a list: the defaults")
                .contains("units").doesNotContain("complaintHeat");
    }

    @Test
    void thePointerFindsTheNearestMarkWithinTheSlopAndTheTopOneOnATie() {
        MapMark below = mark("below", 100, 100, 5);
        MapMark above = mark("above", 100, 100, 5);
        MapMark near = mark("near", 130, 100, 5);
        MapLayers layers = new MapLayers(List.of(layer("bottom", below, near), layer("top", above)));
        // inside both: the layer drawn later wins
        assertThat(layers.hit(101, 100, 5)).isSameAs(above);
        // nearer to the bottom layer's other mark: it wins though it is under
        assertThat(layers.hit(126, 100, 5)).isSameAs(near);
        // within the slop of an edge, and just beyond it
        assertThat(layers.hit(110, 100, 5)).isSameAs(above);
        assertThat(layers.hit(110.5, 100, 5)).isNull();
        // within a layer, the one drawn later wins a tie too
        MapMark first = mark("first", 50, 50, 5);
        MapMark second = mark("second", 50, 50, 5);
        assertThat(layer("one", first, second).hit(50, 50, 5).mark()).isSameAs(second);
    }
}
