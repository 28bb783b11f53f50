package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.cameras;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.marks;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.mount;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.part;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.popover;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.popoverTexts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.layer.MapMark;

/** The map and the other widgets of a wall: a camera's video opened from the map, the map centred by others. */
class MapLinksTest extends MapFxTest {

    static final String VIEW = "{\"centre\": {\"lat\": 39.8200, \"lon\": 116.3850}, \"zoom\": 18}";

    static Button openVideo(MapWidget map) throws Exception {
        return fx(() -> (Button) popover().getContentNode().lookup(".map-action"));
    }

    @Test
    void aCamerasOpenVideoButtonAsksTheVideoScreen() throws Exception {
        WallLinks links = new WallLinks();
        WallContext context = new WallContext(() -> null, "test", null, links);
        MapWidget map = mount("{\"centre\": {\"lat\": 39.827, \"lon\": 116.412}, \"zoom\": 18}", 960, 600, cameras(),
                context);
        MapMark alone = marks(map, MapMark.Kind.CAMERA).stream().filter(m -> m.id().equals("CAM-F")).findFirst()
                .orElseThrow();
        fx(() -> {
            map.click(alone.x(), alone.y());
            return null;
        });
        // no video widget on this wall yet: the popover says where the video can go instead
        fx(() -> {
            openVideo(map).fire();
            return null;
        });
        assertThat(popoverTexts()).contains("本布局没有视频屏,可把点位拖到视频窗口");

        List<String> opened = new ArrayList<>();
        links.onOpenCamera(opened::add);
        fx(() -> {
            openVideo(map).fire();
            return null;
        });
        assertThat(opened).containsExactly("CAM-F");
        assertThat(popoverTexts()).contains("CAM-F 已在视频屏打开");
    }

    @Test
    void focusFromAnotherWidgetFliesThereAndRingsThePlace() throws Exception {
        WallLinks links = new WallLinks();
        MapWidget map = mount("{\"zoom\": 14}", 1280, 720, cameras(), new WallContext(() -> null, "test", null, links));
        GeoPoint far = new GeoPoint(116.4150, 39.8290);
        assertThat(map.viewModel().view().xOf(far.lon())).isNotCloseTo(640, within(50.0));
        fx(() -> {
            links.focus(far);
            return null;
        });
        assertThat(part(map, "map-focus-ring", Circle.class).isVisible()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> map.viewModel().view().zoom() == MapViewModel.FOCUS_ZOOM));
        fx(() -> {
            map.drawNow();
            return null;
        });
        assertThat(map.viewModel().view().xOf(far.lon())).isCloseTo(640, within(0.5));
        assertThat(map.viewModel().view().yOf(far.lat())).isCloseTo(360, within(0.5));
        // the ring sits on the place
        assertThat(part(map, "map-focus-ring", Circle.class).getCenterX()).isCloseTo(640, within(0.5));
        assertThat(part(map, "map-focus-ring", Circle.class).getCenterY()).isCloseTo(360, within(0.5));
    }

    @Test
    void aCameraDraggedOffTheMapCarriesItsIdAndDoesNotPan() throws Exception {
        MapWidget map = mount(VIEW, 960, 600, cameras());
        // a video tile stand-in beside the map: it takes what the video widget takes
        List<Object> dropped = new ArrayList<>();
        Pane tile = new Pane();
        tile.setPrefSize(300, 600);
        tile.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(WallLinks.CAMERA)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        tile.setOnDragDropped(e -> {
            dropped.add(e.getDragboard().getContent(WallLinks.CAMERA));
            e.setDropCompleted(true);
        });
        FxToolkit.setupStage(stage -> {
            stage.setX(0);
            stage.setY(0);
            HBox both = new HBox((Region) map.node(), tile);
            ((Region) map.node()).setPrefSize(960, 600);
            stage.setScene(new Scene(both, 1260, 600));
            stage.show();
        });
        fx(() -> {
            ((Region) map.node()).layout();
            map.drawNow();
            return null;
        });
        MapProjection before = map.viewModel().view();
        MapMark cam = marks(map, MapMark.Kind.CAMERA).stream().filter(m -> m.id().equals("CAM-C")).findFirst()
                .orElseThrow();
        FxRobot robot = new FxRobot();
        robot.drag(fx(() -> part(map, "map-canvas", Canvas.class).localToScreen(cam.x(), cam.y()))).dropTo(
                fx(() -> tile.localToScreen(150, 300)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dropped).containsExactly("CAM-C");
        assertThat(map.viewModel().view()).isSameAs(before);
    }
}
