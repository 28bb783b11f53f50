package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;

import java.time.Instant;
import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.TimeWindows;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The buildings of each outage, open or fully restored today, as small blocks coloured by their supply: 停电停网
 * (red), 供电未供网 (amber), 供电供网 (green), over the camera clusters and landmarks and under the units and cases.
 * A block is about a building's size (40 × 16 m) and never smaller than 10 × 6 pixels.
 */
final class OutagesLayer extends MapLayer {

    static final LayerSwitch OUTAGES = LayerSwitch.of("outages");
    static final Color DARK = Theme.color(Theme.CRITICAL);
    static final Color POWER = Theme.color(Theme.WARNING);
    static final Color RESTORED = Theme.color(Theme.OK);
    private static final double WIDTH_M = 40;
    private static final double DEPTH_M = 16;
    private static final double METRES_PER_DEGREE_LAT = 111_320;

    OutagesLayer() {
        super("outages", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(OUTAGES);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        Instant dayStart = TimeWindows.today(f.situation().time()).from();
        for (Outage o : f.situation().outages().values()) {
            if (!shown(o, dayStart)) {
                continue;
            }
            for (Outage.Building b : o.affected()) {
                double x = p.xOf(b.at().lon());
                double y = p.yOf(b.at().lat());
                if (!f.onScreen(x, y)) {
                    continue;
                }
                double pxPerM = Math.abs(p.yOf(b.at().lat() + 1 / METRES_PER_DEGREE_LAT) - y);
                double w = Math.max(10, WIDTH_M * pxPerM);
                double h = Math.max(6, DEPTH_M * pxPerM);
                g.setFill(colour(b.supply()));
                g.fillRect(x - w / 2, y - h / 2, w, h);
                g.setStroke(BG);
                g.setLineWidth(1);
                g.strokeRect(x - w / 2, y - h / 2, w, h);
                f.mark(MapMark.Kind.BUILDING, b.id(), x, y, w / 2, b);
                f.drew(1);
            }
        }
    }

    /** Open, or fully restored today: a restored outage stays on the map, green, for the rest of the day. */
    private static boolean shown(Outage o, Instant dayStart) {
        return o.open() || !o.restoredAt().isBefore(dayStart);
    }

    static Color colour(Outage.Supply s) {
        return switch (s) {
            case DARK -> DARK;
            case POWER -> POWER;
            case POWER_AND_NETWORK -> RESTORED;
        };
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        Instant dayStart = TimeWindows.today(f.situation().time()).from();
        if (f.situation().outages().values().stream().noneMatch(o -> shown(o, dayStart))) {
            return List.of();
        }
        return List.of(row("map.legend.outage.dark", DARK), row("map.legend.outage.power", POWER),
                row("map.legend.outage.restored", RESTORED));
    }

    private static LegendEntry row(String key, Color c) {
        return LegendEntry.row(I18n.t(key), (g, x, y) -> {
            g.setFill(c);
            g.fillRect(x - 9, y - 4, 16, 8);
        });
    }

    @Override
    int legendOrder() {
        return 25;
    }
}
