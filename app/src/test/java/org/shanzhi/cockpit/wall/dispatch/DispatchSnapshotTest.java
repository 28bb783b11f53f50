package org.shanzhi.cockpit.wall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.DispatchBoard;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Recommendations;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.RoadNetwork;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.VideoAlarms;
import org.shanzhi.cockpit.wall.StormDay;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.Vocabulary;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;
import org.shanzhi.cockpit.wall.video.VideoWidget;

/**
 * The dispatch board and the video grid on the evening of the storm (2026-05-30 20:00 Beijing) at the sizes they
 * have in wall-3x2 and duty-desk, rendered to app/target/dispatch/.
 */
class DispatchSnapshotTest {

    static Situation storm;
    /** The Heyi roads, read before anything is drawn so that the units recommended are ranked along them. */
    static RoadNetwork ROADS;

    @BeforeAll
    static void foldTheStormDay() throws Exception {
        WidgetHarness.start();
        ROADS = BaseMapLoader.shared().join().network();
        storm = StormDay.evening();
    }

    @Test
    void theStormEveningHasWorkForTheDesk() {
        assertThat(storm.time()).isEqualTo(StormDay.EIGHT_PM);
        List<DispatchBoard.DispatchCase> open = DispatchBoard.dispatchBoard(storm, storm.time(), DispatchBoard.CaseFilter.OPEN);
        assertThat(open).isNotEmpty();
        assertThat(DispatchBoard.unitCounts(storm).total()).isEqualTo(storm.units().size());
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            DispatchBoard.dispatchBoard(storm, storm.time(), DispatchBoard.CaseFilter.OPEN);
            DispatchBoard.unitCounts(storm);
            Recommendations.rank(storm, open.get(0).at(), open.get(0).category(), ROADS, storm.time(),
                    Recommendations.Rules.defaults());
            VideoAlarms.pendingAlerts(storm);
        }
        double ms = (System.nanoTime() - start) / 1e6 / 20;
        System.out.printf("dispatch figures on the storm evening (%d cases, %d units): %.2f ms%n",
                storm.incidents().size(), storm.units().size(), ms);
    }

    @Test
    void incidentsOnTheWall() throws Exception {
        render("wall-3x2", "video", WidgetType.INCIDENTS, "incidents-wall-3x2", IncidentsWidget::new);
    }

    @Test
    void incidentsOnTheDutyDesk() throws Exception {
        render("duty-desk", "dispatch", WidgetType.INCIDENTS, "incidents-duty-desk", IncidentsWidget::new);
    }

    @Test
    void videoOnTheWall() throws Exception {
        render("wall-3x2", "video", WidgetType.VIDEO, "video-wall-3x2", VideoWidget::new);
    }

    @Test
    void videoOnTheDutyDesk() throws Exception {
        render("duty-desk", "dispatch", WidgetType.VIDEO, "video-duty-desk", VideoWidget::new);
    }

    /** The storm evening with a crowd alert waiting for review on the last AI camera: it takes the first tile. */
    @Test
    void videoAlarmOnTheWall() throws Exception {
        Camera last = storm.cameras().values().stream().filter(Camera::ai).reduce((a, b) -> b).orElseThrow();
        Situation alarmed = storm.apply(new Recorded(storm.seq() + 1, StormDay.EIGHT_PM,
                new Event.AiAlertRaised("AL-SNAP", last.id(), "人群密度", "856", 0.87, null)));
        WidgetHarness.Sized at = WidgetHarness.shipped("wall-3x2", "video", WidgetType.VIDEO);
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(at.placement()), at.width(), at.height());
        WidgetHarness.show(w, alarmed);
        assertThat(w.cameraIds().get(0)).isEqualTo(last.id());
        BufferedImage img = WidgetHarness.png(w, Path.of("target", "dispatch", "video-wall-3x2-alarm.png"));
        assertThat(WidgetHarness.colours(img)).isGreaterThan(40);
    }

    @Test
    void sixteenCamerasOfACommunity() throws Exception {
        WidgetHarness.Sized wall = WidgetHarness.shipped("wall-3x2", "video", WidgetType.VIDEO);
        Placement p = WidgetHarness.placement(WidgetType.VIDEO, "{\"split\":16,\"group\":\"110106016005\"}");
        render(new WidgetHarness.Sized(p, wall.width(), wall.height()), "video-16-community", VideoWidget::new);
    }

    private static void render(String layout, String screen, WidgetType type, String name,
                               Function<Placement, Widget> make) throws Exception {
        render(WidgetHarness.shipped(layout, screen, type), name, make);
    }

    private static void render(WidgetHarness.Sized at, String name, Function<Placement, Widget> make) throws Exception {
        Widget w = WidgetHarness.mount(() -> make.apply(at.placement()), at.width(), at.height());
        WidgetHarness.show(w, storm);
        BufferedImage img = WidgetHarness.png(w, Path.of("target", "dispatch", name + ".png"));
        assertThat(img.getWidth()).isEqualTo((int) at.width());
        assertThat(img.getHeight()).isEqualTo((int) at.height());
        assertThat(WidgetHarness.colours(img)).as("distinct colours in %s", name).isGreaterThan(40);
        assertThat(WidgetHarness.texts(w.node())).as("texts of %s", name).noneMatch(t -> t.startsWith("!"));
        assertThat(Vocabulary.offencesShown(w.node())).as("developer words or old names in %s", name).isEmpty();
        List<String> clipped = WidgetHarness.clipped(w.node(), List.of(Theme.PANEL_TITLE, IncidentsWidget.SLA,
                IncidentsWidget.STATE, IncidentsWidget.COUNT_CAPTION, IncidentsWidget.NEAR_DISTANCE));
        assertThat(clipped).as("labels cut short in %s", name).isEmpty();
    }
}
