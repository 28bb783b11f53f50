package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.BASE;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.mount;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.part;

import java.time.Duration;
import java.util.List;

import javafx.event.ActionEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.map.MapSearch.Hit;
import org.shanzhi.cockpit.wall.map.MapSearch.Kind;

/** The search box finds cameras, units, communities and the base's places, and flies to the one chosen. */
class MapSearchTest extends MapFxTest {

    static final Situation DISTRICT = Fixtures.district();

    static List<Hit> find(String q) {
        return MapSearch.find(q, DISTRICT, BASE, 12);
    }

    @Test
    void findsByIdCodeAndNameExactMatchesFirst() {
        assertThat(find("cam-2")).extracting(Hit::id).containsExactly("CAM-2");
        assertThat(find("cam-2").get(0).label()).isEqualTo("视频 东门 · CAM-2");
        assertThat(find("东门")).extracting(Hit::kind, Hit::id).containsExactly(org.assertj.core.groups.Tuple.tuple(
                Kind.CAMERA, "CAM-2"));
        assertThat(find("网格员一")).extracting(Hit::id).containsExactly("U-1");
        assertThat(find("110106016002")).extracting(Hit::kind, Hit::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.COMMUNITY, "110106016002"));
        // the community's centre
        assertThat(find("东社区").get(0).at().lon()).isCloseTo(116.407, within(0.001));
        // "CAM" starts three ids: all of them, by id
        assertThat(find("CAM")).extracting(Hit::id).containsExactly("CAM-1", "CAM-2", "CAM-3");
        // the base: a place and a road (one hit for a road in several pieces), labels without "(示意)"
        assertThat(find("派出所")).extracting(Hit::kind, Hit::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.POI, "地点 和义派出所"));
        assertThat(find("南苑路")).extracting(Hit::kind).first().isEqualTo(Kind.ROAD);
        assertThat(find("南苑路").stream().filter(h -> h.kind() == Kind.ROAD)).hasSize(1);
        assertThat(find("西里中街")).extracting(Hit::label).contains("道路 西里中街");
        assertThat(find("不存在的地方")).isEmpty();
        assertThat(find("  ")).isEmpty();
    }

    @Test
    void enterFliesToTheBestHitAndNothingFoundSaysSo() throws Exception {
        MapWidget map = mount("{\"zoom\": 14}", 1280, 720, DISTRICT);
        fx(() -> {
            part(map, "map-search", TextField.class).setText("不存在的地方");
            part(map, "map-search", TextField.class).fireEvent(new ActionEvent());
            return null;
        });
        assertThat(part(map, "map-search-note", Label.class).isVisible()).isTrue();
        assertThat(part(map, "map-search-note", Label.class).getText()).isEqualTo("未找到“不存在的地方”");

        fx(() -> {
            part(map, "map-search", TextField.class).setText("cam-2");
            part(map, "map-search", TextField.class).fireEvent(new ActionEvent());
            return null;
        });
        assertThat(part(map, "map-search-note", Label.class).isVisible()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> map.viewModel().view().zoom() == 18));
        assertThat(map.viewModel().view().xOf(Fixtures.EAST.lon())).isCloseTo(640, within(0.5));
        assertThat(map.viewModel().view().yOf(Fixtures.EAST.lat())).isCloseTo(360, within(0.5));
        assertThat(part(map, "map-focus-ring", Circle.class).isVisible()).isTrue();
    }
}
