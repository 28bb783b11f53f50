package org.shanzhi.cockpit.wall.map.layer;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a text is drawn in a font, measured once: labels are placed every frame. On the FX thread. */
final class TextWidths {

    private final Map<String, Double> widths = new HashMap<>();
    private final Text measure = new Text();

    double of(Font f, String text) {
        return widths.computeIfAbsent(f.getSize() + "|" + f.getStyle() + "|" + text, k -> {
            measure.setFont(f);
            measure.setText(text);
            return measure.getLayoutBounds().getWidth();
        });
    }
}
