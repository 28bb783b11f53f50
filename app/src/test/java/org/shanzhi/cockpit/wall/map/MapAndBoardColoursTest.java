package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.part;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.dispatch.IncidentsWidget;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.layer.MapMark;

/**
 * A case of each severity has one colour and one word on the wall: the map's diamond and details and the dispatch
 * board's badge agree.
 */
class MapAndBoardColoursTest extends MapFxTest {

    /** One open case of each severity, side by side in the middle of the district. */
    static Situation aCaseOfEachSeverity() {
        List<Event> cases = new ArrayList<>();
        int k = 0;
        for (Incident.Severity s : Incident.Severity.values()) {
            GeoPoint at = new GeoPoint(116.3895 + 0.0008 * k++, 39.8170);
            cases.add(new Event.IncidentOpened("INC-" + s, "井盖缺失", "井盖缺失", Incident.Source.INSPECTOR, s, null, at,
                    null, null));
        }
        return Fixtures.with(Fixtures.district(), cases.toArray(Event[]::new));
    }

    @Test
    void eachSeverityIsTheSameColourOnTheMapAndOnTheDispatchBoard() throws Exception {
        Situation s = aCaseOfEachSeverity();
        Map<Incident.Severity, Color> onTheMap = mapColours(s);
        Map<Incident.Severity, Color> onTheBoard = boardColours(s);
        for (Incident.Severity sev : Incident.Severity.values()) {
            assertThat(close(onTheMap.get(sev), onTheBoard.get(sev)))
                    .as("%s: map %s, board %s", sev, onTheMap.get(sev), onTheBoard.get(sev)).isTrue();
            assertThat(onTheBoard.get(sev)).as(sev.name()).isEqualTo(StateStyle.severity(sev).colour());
        }
        // and the four are told apart
        assertThat(new HashSet<>(onTheBoard.values())).hasSize(4);
        assertThat(onTheBoard.get(Incident.Severity.CRITICAL)).isEqualTo(Theme.color(Theme.CRITICAL));
    }

    @Test
    void eachSeverityHasTheSameWordsOnTheMapAndOnTheDispatchBoard() throws Exception {
        Situation s = aCaseOfEachSeverity();
        IncidentsWidget board = WidgetHarness.mount(
                () -> new IncidentsWidget(WidgetHarness.placement(WidgetType.INCIDENTS, "{\"show\": \"open\"}")), 474, 1080);
        WidgetHarness.show(board, s);
        for (Incident.Severity sev : Incident.Severity.values()) {
            Node row = fx(() -> board.node().lookup("#INC-" + sev));
            Label badge = (Label) fx(() -> row.lookup(".dispatch-severity"));
            Incident i = s.incidents().get("INC-" + sev);
            MapDescriptions.Row onTheMap = MapDescriptions.details(
                    new MapMark(MapMark.Kind.INCIDENT, i.id(), 0, 0, 9, i), s).rows().stream()
                    .filter(r -> r.text().equals(I18n.t("map.details.severity", badge.getText())))
                    .findFirst().orElseThrow(() -> new AssertionError(sev + ": the map does not say " + badge.getText()));
            assertThat(onTheMap.state()).as(sev.name()).isEqualTo(StateStyle.severity(sev).state());
        }
    }

    /** The colour at the middle of each case's diamond, on a map with nothing else on (no base, cases only). */
    static Map<Incident.Severity, Color> mapColours(Situation s) throws Exception {
        MapWidget map = fx(() -> new MapWidget(MapWidgetTest.placement(
                "{\"layers\": [\"incidents\"], \"centre\": {\"lat\": 39.8170, \"lon\": 116.3907}, \"zoom\": 17}"),
                new WallContext(() -> null, "test"), CompletableFuture.completedFuture(BaseMap.EMPTY)));
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene((Parent) map.node(), 1280, 720);
            scene.getStylesheets().add(Theme.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        MapWidgetTest.show(map, s);
        Canvas canvas = part(map, "map-canvas", Canvas.class);
        BufferedImage img = SwingFXUtils.fromFXImage(fx(() -> canvas.snapshot(null, null)), null);
        Map<Incident.Severity, Color> out = new EnumMap<>(Incident.Severity.class);
        for (MapMark m : map.viewModel().marks()) {
            Incident i = (Incident) m.subject();
            int argb = img.getRGB((int) Math.round(m.x()), (int) Math.round(m.y()));
            out.put(i.severity(), Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
        }
        assertThat(out).hasSize(4);
        return out;
    }

    /** The colour of each case's severity badge on the dispatch board, as its stylesheet resolves it. */
    static Map<Incident.Severity, Color> boardColours(Situation s) throws Exception {
        IncidentsWidget board = WidgetHarness.mount(
                () -> new IncidentsWidget(WidgetHarness.placement(WidgetType.INCIDENTS, "{\"show\": \"open\"}")), 474, 1080);
        WidgetHarness.show(board, s);
        Map<Incident.Severity, Color> out = new EnumMap<>(Incident.Severity.class);
        for (Incident.Severity sev : Incident.Severity.values()) {
            Node row = fx(() -> board.node().lookup("#INC-" + sev));
            Label badge = (Label) fx(() -> row.lookup(".dispatch-severity"));
            out.put(sev, (Color) badge.getTextFill());
        }
        return out;
    }

    /** Equal but for the rounding of a colour to 8 bits a channel. */
    static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 1.5 / 255 && Math.abs(a.getGreen() - b.getGreen()) < 1.5 / 255
                && Math.abs(a.getBlue() - b.getBlue()) < 1.5 / 255;
    }
}
