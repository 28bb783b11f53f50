package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.DETAIL_LABELS_FROM;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LABEL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LABEL_SMALL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.POI;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMap.Poi;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The landmarks' names beside their symbols ({@link PoisLayer}): the prominent ones always, the rest from
 * {@link MapStyle#DETAIL_LABELS_FROM}, each right of its symbol, else left, above or below, wherever it is free.
 */
final class PoiLabelsLayer extends MapLayer {

    PoiLabelsLayer() {
        super("poiLabels", Plane.LIVE);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Poi poi : f.base().pois()) {
            boolean prominent = PoisLayer.prominent(poi);
            if (!PoisLayer.visible(poi, p.zoom()) || !prominent && p.zoom() < DETAIL_LABELS_FROM - 0.5) {
                continue;
            }
            double x = p.screenX(poi.x());
            double y = p.screenY(poi.y());
            Font font = prominent ? LABEL : LABEL_SMALL;
            String text = BaseMap.shortName(poi.name());
            double tw = f.width(font, text);
            // right of the symbol, else left of it
            double[][] spots = {{x + 13, y}, {x - 13 - tw, y}, {x - tw / 2, y - 20}, {x - tw / 2, y + 20}};
            for (double[] spot : spots) {
                Bounds box = new BoundingBox(spot[0] - 2, spot[1] - 9, tw + 4, 18);
                if (f.onScreen(spot[0], spot[1]) && f.claim(box)) {
                    g.setFont(font);
                    f.halo(text, spot[0], spot[1], POI);
                    f.drew(1);
                    break;
                }
            }
        }
    }
}
