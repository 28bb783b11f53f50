package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.domain.Fixtures.with;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.mount;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.part;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.show;

import java.awt.image.BufferedImage;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** A unit on a case is tied to it by a line. */
class MapTrailsTest extends MapFxTest {

    @Test
    void aDispatchedUnitIsTiedToItsCaseByALine() throws Exception {
        GeoPoint at = new GeoPoint(Fixtures.WEST.lon() + 0.004, Fixtures.WEST.lat() + 0.002);
        Situation waiting = with(Fixtures.district(),
                new Event.IncidentOpened("INC-1", "井盖缺失", "井盖缺失", Incident.Source.INSPECTOR, Incident.Severity.HIGH,
                        IncidentState.REPORTED, at, null, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.REGISTERED, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.PENDING_DISPATCH, null));
        String layers = "{\"layers\": [\"units\", \"incidents\"], \"centre\": {\"lat\": 39.816, \"lon\": 116.382}, "
                + "\"zoom\": 16}";
        MapWidget map = mount(layers, 1280, 720, waiting);
        assertThat(lineColourOnTheWay(map, at)).isZero();

        show(map, with(waiting, new Event.IncidentDispatched("INC-1", "U-1")));
        assertThat(lineColourOnTheWay(map, at)).isGreaterThan(10);
    }

    /** How many pixels between U-1 and the case have the colour of a busy unit. */
    static int lineColourOnTheWay(MapWidget map, GeoPoint to) throws Exception {
        Canvas canvas = part(map, "map-canvas", Canvas.class);
        BufferedImage img = SwingFXUtils.fromFXImage(fx(() -> canvas.snapshot(null, null)), null);
        MapProjection v = map.viewModel().view();
        double x0 = v.xOf(Fixtures.WEST.lon());
        double y0 = v.yOf(Fixtures.WEST.lat());
        double x1 = v.xOf(to.lon());
        double y1 = v.yOf(to.lat());
        Color busy = StateStyle.availability(UnitStatus.Availability.BUSY).colour();
        int found = 0;
        for (double f = 0.2; f <= 0.8; f += 0.01) {
            int argb = img.getRGB((int) Math.round(x0 + (x1 - x0) * f), (int) Math.round(y0 + (y1 - y0) * f));
            Color c = Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
            if (Math.abs(c.getRed() - busy.getRed()) + Math.abs(c.getGreen() - busy.getGreen())
                    + Math.abs(c.getBlue() - busy.getBlue()) < 0.15) {
                found++;
            }
        }
        return found;
    }
}
