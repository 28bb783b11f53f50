package org.shanzhi.cockpit.domain;

/** A video point. {@code ai} marks the ones with video-AI analysis. */
public record Camera(String id, String name, GeoPoint at, String communityCode, boolean ai, boolean online,
                     String streamUrl) {

    public Camera withOnline(boolean value) {
        return new Camera(id, name, at, communityCode, ai, value, streamUrl);
    }
}
