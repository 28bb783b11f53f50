package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.DETAIL_LABELS_FROM;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.GLYPH;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.POI;

import javafx.geometry.BoundingBox;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.wall.map.geo.BaseMap.Poi;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The base's landmarks (station, offices, police, clinics, schools …) as a glyph in a rounded box, above the camera
 * clusters and under the units and cases; their names are {@link PoiLabelsLayer}'s.
 */
final class PoisLayer extends MapLayer {

    PoisLayer() {
        super("pois", Plane.LIVE);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(GLYPH);
        for (Poi poi : f.base().pois()) {
            if (!visible(poi, p.zoom())) {
                continue;
            }
            double x = p.screenX(poi.x());
            double y = p.screenY(poi.y());
            if (!f.onScreen(x, y)) {
                continue;
            }
            double r = prominent(poi) ? 10 : 8;
            g.setFill(BG);
            g.fillRoundRect(x - r, y - r, 2 * r, 2 * r, 6, 6);
            g.setStroke(POI);
            g.setLineWidth(1.5);
            g.strokeRoundRect(x - r, y - r, 2 * r, 2 * r, 6, 6);
            g.setFill(POI);
            g.fillText(glyph(poi.kind()), x, y + 0.5);
            f.mark(MapMark.Kind.POI, poi.id(), x, y, r, poi);
            f.reserve(new BoundingBox(x - r, y - r, 2 * r, 2 * r));
            f.drew(1);
        }
    }

    private static String glyph(String kind) {
        return switch (kind == null ? "" : kind) {
            case "metro_station" -> "铁";
            case "street_office" -> "★";
            case "police_station" -> "警";
            case "clinic" -> "医";
            case "school" -> "学";
            case "market" -> "市";
            case "switch_station" -> "电";
            default -> "·";
        };
    }

    /** The offices and the station always show their names; the rest from {@link MapStyle#DETAIL_LABELS_FROM}. */
    static boolean prominent(Poi poi) {
        return "street_office".equals(poi.kind()) || "metro_station".equals(poi.kind())
                || "police_station".equals(poi.kind());
    }

    static boolean visible(Poi poi, double zoom) {
        return !"switch_station".equals(poi.kind()) || zoom >= DETAIL_LABELS_FROM;
    }
}
