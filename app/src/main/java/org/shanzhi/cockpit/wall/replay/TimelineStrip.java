package org.shanzhi.cockpit.wall.replay;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import org.shanzhi.cockpit.replay.Marker;
import org.shanzhi.cockpit.replay.Replay;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The replay's time as a strip: how many events each stretch holds (bars), the markers above them in their kind's
 * colour, and the playhead. A press or a drag seeks to the time under the pointer; hovering a marker names it.
 * Drawn again when its size, the replay or the playhead's pixel changes.
 */
final class TimelineStrip extends Region {

    static final String STYLE = "replay-strip";
    static final Map<Marker.Kind, Color> COLOURS = new EnumMap<>(Map.of(
            Marker.Kind.WARNING, Theme.token("-wall-signal-orange"),
            Marker.Kind.ALARM, Theme.token("-wall-critical"),
            Marker.Kind.DISPATCH, Theme.token("-wall-info"),
            Marker.Kind.ARRIVAL, Theme.token("-wall-ok"),
            Marker.Kind.CLOSURE, Theme.token("-wall-text-dim"),
            Marker.Kind.INJECT, Theme.token("-wall-drill")));
    private static final double MARKS = 14;

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final Consumer<Instant> seek;
    private Replay replay;
    private int[] density;
    private double drawnHead = -1;
    private Instant head;

    /** {@code seek}: asked with the time under the pointer on a press or a drag. */
    TimelineStrip(Consumer<Instant> seek) {
        this.seek = seek;
        getStyleClass().add(STYLE);
        getChildren().add(canvas);
        setMinHeight(44);
        setPrefHeight(44);
        tip.setShowDelay(Duration.millis(100));
        Tooltip.install(this, tip);
        setOnMousePressed(this::seekTo);
        setOnMouseDragged(this::seekTo);
        setOnMouseMoved(this::hover);
    }

    /** Shows {@code r} with the playhead at {@code at}. */
    void show(Replay r, Instant at) {
        if (r != replay) {
            replay = r;
            density = null;
            drawnHead = -1;
        }
        head = at;
        if (r != null && x(at) != drawnHead) {
            draw();
        }
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            density = null;
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (replay == null || w < 2) {
            return;
        }
        int bins = (int) Math.max(1, w / 3);
        if (density == null || density.length != bins) {
            density = replay.density(bins);
        }
        int max = 1;
        for (int d : density) {
            max = Math.max(max, d);
        }
        g.setFill(Theme.token("-wall-surface"));
        g.fillRect(0, 0, w, h);
        g.setFill(Theme.token("-wall-border"));
        double barsH = h - MARKS - 2;
        for (int b = 0; b < bins; b++) {
            double bh = density[b] == 0 ? 0 : Math.max(1, barsH * density[b] / max);
            g.fillRect(b * w / bins, h - bh, Math.max(1, w / bins - 0.5), bh);
        }
        for (Marker m : replay.markers()) {
            g.setFill(COLOURS.get(m.kind()));
            g.fillRect(x(m.time()) - 1, 1, 2, MARKS);
        }
        drawnHead = x(head);
        g.setFill(Theme.token("-wall-text"));
        g.fillRect(drawnHead - 1.5, 0, 3, h);
    }

    /** The pixel of a time (whole pixels, so a playing replay redraws only when the head moves on screen). */
    private double x(Instant t) {
        if (replay == null || t == null) {
            return -1;
        }
        double span = Math.max(1, replay.end().toEpochMilli() - replay.start().toEpochMilli());
        return Math.rint((t.toEpochMilli() - replay.start().toEpochMilli()) / span * canvas.getWidth());
    }

    /** The time under {@code x}; the last pixel is the end, so a drag to the right edge reaches the last event. */
    private Instant timeAt(double x) {
        if (x >= canvas.getWidth() - 1) {
            return replay.end();
        }
        double f = Math.max(0, Math.min(1, x / Math.max(1, canvas.getWidth())));
        long span = replay.end().toEpochMilli() - replay.start().toEpochMilli();
        return Instant.ofEpochMilli(replay.start().toEpochMilli() + Math.round(span * f));
    }

    private void seekTo(MouseEvent e) {
        if (replay != null) {
            seek.accept(timeAt(e.getX()));
        }
    }

    /** Names the marker nearest the pointer (within 4 px), else the time under it. */
    private void hover(MouseEvent e) {
        if (replay == null) {
            return;
        }
        Marker near = null;
        double best = 4;
        for (Marker m : replay.markers()) {
            double d = Math.abs(x(m.time()) - e.getX());
            if (d <= best) {
                best = d;
                near = m;
            }
        }
        Instant t = timeAt(e.getX());
        tip.setText(near == null ? Formats.clock(t) : I18n.t("replay.marker", Formats.clock(near.time()),
                I18n.t("replay.marker." + near.kind().name()), near.subject()));
    }
}
