package org.shanzhi.cockpit.wall;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;

import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.SituationSource;

/**
 * The wall's one frame loop. On every JavaFX pulse it makes one {@link WallFrame} (the source's newest situation,
 * asked for only when the source's version moved; the clock's time; the feed's status) and hands it on. The wall's
 * windows ({@link Wall}) and its pictures ({@link WallPicture}) run on it; no widget keeps a timer to poll the
 * situation or to draw it. FX thread only.
 */
public final class WallPulse {

    private final SituationSource source;
    private final Supplier<FeedStatus> feed;
    private final Clock clock;
    private final Consumer<WallFrame> onFrame;
    /** Made on the first start: a pulse without a timer (a test, a picture driven by hand) needs no JavaFX. */
    private AnimationTimer timer;
    private long version;
    private boolean asked;
    private WallFrame frame;
    private FigureSettings figures = FigureSettings.DEFAULT;

    /**
     * @param feed    the feed's status at each pulse (null from it: no feed, read as live)
     * @param clock   the wall's time: ages and "since" count from it
     * @param onFrame shown each frame, on the FX thread
     */
    public WallPulse(SituationSource source, Supplier<FeedStatus> feed, Clock clock, Consumer<WallFrame> onFrame) {
        this.source = source;
        this.feed = feed;
        this.clock = clock;
        this.onFrame = onFrame;
    }

    /** The center's settings the panels' figures are computed with (figures.properties); the defaults until set. */
    public void figures(FigureSettings settings) {
        figures = settings;
    }

    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long nanos) {
                    pulse();
                }
            };
        }
        timer.start();
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Makes this pulse's frame and hands it on (the timer calls this; a picture or a test may call it too). */
    public WallFrame pulse() {
        long v = source.version();
        boolean moved = !asked || v != version;
        asked = true;
        version = v;
        // the source is asked for its situation only when it changed: one fold result, one look
        Situation latest = moved ? source.latest() : null;
        FeedStatus status = feed.get();
        Instant now = clock.instant();
        if (frame == null) {
            frame = latest == null ? WallFrame.waiting(now, status) : WallFrame.of(latest, now, status);
        } else {
            frame = frame.next(latest, now, status);
        }
        frame = frame.withOrderTiming(source.orderTiming()).withFigures(figures);
        onFrame.accept(frame);
        return frame;
    }

    /** The last frame handed on, or null before the first pulse. */
    public WallFrame frame() {
        return frame;
    }
}
