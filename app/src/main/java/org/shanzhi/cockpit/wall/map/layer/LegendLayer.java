package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BORDER;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.SURFACE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.scene.canvas.GraphicsContext;

import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The legend in the bottom left corner: the rows of every layer shown, in their {@link MapLayer#legendOrder order}.
 * Left out on a map too small to spare the room.
 */
final class LegendLayer extends MapLayer {

    private static final double PAD = 10;
    private static final double MARGIN = 12;

    LegendLayer() {
        super("legend", Plane.LIVE);
    }

    @Override
    boolean shown(MapFrame f) {
        return f.view().height() >= 360 && f.view().width() >= 420;
    }

    @Override
    void paint(MapFrame f) {
        List<MapLayer> layers = new ArrayList<>();
        for (MapLayer l : f.layers()) {
            if (l.shown(f)) {
                layers.add(l);
            }
        }
        layers.sort(Comparator.comparingInt(MapLayer::legendOrder));
        List<LegendEntry> entries = new ArrayList<>();
        for (MapLayer l : layers) {
            entries.addAll(l.legend(f));
        }
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        double contentW = 40;
        double contentH = 0;
        for (LegendEntry e : entries) {
            contentW = Math.max(contentW, e.width(f));
            contentH += e.height();
        }
        double boxW = contentW + 2 * PAD;
        double boxH = contentH + 2 * PAD;
        double x0 = MARGIN;
        double y0 = p.height() - MARGIN - boxH;
        f.reserve(new BoundingBox(x0, y0, boxW, boxH));
        g.setGlobalAlpha(0.9);
        g.setFill(SURFACE);
        g.fillRoundRect(x0, y0, boxW, boxH, 8, 8);
        g.setGlobalAlpha(1);
        g.setStroke(BORDER);
        g.setLineWidth(1);
        g.strokeRoundRect(x0, y0, boxW, boxH, 8, 8);
        double y = y0 + PAD;
        for (LegendEntry e : entries) {
            e.draw(f, x0 + PAD, y);
            y += e.height();
        }
        f.drew(entries.size());
    }
}
