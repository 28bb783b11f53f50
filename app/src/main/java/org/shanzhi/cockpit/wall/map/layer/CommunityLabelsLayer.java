package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.COMMUNITY;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT;

import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** The communities' names at their centres: the first labels placed, where nothing else stands. */
final class CommunityLabelsLayer extends MapLayer {

    CommunityLabelsLayer() {
        super("communityLabels", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(CommunitiesLayer.COMMUNITIES);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        g.setFont(COMMUNITY);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Community c : f.situation().communities().values()) {
            if (c.boundary() == null || c.name() == null) {
                continue;
            }
            GeoPoint centre = c.boundary().centroid();
            double x = p.xOf(centre.lon());
            double y = p.yOf(centre.lat());
            double tw = f.width(COMMUNITY, c.name());
            Bounds box = new BoundingBox(x - tw / 2 - 4, y - 12, tw + 8, 24);
            if (f.onScreen(x, y) && f.claim(box)) {
                f.halo(c.name(), x, y, TEXT);
                f.drew(1);
            }
        }
    }
}
