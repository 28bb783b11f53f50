package org.shanzhi.cockpit.wall;

import java.time.Instant;
import java.util.Objects;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.wall.cockpit.CockpitFigures;

/**
 * What every widget of the wall is shown in one pulse: the newest situation ({@link Situation#empty()} until the
 * first arrives), the wall's clock, the feed's status, the hub's order timing (how long it lets a phone keep an order
 * waiting), and the cockpit figures of that situation. Made by
 * {@link WallPulse}, once per pulse, and the same for every widget of every window. Immutable: the figures are
 * computed the first time a widget asks and shared by every later asker, of this frame and of the following ones
 * while the situation stays the same. No JavaFX.
 */
public final class WallFrame {

    private final Situation situation;
    private final boolean hasSituation;
    private final Instant now;
    private final FeedStatus feed;
    private final Figures figures;
    private final DispatchOrder.Timing orderTiming;

    private WallFrame(Situation situation, boolean hasSituation, Instant now, FeedStatus feed, Figures figures,
                      DispatchOrder.Timing orderTiming) {
        this.situation = Objects.requireNonNull(situation);
        this.hasSituation = hasSituation;
        this.now = Objects.requireNonNull(now);
        this.feed = feed != null ? feed : liveSince(situation);
        this.figures = figures;
        this.orderTiming = Objects.requireNonNull(orderTiming);
    }

    /** A frame of {@code situation} at {@code now}; a null {@code feed} (no feed to ask) reads as live. */
    public static WallFrame of(Situation situation, Instant now, FeedStatus feed) {
        return new WallFrame(situation, true, now, feed, new Figures(situation, FigureSettings.DEFAULT), DispatchOrder.Timing.defaults());
    }

    /** A frame of a fixed situation, as a picture shows it: at its own time, live. */
    public static WallFrame of(Situation situation) {
        return of(situation, situation.time(), null);
    }

    /** A frame before the source has any situation: an empty one stands in, the clock and the feed tick. */
    public static WallFrame waiting(Instant now, FeedStatus feed) {
        Situation none = Situation.empty();
        return new WallFrame(none, false, now, feed, new Figures(none, FigureSettings.DEFAULT), DispatchOrder.Timing.defaults());
    }

    /**
     * The frame after this one, of {@code s} (null: the source still has none, so this frame's situation stays);
     * the figures already computed go along while the situation is the same.
     */
    public WallFrame next(Situation s, Instant at, FeedStatus status) {
        if (s == null || s == situation) {
            return new WallFrame(situation, hasSituation, at, status, figures, orderTiming);
        }
        return new WallFrame(s, true, at, status, new Figures(s, figures.settings), orderTiming);
    }

    /** This frame with the hub's order timing (the same frame when it is already that). */
    public WallFrame withOrderTiming(DispatchOrder.Timing timing) {
        return timing.equals(orderTiming) ? this : new WallFrame(situation, hasSituation, now, feed, figures, timing);
    }

    /** This frame with its figures computed with {@code settings} (the same frame when they already are). */
    public WallFrame withFigures(FigureSettings settings) {
        return settings.equals(figures.settings) ? this
                : new WallFrame(situation, hasSituation, now, feed, new Figures(situation, settings), orderTiming);
    }

    /** How long the hub lets a phone keep an order waiting: the late-order alarms and the incident screen use it. */
    public DispatchOrder.Timing orderTiming() {
        return orderTiming;
    }

    /** The newest situation; an empty one until the source has given one (see {@link #hasSituation()}). */
    public Situation situation() {
        return situation;
    }

    /** Whether the source has given a situation yet: before it, widgets show what they show without data. */
    public boolean hasSituation() {
        return hasSituation;
    }

    /** The wall's clock at this pulse: ages (how long stale, since when) count from here. */
    public Instant now() {
        return now;
    }

    public FeedStatus feed() {
        return feed;
    }

    /** The cockpit figures of the situation, computed on the first call only. */
    public CockpitFigures figures() {
        return figures.get();
    }

    /** Whether the figures have been computed (tests, benchmarks). */
    boolean figuresComputed() {
        return figures.value != null;
    }

    private static FeedStatus liveSince(Situation s) {
        return new FeedStatus(FeedStatus.State.LIVE, s.time(), s.seq(), 0, 0, 0, null);
    }

    /** The figures of one situation, computed once; frames are made and read on the FX thread, but any may ask. */
    private static final class Figures {
        private final Situation situation;
        private final FigureSettings settings;
        private volatile CockpitFigures value;

        Figures(Situation situation, FigureSettings settings) {
            this.situation = situation;
            this.settings = settings;
        }

        CockpitFigures get() {
            CockpitFigures v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = CockpitFigures.of(situation, settings);
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
