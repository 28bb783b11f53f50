package org.shanzhi.cockpit.hub.video;

import java.util.concurrent.Semaphore;

/**
 * The places for video viewers, shared by the simulated cameras and the relay: a viewer holds a request thread for
 * as long as it watches, so their number stays below a cap however many players connect.
 */
public final class VideoViewers {

    private final int max;
    private final Semaphore places;

    public VideoViewers(int max) {
        this.max = max;
        this.places = new Semaphore(max);
    }

    /** Takes a place; false when all are taken. */
    boolean enter() {
        return places.tryAcquire();
    }

    void leave() {
        places.release();
    }

    /** Why a viewer was turned away. */
    String full() {
        return "the hub serves at most " + max + " video streams at once (--max-video-viewers); "
                + "try again when one ends";
    }
}
