package org.shanzhi.cockpit.wall;

import javafx.scene.Node;

/**
 * Something a layout places on a screen: built once, then shown the wall's {@link WallFrame} on every pulse, on the
 * FX thread. {@code show} must be cheap when nothing it shows changed (most pulses bring the same situation) and
 * must never throw on missing data.
 */
public interface Widget {

    Node node();

    void show(WallFrame frame);
}
