package org.shanzhi.cockpit.wall.video;

import java.time.Instant;

import javafx.scene.image.Image;

/** A stream that nothing installed can play (libvlc missing and not MJPEG): the tile says what to install. */
final class NoPlayer implements Playback {

    private final String url;
    private final Status status = new Status(State.NO_PLAYER, Instant.now(), null);

    NoPlayer(String url) {
        this.url = url;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Status status() {
        return status;
    }

    @Override
    public boolean pump() {
        return false;
    }

    @Override
    public Image image() {
        return null;
    }

    @Override
    public void hidden(boolean hidden) {
    }

    @Override
    public long decoded() {
        return 0;
    }

    @Override
    public long shown() {
        return 0;
    }

    @Override
    public void close() {
    }
}
