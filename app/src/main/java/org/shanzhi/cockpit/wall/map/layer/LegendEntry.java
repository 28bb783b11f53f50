package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LEGEND;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** One entry of the map's legend: a row (a symbol and its words) or a block of its own, such as the choropleth's scale. */
interface LegendEntry {

    /** The width it needs. */
    double width(MapFrame f);

    double height();

    /** Draws it with its top left corner at (x, y). */
    void draw(MapFrame f, double x, double y);

    /** A symbol drawn centred on (x, y), at most 28 pixels wide. */
    interface Symbol {
        void draw(GraphicsContext g, double x, double y);
    }

    static LegendEntry row(String text, Symbol symbol) {
        return new Row(text, symbol);
    }

    /** A symbol and its words on one line. */
    record Row(String text, Symbol symbol) implements LegendEntry {

        static final double HEIGHT = 22;

        @Override
        public double width(MapFrame f) {
            return 40 + f.width(LEGEND, text);
        }

        @Override
        public double height() {
            return HEIGHT;
        }

        @Override
        public void draw(MapFrame f, double x, double y) {
            GraphicsContext g = f.g();
            double cy = y + HEIGHT / 2;
            g.setTextBaseline(VPos.CENTER);
            symbol.draw(g, x + 14, cy);
            g.setFont(LEGEND);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(TEXT);
            g.fillText(text, x + 36, cy);
        }
    }
}
