package org.shanzhi.cockpit.feed;

import java.time.Instant;

/**
 * How current the wall's picture is: {@code LIVE} while the stream flows; {@code CONNECTING}
 * before the first snapshot; {@code RECONNECTING} since a disconnect; {@code STALE} once the
 * disconnect has lasted long enough that the figures should be shown as old. {@code since} is
 * when the state began; {@code garbageFrames} counts frames that could not be read (skipped).
 */
public record FeedStatus(State state, Instant since, long seq, long garbageFrames, long resnapshots,
                         long reconnects, String lastError) {

    public enum State { CONNECTING, LIVE, RECONNECTING, STALE }

    public boolean live() {
        return state == State.LIVE;
    }
}
