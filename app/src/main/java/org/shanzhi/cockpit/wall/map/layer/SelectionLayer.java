package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT;

import javafx.scene.canvas.GraphicsContext;

/** A ring around the mark whose details are open, where it is drawn in this frame. */
final class SelectionLayer extends MapLayer {

    SelectionLayer() {
        super("selection", Plane.LIVE);
    }

    @Override
    boolean shown(MapFrame f) {
        return f.selected() != null;
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        for (MapMark m : f.marks()) {
            if (m.id().equals(f.selected().id())) {
                g.setStroke(TEXT);
                g.setLineWidth(2.5);
                g.strokeOval(m.x() - m.radius() - 5, m.y() - m.radius() - 5, 2 * m.radius() + 10,
                        2 * m.radius() + 10);
                f.drew(1);
            }
        }
    }
}
