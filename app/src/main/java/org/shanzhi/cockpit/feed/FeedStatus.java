package org.shanzhi.cockpit.feed;

import java.time.Instant;

/**
 * How current the wall's picture is: {@code LIVE} while the stream flows; {@code CONNECTING}
 * until it first flows; {@code KEPT} while connecting with the picture kept from the wall's last run on screen
 * ({@link SituationCache}, {@code since} when it was kept); {@code RECONNECTING} since a disconnect; {@code STALE}
 * once the disconnect has lasted long enough that the figures should be shown as old; {@code PICTURE} for a fixed
 * situation with no hub behind it (a snapshot), {@code since} its time. {@code since} is
 * when the state began; {@code garbageFrames} counts frames that could not be read (skipped).
 * {@code hubClock} is the hub's present while the hub says its situation still lives the time before it (a hub opened
 * late in the day catches up), else null: a live stream of a situation behind the hub's clock is not yet the present.
 */
public record FeedStatus(State state, Instant since, long seq, long garbageFrames, long resnapshots,
                         long reconnects, String lastError, Instant hubClock) {

    public enum State { CONNECTING, KEPT, LIVE, RECONNECTING, STALE, PICTURE }

    /** A status from a hub that is not catching up (or says nothing about it). */
    public FeedStatus(State state, Instant since, long seq, long garbageFrames, long resnapshots, long reconnects,
                      String lastError) {
        this(state, since, seq, garbageFrames, resnapshots, reconnects, lastError, null);
    }

    /** The status of a fixed situation shown as a picture: at its own time, not live. */
    public static FeedStatus picture(Instant time, long seq) {
        return new FeedStatus(State.PICTURE, time, seq, 0, 0, 0, null);
    }

    public boolean live() {
        return state == State.LIVE;
    }

    /** Whether the hub says its situation is still behind its clock. */
    public boolean catchingUp() {
        return hubClock != null;
    }
}
