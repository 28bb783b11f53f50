package org.shanzhi.cockpit.wall.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.transform.Scale;

import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.layer.MapContent;
import org.shanzhi.cockpit.wall.map.layer.MapLayers;
import org.shanzhi.cockpit.wall.map.layer.Plane;

/**
 * The canvas of one still plane (the base, the heat): drawn in a projection of its own, larger than the map, and shown
 * moved and scaled to the view; only while the view pans within its margin or zooms is it moved and scaled rather
 * than drawn again. FX thread.
 */
final class StillCanvas {

    private final Plane plane;
    private final Canvas canvas = new Canvas();
    private final Scale scale = new Scale(1, 1, 0, 0);
    /** Whether it is hidden while scaled (the heat), so that a zoom frame interpolates one plane, not two. */
    private final boolean hiddenWhileScaled;
    /** Whether its last drawing left anything on it. */
    private boolean drawnSomething;
    /** The projection it was drawn in; null before the first time. */
    private MapProjection drawnIn;

    StillCanvas(Plane plane, String styleClass, boolean hiddenWhileScaled) {
        this.plane = plane;
        this.hiddenWhileScaled = hiddenWhileScaled;
        canvas.getStyleClass().add(styleClass);
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        canvas.getTransforms().add(scale);
    }

    Canvas canvas() {
        return canvas;
    }

    /** Whether it must be drawn again to show {@code still}, the projection the view wants its still planes in. */
    boolean stale(MapLayers layers, MapProjection still, MapContent content) {
        return layers.stale(plane, still, content);
    }

    /** Draws it in {@code still}; true when what it drew is final. */
    boolean paint(MapLayers layers, MapProjection still, MapContent content) {
        if (canvas.getWidth() != still.width() || canvas.getHeight() != still.height()) {
            canvas.setWidth(still.width());
            canvas.setHeight(still.height());
        }
        boolean settled = layers.paintStill(plane, canvas.getGraphicsContext2D(), still, content);
        drawnIn = still;
        drawnSomething = layers.drewAnything(plane);
        return settled;
    }

    /** Moves and scales it so that what it holds lies where the view shows the same place. */
    void place(MapProjection view) {
        if (drawnIn == null) {
            return;
        }
        double s = view.scale() / drawnIn.scale();
        scale.setX(s);
        scale.setY(s);
        // an empty canvas, the heat's with the heat off, costs the renderer its whole area in every frame; a scaled one
        // is interpolated pixel by pixel by the software pipeline
        canvas.setVisible(drawnSomething && (s == 1 || !hiddenWhileScaled));
        double x = view.screenX(drawnIn.worldXAt(0));
        double y = view.screenY(drawnIn.worldYAt(0));
        if (s == 1) {
            // whole pixels: the software pipeline copies a canvas so placed, where it interpolates every pixel of one
            // placed between them (what most of a panning frame cost)
            x = Math.round(x);
            y = Math.round(y);
        }
        canvas.relocate(x, y);
    }
}
