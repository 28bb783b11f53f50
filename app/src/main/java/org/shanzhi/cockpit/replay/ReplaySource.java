package org.shanzhi.cockpit.replay;

import java.time.Instant;
import java.util.function.LongSupplier;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.SituationSource;

/**
 * A recording played back as the wall's situation: the {@link ReplayClock} says the replay time, the position is
 * every event up to it (or, paused after a step or a marker jump, exactly the events stepped over), and
 * {@link #latest()} folds the situation there, on from the last one while playing forward, else from the nearest
 * snapshot. The wall's pulse asks {@link #version()} each frame; the trainer's controls call the rest, on the same
 * (FX) thread; every method is synchronized all the same.
 */
public final class ReplaySource implements SituationSource {

    /** Where a seek ended: at the time asked, or clamped to the start or the end of the recording. */
    public enum Seek { DONE, BEFORE_START, BEYOND_END }

    private final Replay replay;
    private final ReplayClock clock;
    /** Events applied; while paused it stays where a step or a marker jump put it, even between two events of one time. */
    private int target;
    private long version = 1;
    private int folded;
    private Situation situation;
    /** Whether the position follows the clock: set by play, cleared by pause (the clock stops at the end itself). */
    private boolean running;
    /** How many times playing ran into the end (not a seek or a step there). */
    private int endsReached;

    public ReplaySource(Replay replay, LongSupplier nanos) {
        this.replay = replay;
        this.clock = new ReplayClock(nanos, replay.start(), replay.end());
        this.target = replay.positionAt(replay.start());
        this.folded = target;
        this.situation = replay.situationAt(target);
    }

    /** The wall's source on the operator's clock. */
    public static ReplaySource of(Replay replay) {
        return new ReplaySource(replay, System::nanoTime);
    }

    public Replay replay() {
        return replay;
    }

    /** The replay's time now. */
    public synchronized Instant time() {
        return clock.now();
    }

    /** Events applied: the replay's position now. */
    public synchronized int position() {
        follow();
        return target;
    }

    public synchronized boolean playing() {
        return clock.playing();
    }

    public synchronized double speed() {
        return clock.speed();
    }

    @Override
    public synchronized Situation latest() {
        follow();
        if (folded != target) {
            situation = replay.move(situation, folded, target);
            folded = target;
        }
        return situation;
    }

    @Override
    public synchronized long version() {
        follow();
        return version;
    }

    /** Live as far as the wall's bar is concerned: the banner says it is a replay, and its time. */
    @Override
    public synchronized FeedStatus status() {
        return new FeedStatus(FeedStatus.State.LIVE, clock.now(), latest().seq(), 0, 0, 0, null);
    }

    public synchronized void play() {
        clock.play();
        running = true;
        follow();
    }

    public synchronized void pause() {
        follow();
        clock.pause();
        running = false;
    }

    public synchronized void speed(double s) {
        clock.speed(s);
    }

    public synchronized void faster(boolean up) {
        clock.faster(up);
    }

    /**
     * Goes to time {@code t}; a time outside the recording goes to its start or end and says so, as a whole: the
     * clock, the position and the situation move together, or not at all.
     */
    public synchronized Seek seek(Instant t) {
        Seek how = t.isAfter(replay.end()) ? Seek.BEYOND_END : t.isBefore(replay.start()) ? Seek.BEFORE_START : Seek.DONE;
        Instant at = how == Seek.BEYOND_END ? replay.end() : how == Seek.BEFORE_START ? replay.start() : t;
        int p = replay.positionAt(at);
        Situation s = replay.move(situation, folded, p); // may throw: then nothing has moved
        clock.set(at);
        situation = s;
        folded = p;
        moveTo(p);
        return how;
    }

    /** Pauses and applies the next event; false at the end. */
    public synchronized boolean step() {
        pause();
        if (target >= replay.size()) {
            return false;
        }
        jump(target + 1);
        return true;
    }

    /** Pauses at the next marker (or the previous); false when there is none. */
    public synchronized Marker toMarker(boolean next) {
        pause();
        Marker m = next ? replay.markerAfter(target) : replay.markerBefore(target);
        if (m != null) {
            jump(m.position());
        }
        return m;
    }

    private void jump(int position) {
        clock.set(replay.timeAt(position));
        moveTo(position);
    }

    private void moveTo(int position) {
        if (position != target) {
            target = position;
            version++;
        }
    }

    /** How many times playing has run into the end: each is the moment for the debrief. */
    public synchronized int endsReached() {
        follow();
        return endsReached;
    }

    /** While playing, the position follows the clock, up to the end where the clock stops. */
    private void follow() {
        if (running) {
            moveTo(replay.positionAt(clock.now()));
            running = clock.playing();
            if (!running) {
                endsReached++;
            }
        }
    }
}
