package org.shanzhi.cockpit.wall.dispatch;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * Where the AI saw it: the alert's detection boxes on a 16:9 frame of its camera. The hub keeps no snapshot image
 * of an alert, so the frame is drawn empty and says so; the boxes are where the analysis put them.
 */
final class AlertPicture extends Region {

    private final Canvas canvas = new Canvas();
    private List<AiAlert.Box> shown;

    AlertPicture() {
        getChildren().add(canvas);
        getStyleClass().add("incident-alert-picture");
        setMinSize(0, 0);
    }

    void show(List<AiAlert.Box> boxes) {
        if (!boxes.equals(shown)) {
            shown = boxes;
            draw();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return width * 9 / 16;
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
        g.setFill(Theme.token("-wall-surface-raised"));
        g.fillRect(0, 0, w, h);
        Color dim = Theme.token("-wall-text-dim");
        g.setFill(dim);
        g.setFont(Font.font(14));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(I18n.t("incident.alert.noSnapshot"), w / 2, h / 2);
        if (shown == null) {
            return;
        }
        Color box = Theme.token("-wall-map-ai");
        g.setStroke(box);
        g.setLineWidth(2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (AiAlert.Box b : shown) {
            g.strokeRect(b.x() * w, b.y() * h, b.w() * w, b.h() * h);
            if (b.label() != null) {
                g.setFill(box);
                g.fillText(b.label(), b.x() * w + 2, b.y() * h - 2);
            }
        }
    }
}
