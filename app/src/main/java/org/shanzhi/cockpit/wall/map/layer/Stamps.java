package org.shanzhi.cockpit.wall.map.layer;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Symbols drawn once each into a small image and then copied where they go. In JavaFX's software pipeline a
 * small image is copied several times faster than the same circle or diamond is filled and stroked as a path, and
 * the live canvas draws over a thousand of them in every frame. On the FX thread.
 */
final class Stamps {

    /** Draws a symbol centred on (cx, cy). */
    interface Symbol {
        void draw(GraphicsContext g, double cx, double cy);
    }

    static final int MAX = 1024;

    private final Map<Object, Image> images = new HashMap<>();
    /** Made at the first stamp: a map's layers exist before the toolkit is needed. */
    private Canvas scratch;
    private SnapshotParameters transparent;

    /**
     * The image of the symbol named {@code key}, which reaches at most {@code reach} px from its centre; its centre is
     * at ({@link #side}(reach) / 2, the same). Drawn the first time a key is asked for.
     */
    Image of(Object key, double reach, Symbol symbol) {
        Image image = images.get(key);
        if (image == null) {
            // the clusters' counts make new keys as the cameras change: start again rather than keep them all
            if (images.size() >= MAX) {
                images.clear();
            }
            image = draw(reach, symbol);
            images.put(key, image);
        }
        return image;
    }

    /** The side of a stamp's square image: the symbol's reach on each side and a pixel for its antialiased edge. */
    static int side(double reach) {
        return 2 * (int) Math.ceil(reach + 1);
    }

    private Image draw(double reach, Symbol symbol) {
        if (scratch == null) {
            scratch = new Canvas();
            transparent = new SnapshotParameters();
            transparent.setFill(Color.TRANSPARENT);
        }
        int side = side(reach);
        scratch.setWidth(side);
        scratch.setHeight(side);
        GraphicsContext g = scratch.getGraphicsContext2D();
        g.clearRect(0, 0, side, side);
        g.save();
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        symbol.draw(g, side / 2.0, side / 2.0);
        g.restore();
        return scratch.snapshot(transparent, null);
    }
}
