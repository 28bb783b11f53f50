package org.shanzhi.cockpit.wall.map.layer;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a text is drawn in a font, measured once: labels are placed every frame. On the FX thread. */
final class TextWidths {

    private final Map<String, Double> widths = new HashMap<>();
    /** Made at the first measure: a map's layers exist before the toolkit is needed. */
    private Text measure;

    double of(Font f, String text) {
        return widths.computeIfAbsent(f.getSize() + "|" + f.getStyle() + "|" + text, k -> {
            if (measure == null) {
                measure = new Text();
            }
            measure.setFont(f);
            measure.setText(text);
            return measure.getLayoutBounds().getWidth();
        });
    }
}
