package org.shanzhi.cockpit.bench;

import java.util.Arrays;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.SituationSource;

/**
 * The source the benchmarked wall reads, around the real one: it sees when the wall's pump takes
 * a new situation and records when that pulse has ended.
 *
 * <p>The wall's pulse ({@code WallPulse}, an AnimationTimer) calls {@link #latest()} only when the
 * version moved, and then shows that situation's frame in the same pulse. A Runnable posted from there
 * with {@link Platform#runLater} runs after the pulse is over, i.e. after the widgets' {@code
 * show()}, CSS, layout and the hand-over of the frame to the render thread. That moment, with the
 * seq shown, is one "frame" here. Nothing in the wall is changed for it.
 */
final class ShownSource implements SituationSource {

    private final SituationSource inner;
    private final Consumer<Situation> onFrame;
    // written on the FX thread only; read after a runLater round trip
    private long[] seqs = new long[4096];
    private long[] nanos = new long[4096];
    private long[] took = new long[4096];
    private int n;
    private long pulses;

    /** @param onFrame called on the FX thread with the situation of each frame, after it was recorded */
    ShownSource(SituationSource inner, Consumer<Situation> onFrame) {
        this.inner = inner;
        this.onFrame = onFrame;
    }

    @Override
    public Situation latest() {
        Situation s = inner.latest();
        if (s != null && Platform.isFxApplicationThread()) {
            long start = System.nanoTime();
            Platform.runLater(() -> frame(s, start));
        }
        return s;
    }

    private void frame(Situation s, long start) {
        long t = System.nanoTime();
        if (n == seqs.length) {
            seqs = Arrays.copyOf(seqs, n * 2);
            nanos = Arrays.copyOf(nanos, n * 2);
            took = Arrays.copyOf(took, n * 2);
        }
        seqs[n] = s.seq();
        nanos[n] = t;
        took[n] = t - start;
        n++;
        onFrame.accept(s);
    }

    @Override
    public long version() {
        if (Platform.isFxApplicationThread()) {
            pulses++; // the pump asks once per pulse
        }
        return inner.version();
    }

    @Override
    public FeedStatus status() {
        return inner.status();
    }

    /**
     * The frames so far: seq shown, System.nanoTime() at the end of the pulse, and the nanos from
     * the pump taking the situation to that end. Call on the FX thread.
     */
    long[][] frames() {
        return new long[][] {Arrays.copyOf(seqs, n), Arrays.copyOf(nanos, n), Arrays.copyOf(took, n)};
    }

    /** Pulses of the pump so far. Call on the FX thread. */
    long pulses() {
        return pulses;
    }
}
