package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BOUNDARY;

import javafx.scene.canvas.GraphicsContext;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Community;

/** The communities' boundaries, dashed, over the land and the grids. */
final class BoundariesLayer extends MapLayer {

    private PMap<String, Community> drawn;

    BoundariesLayer() {
        super("boundaries", Plane.BASE);
    }

    @Override
    boolean changed(MapFrame f) {
        return f.situation().communities() != drawn;
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        drawn = f.situation().communities();
        g.setStroke(BOUNDARY);
        g.setLineWidth(1.6);
        g.setLineDashes(6, 4);
        for (Community c : drawn.values()) {
            if (c.boundary() != null) {
                f.path(c.boundary());
                g.stroke();
                f.drew(1);
            }
        }
        g.setLineDashes((double[]) null);
    }
}
