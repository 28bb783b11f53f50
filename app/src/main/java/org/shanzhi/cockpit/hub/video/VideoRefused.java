package org.shanzhi.cockpit.hub.video;

/** A video request refused before any picture is sent: {@code status} and why; the field at fault is the camera. */
public final class VideoRefused extends RuntimeException {

    private final int status;

    VideoRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
