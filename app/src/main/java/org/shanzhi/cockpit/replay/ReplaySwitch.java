package org.shanzhi.cockpit.replay;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.SituationSource;

/**
 * The wall's source: the live one, or a replay in its place. The live source keeps running underneath, so leaving
 * the replay shows the present at once, without reconnecting. Its version moves whenever the source shown changes
 * or moves.
 */
public final class ReplaySwitch implements SituationSource {

    private final SituationSource live;
    private volatile ReplaySource replay;
    // what version() last saw, to move its own version when either the source or its version changes
    private SituationSource seen;
    private long seenVersion;
    private long version;

    public ReplaySwitch(SituationSource live) {
        this.live = live;
    }

    public SituationSource live() {
        return live;
    }

    /** The replay shown, or null when live. */
    public ReplaySource replay() {
        return replay;
    }

    public boolean replaying() {
        return replay != null;
    }

    /** Shows {@code r} in place of the live situation (a replay already shown is left). */
    public void enter(ReplaySource r) {
        replay = r;
    }

    /** Back to the live situation. */
    public void leave() {
        replay = null;
    }

    private SituationSource shown() {
        ReplaySource r = replay;
        return r != null ? r : live;
    }

    @Override
    public Situation latest() {
        return shown().latest();
    }

    @Override
    public synchronized long version() {
        SituationSource s = shown();
        long v = s.version();
        if (s != seen || v != seenVersion) {
            seen = s;
            seenVersion = v;
            version++;
        }
        return version;
    }

    @Override
    public FeedStatus status() {
        return shown().status();
    }
}
