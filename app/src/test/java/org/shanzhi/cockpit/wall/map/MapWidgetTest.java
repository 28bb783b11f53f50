package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.controlsfx.control.PopOver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.District;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.hub.sim.TimedEvent;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters.Cluster;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.layer.MapMark;
import org.shanzhi.cockpit.wall.map.layer.MapStyle;

/** The map on the headless stage: clusters, hit-testing, layer toggles, and a storm evening to look at. */
class MapWidgetTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant EIGHT_PM = OffsetDateTime.of(2026, 5, 30, 20, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    static final BaseMap BASE = BaseMapLoader.loadDefault();

    // three cameras on one corner (one offline), two on another (one AI), one alone far away
    static final GeoPoint CORNER = new GeoPoint(116.3850, 39.8200);
    static final GeoPoint GATE = new GeoPoint(116.3950, 39.8100);
    static final GeoPoint ALONE = new GeoPoint(116.4120, 39.8270);

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static Situation cameras() {
        List<Event> e = new ArrayList<>();
        e.add(new Event.DistrictDefined(new District("110106016", "和义街道", 48000, 6.78, Fixtures.BOUNDS)));
        e.add(cam("CAM-A", "西里一区北门", near(CORNER, 0), false, true));
        e.add(cam("CAM-B", "西里一区北门东", near(CORNER, 1), false, true));
        e.add(cam("CAM-C", "西里一区北门西", near(CORNER, 2), false, false));
        e.add(cam("CAM-D", "南苑北里南门", near(GATE, 0), true, true));
        e.add(cam("CAM-E", "南苑北里南门东", near(GATE, 1), false, true));
        e.add(cam("CAM-F", "久敬庄路口", ALONE, false, true));
        return Fixtures.fold(Situation.empty(), e);
    }

    static GeoPoint near(GeoPoint p, int k) {
        return new GeoPoint(p.lon() + k * 0.00002, p.lat() + k * 0.00001);
    }

    static Event cam(String id, String name, GeoPoint at, boolean ai, boolean online) {
        return new Event.CameraRegistered(new Camera(id, name, at, null, ai, online, "/video/" + id + ".mjpg"));
    }

    static Placement placement(String options) throws Exception {
        JsonNode node = JSON.readTree(options);
        return new Placement(WidgetType.MAP, 1, 1, 1, 1, node);
    }

    static MapWidget mount(String options, double w, double h, Situation s) throws Exception {
        return mount(options, w, h, s, new WallContext(() -> null, "test"));
    }

    static MapWidget mount(String options, double w, double h, Situation s, WallContext context) throws Exception {
        MapWidget map = fx(() -> new MapWidget(placement(options), context, CompletableFuture.completedFuture(BASE)));
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene((javafx.scene.Parent) map.node(), w, h);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        show(map, s);
        return map;
    }

    static void show(MapWidget map, Situation s) throws Exception {
        fx(() -> {
            map.show(WallFrame.of(s));
            map.node().applyCss();
            ((javafx.scene.Parent) map.node()).layout();
            map.drawNow();
            return null;
        });
        settle(map);
    }

    /** Draws until a frame shows the clusters and heat of its own view, computed on the map's worker thread. */
    static void settle(MapWidget map) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> {
            map.drawNow();
            return map.viewModel().drawn().settled();
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Popovers and suggestion lists left open would take later robot clicks aimed at the shared stage. */
    @AfterEach
    void popups() throws Exception {
        closePopups();
    }

    static void closePopups() throws Exception {
        fx(() -> {
            new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow).forEach(Window::hide);
            return null;
        });
    }

    /** Runs on the FX thread and waits for the result (at once when already on it). */
    static <T> T fx(Callable<T> c) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return c.call();
        }
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** A part of the map (the canvases, the tooltip, the search box …) by its style class. */
    static <T extends Node> T part(MapWidget map, String styleClass, Class<T> type) throws Exception {
        return fx(() -> type.cast(map.node().lookup("." + styleClass)));
    }

    /** The details popover on screen, or null. */
    static PopOver popover() throws Exception {
        return fx(() -> Window.getWindows().stream().filter(w -> w instanceof PopOver && w.isShowing())
                .map(w -> (PopOver) w).findFirst().orElse(null));
    }

    static List<MapMark> marks(MapWidget map, MapMark.Kind kind) {
        return map.viewModel().marks().stream().filter(m -> m.kind() == kind).toList();
    }

    @Test
    void camerasClusterWithTheirCountAndWorstState() throws Exception {
        MapWidget map = mount("{\"centre\": {\"lat\": 39.817, \"lon\": 116.3955}, \"zoom\": 14}", 960, 600, cameras());
        assertThat(map.viewModel().view().zoom()).isEqualTo(14);
        List<Cluster> clusters = marks(map, MapMark.Kind.CLUSTER).stream().map(m -> (Cluster) m.subject()).toList();
        Map<Integer, CameraClusters.State> byCount = clusters.stream()
                .collect(Collectors.toMap(Cluster::count, Cluster::worst));
        assertThat(byCount).containsExactlyInAnyOrderEntriesOf(Map.of(
                3, CameraClusters.State.OFFLINE,
                2, CameraClusters.State.AI));
        assertThat(marks(map, MapMark.Kind.CAMERA)).extracting(MapMark::id).containsExactly("CAM-F");
        // the colours drawn are the theme's
        assertThat(MapStyle.camera(CameraClusters.State.OFFLINE)).isEqualTo(Theme.color(Theme.STALE));

        // a new situation with the same cameras keeps the clusters
        show(map, cameras());
        assertThat(marks(map, MapMark.Kind.CLUSTER)).hasSize(2);
    }

    @Test
    void clustersAreCachedPerZoomStepAndCountEveryCamera() {
        Situation s = cameras();
        CameraClusters c = new CameraClusters();
        List<Cluster> a = c.at(s.cameras(), true, true, 14.1);
        assertThat(c.at(s.cameras(), true, true, 14.4)).isSameAs(a);
        assertThat(a.stream().mapToInt(Cluster::count).sum()).isEqualTo(6);
        assertThat(a).hasSize(3);
        // a step further in, the cells are four times smaller: new clusters, still every camera
        List<Cluster> b = c.at(s.cameras(), true, true, 16.6);
        assertThat(b).isNotSameAs(a);
        assertThat(b.stream().mapToInt(Cluster::count).sum()).isEqualTo(6);
        // only the AI points
        assertThat(c.at(s.cameras(), false, true, 14).stream().mapToInt(Cluster::count).sum()).isEqualTo(1);
    }

    @Test
    void clickingACameraShowsItsDetailsAndClickingAClusterZoomsIn() throws Exception {
        MapWidget map = mount("{\"centre\": {\"lat\": 39.817, \"lon\": 116.3955}, \"zoom\": 14}", 960, 600, cameras());
        FxRobot robot = new FxRobot();

        MapMark alone = marks(map, MapMark.Kind.CAMERA).get(0);
        robot.clickOn(screen(map, alone.x() + 2, alone.y() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.viewModel().selected()).isNotNull();
        assertThat(map.viewModel().selected().id()).isEqualTo("CAM-F");
        assertThat(popover()).isNotNull();
        assertThat(popoverTexts()).contains("久敬庄路口");

        // hover names the nearest thing
        fx(() -> {
            map.hover(alone.x() + 4, alone.y());
            return null;
        });
        assertThat(part(map, "map-tooltip", Label.class).isVisible()).isTrue();
        assertThat(part(map, "map-tooltip", Label.class).getText()).startsWith("久敬庄路口");

        MapMark cluster = marks(map, MapMark.Kind.CLUSTER).stream()
                .filter(m -> ((Cluster) m.subject()).count() == 3).findFirst().orElseThrow();
        robot.clickOn(screen(map, cluster.x(), cluster.y()));
        WaitForAsyncUtils.waitForFxEvents();
        settle(map);
        assertThat(map.viewModel().view().zoom()).isEqualTo(16);
        assertThat(map.viewModel().selected()).isNull();
        // the cluster is now the middle of the view
        assertThat(cluster.subject()).isInstanceOf(Cluster.class);
        Cluster c = (Cluster) cluster.subject();
        assertThat(map.viewModel().view().screenX(c.x())).isCloseTo(480, org.assertj.core.api.Assertions.within(0.01));

        // once more: at 18 the cameras stand alone and CAM-C can be picked
        robot.clickOn(screen(map, 480, 300));
        WaitForAsyncUtils.waitForFxEvents();
        settle(map);
        assertThat(map.viewModel().view().zoom()).isEqualTo(18);
        MapMark offline = marks(map, MapMark.Kind.CAMERA).stream().filter(m -> m.id().equals("CAM-C")).findFirst()
                .orElseThrow();
        fx(() -> {
            map.click(offline.x(), offline.y());
            return null;
        });
        assertThat(popoverTexts()).contains("西里一区北门西", "状态 离线");
    }

    @Test
    void panningShiftsTheBaseLayerAndDrawsItAgainOnlyBeyondItsMargin() throws Exception {
        Situation storm = org.shanzhi.cockpit.wall.StormDay.evening();
        MapWidget map = mount("{}", 1280, 720, storm);
        long drawn = map.viewModel().baseFrames();
        Canvas base = part(map, "map-base", Canvas.class);
        double x0 = base.getLayoutX();
        assertThat(base.getWidth()).isEqualTo(1280 + 2 * MapWidget.BASE_MARGIN);

        pan(map, 40, -30);
        assertThat(map.viewModel().baseFrames()).isEqualTo(drawn);
        assertThat(base.getLayoutX()).isCloseTo(x0 + 40, org.assertj.core.api.Assertions.within(0.01));
        // a new situation with the same communities and cases per community keeps it too
        show(map, storm);
        assertThat(map.viewModel().baseFrames()).isEqualTo(drawn);

        pan(map, MapWidget.BASE_MARGIN, 0);
        assertThat(map.viewModel().baseFrames()).isEqualTo(drawn + 1);
        assertThat(base.getLayoutX()).isCloseTo(-MapWidget.BASE_MARGIN, org.assertj.core.api.Assertions.within(0.01));

        // a zoom scales the base while it goes on, and draws it again once it rests
        fx(() -> {
            map.viewModel().moveTo(map.viewModel().view().zoomedAt(640, 360, map.viewModel().view().zoom() + 0.1));
            map.drawNow();
            return null;
        });
        assertThat(map.viewModel().baseFrames()).isEqualTo(drawn + 1);
        assertThat(base.getLocalToParentTransform().getMxx()).isCloseTo(Math.pow(2, 0.1),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(fx(() -> map.viewModel().drawn().settled())).isFalse();
        settle(map);
        assertThat(map.viewModel().baseFrames()).isEqualTo(drawn + 2);
        assertThat(base.getLocalToParentTransform().getMxx()).isEqualTo(1);
    }

    @Test
    void theHeatIsHiddenWhileAZoomScalesTheStillCanvasesAndShownWhenItRests() throws Exception {
        MapWidget map = mount("{\"layers\": [\"communities\", \"complaintHeat\"]}", 1280, 720,
                org.shanzhi.cockpit.wall.StormDay.evening());
        Canvas heat = part(map, "map-heat", Canvas.class);
        Canvas base = part(map, "map-base", Canvas.class);
        assertThat(heat.isVisible()).isTrue();

        fx(() -> {
            map.viewModel().moveTo(map.viewModel().view().zoomedAt(640, 360, map.viewModel().view().zoom() + 0.3));
            map.drawNow();
            return null;
        });
        assertThat(base.getLocalToParentTransform().getMxx()).isGreaterThan(1);
        assertThat(base.isVisible()).isTrue();
        assertThat(heat.isVisible()).isFalse();
        png(map, Path.of("target", "map", "map-zooming.png"));

        settle(map);
        assertThat(heat.getLocalToParentTransform().getMxx()).isEqualTo(1);
        assertThat(heat.isVisible()).isTrue();
        png(map, Path.of("target", "map", "map-zoomed.png"));
    }

    static void pan(MapWidget map, double dx, double dy) throws Exception {
        fx(() -> {
            map.viewModel().moveTo(map.viewModel().view().panned(dx, dy));
            map.drawNow();
            return null;
        });
    }

    @Test
    void layersFollowTheLayoutOptions() throws Exception {
        Situation storm = org.shanzhi.cockpit.wall.StormDay.evening();
        MapWidget without = mount("{\"layers\": [\"communities\", \"units\", \"incidents\"]}", 1280, 720, storm);
        assertThat(marks(without, MapMark.Kind.CAMERA)).isEmpty();
        assertThat(marks(without, MapMark.Kind.CLUSTER)).isEmpty();
        assertThat(marks(without, MapMark.Kind.SENSOR)).isEmpty();
        assertThat(marks(without, MapMark.Kind.UNIT)).isNotEmpty();
        assertThat(marks(without, MapMark.Kind.INCIDENT)).isNotEmpty();

        MapWidget aiOnly = mount("{\"layers\": [\"aiPoints\"]}", 1280, 720, storm);
        Set<Boolean> ai = new HashSet<>();
        int cameras = 0;
        for (MapMark m : aiOnly.viewModel().marks()) {
            if (m.subject() instanceof Camera c) {
                ai.add(c.ai());
                cameras++;
            } else if (m.subject() instanceof Cluster c) {
                ai.add(c.ai() == c.count());
                cameras += c.count();
            }
        }
        assertThat(ai).containsExactly(true);
        assertThat(cameras).isEqualTo((int) storm.cameras().values().stream().filter(Camera::ai).count());
        assertThat(marks(aiOnly, MapMark.Kind.UNIT)).isEmpty();

        MapWidget all = mount("{}", 1280, 720, storm);
        int drawn = 0;
        for (MapMark m : all.viewModel().marks()) {
            drawn += m.subject() instanceof Cluster c ? c.count() : m.kind() == MapMark.Kind.CAMERA ? 1 : 0;
        }
        assertThat(drawn).isEqualTo(storm.cameras().size());
    }

    @Test
    void aStormEveningAt1920x1000() throws Exception {
        Situation storm = org.shanzhi.cockpit.wall.StormDay.evening();
        assertThat(storm.time()).isEqualTo(EIGHT_PM);
        MapWidget map = mount("{\"layers\": [\"communities\", \"grids\", \"cameras\", \"aiPoints\", \"sensors\", "
                + "\"outages\", \"units\", \"incidents\", \"complaintHeat\"]}", 1920, 1000, storm);
        BufferedImage img = png(map, Path.of("target", "map", "map.png"));
        assertThat(img.getWidth()).isEqualTo(1920);
        assertThat(img.getHeight()).isEqualTo(1000);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        System.out.printf("storm evening: %s; %d marks; drawn %s%n", map.viewModel().view(),
                map.viewModel().marks().size(), map.viewModel().drawn().counts());
        // the 东三 outage, building by building, each named with its supply on hover
        List<MapMark> buildings = marks(map, MapMark.Kind.BUILDING);
        assertThat(buildings).hasSize(27);
        List<String> tips = new ArrayList<>(); // the line case's mark lies over some of them
        for (MapMark building : buildings) {
            tips.add(fx(() -> {
                map.hover(building.x(), building.y());
                return part(map, "map-tooltip", Label.class).getText();
            }));
        }
        assertThat(tips).anySatisfy(t -> assertThat(t).startsWith("110106016008-")
                .containsAnyOf("停电停网", "供电未供网", "供电供网"));

        // a closer look, as an operator would zoom into the east
        fx(() -> {
            map.click(-1, -1);
            return null;
        });
        MapWidget close = mount("{\"centre\": {\"lat\": 39.8150, \"lon\": 116.4040}, \"zoom\": 17}", 1920, 1000, storm);
        png(close, Path.of("target", "map", "map-z17.png"));
    }

    /** Every layer of the map, by the name it counts what it drew under. */
    static final List<String> LAYERS = List.of("tiles", "communities", "grids", "boundaries", "roads", "overlay",
            "heat", "gridCases", "outages", "sensors", "cameras", "pois", "disputes", "petitions", "intel", "trails",
            "dispatch", "units", "cases", "selection", "legend", "scale", "communityLabels", "poiLabels", "roadLabels");

    @Test
    void onAStormEveningWithEverythingOnEveryLayerDraws(@TempDir Path dir) throws Exception {
        Situation storm = org.shanzhi.cockpit.wall.StormDay.evening();
        Bounds b = storm.district().bounds();
        double midLon = (b.west() + b.east()) / 2;
        double midLat = (b.south() + b.north()) / 2;
        Path overlay = Files.writeString(dir.resolve("pipes.geojson"), String.format(Locale.ROOT,
                "{\"type\":\"FeatureCollection\",\"features\":["
                        + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\","
                        + "\"coordinates\":[[%f,%f],[%f,%f]]}},"
                        + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%f,%f]}}]}",
                b.west(), midLat, b.east(), midLat, midLon, midLat));
        // raster tiles over the district at zoom 15: drawn as they are there, and as parents closer in
        byte[] png = MapTilesTest.png();
        int n = 1 << 15;
        int x0 = (int) (MapProjection.worldX(b.west()) * n) - 1;
        int x1 = (int) (MapProjection.worldX(b.east()) * n) + 1;
        int y0 = (int) (MapProjection.worldY(b.north()) * n) - 1;
        int y1 = (int) (MapProjection.worldY(b.south()) * n) + 1;
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                Path tile = dir.resolve("tiles/15/" + x + "/" + y + ".png");
                Files.createDirectories(tile.getParent());
                Files.write(tile, png);
            }
        }
        MapWidget map = mount("{\"layers\": [\"communities\", \"grids\", \"cameras\", \"aiPoints\", \"sensors\", "
                + "\"outages\", \"units\", \"incidents\", \"complaintHeat\", \"gridCases\", \"disputes\", "
                + "\"petitions\", \"intel\"], \"overlay\": " + JSON.writeValueAsString(overlay.toString())
                + ", \"tiles\": {\"dir\": " + JSON.writeValueAsString(dir.resolve("tiles").toString()) + "}}",
                1920, 1080, storm);
        // the units walk a few steps (their trails), and a case is clicked (its ring)
        List<Event> steps = new ArrayList<>();
        storm.units().values().stream().filter(u -> u.at() != null).limit(20).forEach(u -> steps.add(
                new Event.UnitMoved(u.id(), new GeoPoint(u.at().lon() + 0.0003, u.at().lat()), 90)));
        Situation walked = storm;
        for (Event e : steps) { // at the evening's own time: the layers of the last hours keep what they show
            walked = walked.apply(new Recorded(walked.seq() + 1, storm.time(), e));
        }
        show(map, walked);
        MapMark open = marks(map, MapMark.Kind.INCIDENT).get(0);
        fx(() -> {
            map.click(open.x(), open.y());
            return null;
        });

        // the district, then closer in (grids, cameras one by one); the overlay and tiles are read in the background
        Set<String> drew = new TreeSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> {
            map.drawNow();
            map.viewModel().drawn().counts().forEach((layer, count) -> {
                if (count > 0) {
                    drew.add(layer);
                }
            });
            return drew.containsAll(List.of("tiles", "overlay", "selection"));
        }));
        fx(() -> {
            map.viewModel().zoomAt(960, 540, 17.5 - map.viewModel().view().zoom());
            return null;
        });
        settle(map);
        map.viewModel().drawn().counts().forEach((layer, count) -> {
            if (count > 0) {
                drew.add(layer);
            }
        });
        assertThat(drew).containsAll(LAYERS);
    }

    static Point2D screen(MapWidget map, double x, double y) throws Exception {
        return fx(() -> part(map, "map-canvas", Canvas.class).localToScreen(x, y));
    }

    /** The texts of the details popover on screen. */
    static List<String> popoverTexts() throws Exception {
        return fx(() -> WidgetHarness.texts(popover().getContentNode()));
    }

    static BufferedImage png(MapWidget map, Path file) throws Exception {
        WritableImage fxImage = fx(() -> map.node().snapshot(null, null));
        BufferedImage img = SwingFXUtils.fromFXImage(fxImage, null);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return img;
    }

}
