package org.shanzhi.cockpit.wall.dispatch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javafx.application.Platform;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * Where the AI saw it: the alert's detection boxes on a 16:9 frame of its camera. The hub keeps no image of the
 * alert's moment, so the boxes are drawn over the camera's picture as the hub serves it now (its first MJPEG frame,
 * read once per camera off the FX thread; marked as the present picture), or over an empty frame that says so when
 * the hub gives none (offline, not MJPEG, no hub).
 */
final class AlertPicture extends Region {

    private final Canvas canvas = new Canvas();
    /** Reads a camera's picture; completes with null when there is none (never exceptionally). */
    private final Function<Camera, CompletableFuture<Image>> stills;
    private List<AiAlert.Box> shown;
    private String cameraId;
    private Image still;

    AlertPicture(Function<Camera, CompletableFuture<Image>> stills) {
        this.stills = stills;
        getChildren().add(canvas);
        getStyleClass().add("incident-alert-picture");
        setMinSize(0, 0);
    }

    /** The alert's boxes over {@code camera}'s picture (null: no camera); the picture is asked for on a new camera. */
    void show(List<AiAlert.Box> boxes, Camera camera) {
        String id = camera == null ? null : camera.id();
        if (id != null && !id.equals(cameraId)) {
            cameraId = id;
            still = null;
            stills.apply(camera).thenAccept(img -> Platform.runLater(() -> {
                if (id.equals(cameraId)) {
                    still = img;
                    draw();
                }
            }));
        }
        if (!boxes.equals(shown)) {
            shown = boxes;
            draw();
        }
    }

    /** Whether the camera's picture is drawn under the boxes (tests). */
    boolean hasPicture() {
        return still != null;
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
        g.setFont(Font.font(14));
        if (still != null) {
            g.drawImage(still, 0, 0, w, h);
            g.setFill(Theme.token("-wall-text-dim"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(I18n.t("incident.alert.presentPicture"), w - 4, h - 4);
        } else {
            Color dim = Theme.token("-wall-text-dim");
            g.setFill(dim);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(I18n.t("incident.alert.noSnapshot"), w / 2, h / 2);
        }
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
