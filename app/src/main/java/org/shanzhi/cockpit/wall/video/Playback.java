package org.shanzhi.cockpit.wall.video;

import java.time.Instant;

import javafx.scene.image.Image;

/**
 * What a video tile plays: a stream that decodes on threads of its own and hands the FX thread its newest frame.
 * Whatever goes wrong, it says so in its {@link Status} and tries again, with back-off, until it is closed.
 */
interface Playback extends AutoCloseable {

    enum State {
        CONNECTING,
        PLAYING,
        /** Could not open, or the stream ended or failed: retrying. */
        NO_SIGNAL,
        /** Frames stopped coming while playing: the watchdog restarts the player. */
        STALLED,
        /** Nothing on this machine can play the URL. */
        NO_PLAYER
    }

    /** The state, since when, and when the next attempt is due (null when none is waiting). */
    record Status(State state, Instant since, Instant retryAt) {
    }

    String url();

    Status status();

    /** FX thread: puts the newest frame into {@link #image()}, if one arrived since the last call; says whether. */
    boolean pump();

    /** The picture the frames go to; null before the first frame. Replaced when the stream's size changes. */
    Image image();

    /** The picture's width / height, at which {@link #image()} is drawn; 16:9 before the first frame. */
    default double aspect() {
        Image i = image();
        return i == null || i.getHeight() <= 0 ? 16.0 / 9.0 : i.getWidth() / i.getHeight();
    }

    /** The tile shows the picture at this size in screen pixels; a player may decode to about that size. */
    default void fit(double width, double height) {
    }

    /** A hidden tile pauses its stream (or stops it when live streams cannot pause) and resumes when shown. */
    void hidden(boolean hidden);

    /** Frames decoded so far. */
    long decoded();

    /** Frames that {@link #pump()} put on screen so far. */
    long shown();

    /** Frames the player decoded but dropped as too late to hand over (libvlc's own count; 0 for others). */
    default long late() {
        return 0;
    }

    @Override
    void close();

    /** The player for {@code url}: libvlc when installed, else the pure-Java MJPEG reader, else a tile that says why. */
    static Playback open(String url, String token, Libvlc vlc) {
        if (vlc.available()) {
            return new VlcPlayback(vlc, url, token);
        }
        if (MjpegStream.plays(url)) {
            return new MjpegStream(url, token);
        }
        return new NoPlayer(url);
    }
}
