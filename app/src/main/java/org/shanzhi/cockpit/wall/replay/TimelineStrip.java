package org.shanzhi.cockpit.wall.replay;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.replay.Marker;
import org.shanzhi.cockpit.replay.Replay;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The replay's time as a strip: how many events each stretch holds (bars), the markers above them in their kind's
 * colour, the clock times under them (HH:mm, as far apart as keeps them readable), and the playhead. A press or a drag seeks to the time under the pointer; hovering a marker names it.
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
    private static final double LABELS = 16;
    /** The least height of a bar with any event in it, so a quiet stretch does not look empty. */
    static final double MIN_BAR = 3;
    /** The least pixels between two time labels (an "HH:mm" is about 36 px wide). */
    static final double LABEL_GAP = 64;
    /** The steps a tick may take, in minutes: the finest that keeps {@link #LABEL_GAP} is chosen. */
    private static final int[] STEPS = {5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440};
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(Kpi.BEIJING);
    private static final Font FONT = Font.font(12);

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
        setMinHeight(68);
        setPrefHeight(68);
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
        g.setFill(Theme.token("-wall-info").deriveColor(0, 1, 1, 0.6));
        double base = h - LABELS;
        double barsH = base - MARKS - 2;
        for (int b = 0; b < bins; b++) {
            double bh = barHeight(density[b], max, barsH);
            g.fillRect(b * w / bins, base - bh, Math.max(1, w / bins - 0.5), bh);
        }
        Color dim = Theme.token("-wall-text-dim");
        g.setFill(dim);
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.CENTER);
        for (Instant t : ticks(replay.start(), replay.end(), w, LABEL_GAP)) {
            double x = x(t);
            g.fillRect(x - 0.5, base, 1, 4);
            // a label at either end is kept inside the strip (half an "HH:mm" is about 18 px)
            g.fillText(HOUR.format(t), Math.max(20, Math.min(w - 20, x)), h - 2);
        }
        for (Marker m : replay.markers()) {
            g.setFill(COLOURS.get(m.kind()));
            g.fillRect(x(m.time()) - 1, 1, 2, MARKS);
        }
        drawnHead = x(head);
        g.setFill(Theme.token("-wall-text"));
        g.fillRect(drawnHead - 1.5, 0, 3, h);
    }

    /**
     * The height of a bar of {@code count} events when the busiest holds {@code busiest}: the busiest fills
     * {@code height}, the others by the square root of their share (a burst of an inject does not flatten the rest to
     * dots), and any bar with an event is at least {@link #MIN_BAR} high.
     */
    static double barHeight(int count, int busiest, double height) {
        if (count <= 0 || busiest <= 0) {
            return 0;
        }
        return Math.max(Math.min(MIN_BAR, height), height * Math.sqrt((double) count / busiest));
    }

    /**
     * The times to label between {@code start} and {@code end} on a strip {@code width} pixels wide: whole steps of
     * Beijing time (5 minutes … a day, whole hours for a day's replay) at least {@code minGap} pixels apart.
     */
    static List<Instant> ticks(Instant start, Instant end, double width, double minGap) {
        long spanMillis = end.toEpochMilli() - start.toEpochMilli();
        if (spanMillis <= 0 || width <= 0) {
            return List.of();
        }
        double pixelsPerMinute = width / (spanMillis / 60_000.0);
        long step = STEPS[STEPS.length - 1];
        for (int s : STEPS) {
            if (s * pixelsPerMinute >= minGap) {
                step = s;
                break;
            }
        }
        while (step * pixelsPerMinute < minGap) {
            step *= 2; // a range of many days: every other day, every fourth …
        }
        List<Instant> out = new ArrayList<>();
        ZonedDateTime t = start.atZone(Kpi.BEIJING).truncatedTo(ChronoUnit.DAYS);
        while (t.toInstant().isBefore(start)) {
            t = t.plusMinutes(step);
        }
        for (; !t.toInstant().isAfter(end); t = t.plusMinutes(step)) {
            out.add(t.toInstant());
        }
        return out;
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
