package org.shanzhi.cockpit.wall.dispatch;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The case on a small map of its own: the case in its severity's colour at the centre, the units on its open orders
 * with a straight line to it, and the first unit recommended with a dashed one (routes along the roads come with
 * the road ranking). Drawn again only when what it shows or its size changed.
 */
final class CaseMap extends Region {

    /** A unit drawn: where, its name, and whether it is on an order (solid line) or only recommended (dashed). */
    record Unit(GeoPoint at, String name, boolean onOrder) {
    }

    /** What is drawn; equal when nothing changed. */
    record Picture(GeoPoint at, String severityState, List<Unit> units) {
    }

    /** At least this much ground around the case is shown, so a lone case does not fill the tile. */
    private static final double MIN_METRES = 300;
    private static final double PAD = 28;

    private static final Font FONT = Font.font(15);

    private final Canvas canvas = new Canvas();
    /** Measures the names drawn. */
    private final Text label = new Text();
    private Picture shown;

    CaseMap() {
        getChildren().add(canvas);
        label.setFont(FONT);
        getStyleClass().add("incident-map");
        setMinSize(0, 0);
    }

    void show(Picture p) {
        if (!p.equals(shown)) {
            shown = p;
            draw();
        }
    }

    /** How many units the last drawing holds (tests). */
    int unitsDrawn() {
        return shown == null ? 0 : shown.units().size();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Theme.token("-wall-map-land"));
        g.fillRect(0, 0, w, h);
        if (shown == null || shown.at() == null || w < 2 * PAD || h < 2 * PAD) {
            return;
        }
        GeoPoint c = shown.at();
        double cos = Math.cos(Math.toRadians(c.lat()));
        // metres east and north of the case; the scale fits every unit and at least MIN_METRES each way
        double reach = MIN_METRES;
        List<double[]> xy = new ArrayList<>();
        for (Unit u : shown.units()) {
            double dx = (u.at().lon() - c.lon()) * cos * 111_320;
            double dy = (u.at().lat() - c.lat()) * 110_540;
            xy.add(new double[] {dx, dy});
            reach = Math.max(reach, Math.max(Math.abs(dx), Math.abs(dy)));
        }
        double scale = Math.min(w / 2 - PAD, h / 2 - PAD) / reach;
        double cx = w / 2;
        double cy = h / 2;
        Color dim = Theme.token("-wall-text-dim");
        g.setFont(FONT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.CENTER);
        for (int k = 0; k < shown.units().size(); k++) {
            Unit u = shown.units().get(k);
            double x = cx + xy.get(k)[0] * scale;
            double y = cy - xy.get(k)[1] * scale;
            Color colour = u.onOrder() ? Theme.color(Theme.INFO) : Theme.color(Theme.OK);
            g.setStroke(colour);
            g.setLineWidth(2);
            g.setLineDashes(u.onOrder() ? null : new double[] {6, 5});
            g.strokeLine(x, y, cx, cy);
            g.setLineDashes((double[]) null);
            g.setFill(colour);
            g.fillOval(x - 6, y - 6, 12, 12);
            g.setFill(dim);
            // the name above the dot, kept inside the tile
            label.setText(u.name());
            double half = label.getLayoutBounds().getWidth() / 2;
            g.fillText(u.name(), Math.max(half + 2, Math.min(w - half - 2, x)), y - 8);
        }
        Color severity = shown.severityState() == null ? dim : Theme.color(shown.severityState());
        g.setStroke(severity);
        g.setLineWidth(3);
        g.strokeOval(cx - 13, cy - 13, 26, 26);
        g.setFill(severity);
        g.fillOval(cx - 7, cy - 7, 14, 14);
        // a scale bar of 100 m
        double bar = 100 * scale;
        g.setStroke(dim);
        g.setLineWidth(2);
        g.strokeLine(10, h - 10, 10 + bar, h - 10);
        g.setFill(dim);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(I18n.t("map.scale.m", 100), 14 + bar, h - 4);
    }
}
