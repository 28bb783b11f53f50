package org.shanzhi.cockpit.wall;

import javafx.scene.Node;

import org.shanzhi.cockpit.domain.Situation;

/**
 * Something a layout places on a screen: built once, then shown the newest situation at most once
 * per pulse, on the FX thread. {@code show} must be cheap and must never throw on missing data.
 */
public interface Widget {

    Node node();

    void show(Situation situation);
}
