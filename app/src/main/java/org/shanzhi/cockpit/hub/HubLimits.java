package org.shanzhi.cockpit.hub;

import java.time.Duration;

import org.shanzhi.cockpit.hub.video.VideoLimits;

/**
 * What one client may ask of the hub, so that no token holder can exhaust what the others need
 * or write what cannot be right. The defaults suit a sub-district's center; the hub command
 * takes each as an option.
 *
 * @param eventPast   how far before the hub's clock an ingested event's time may lie
 * @param eventFuture how far after the hub's clock an ingested event's time may lie
 * @param video       video streams, simulated cameras drawn and RTSP relays at once, and the camera networks
 */
public record HubLimits(Duration eventPast, Duration eventFuture, VideoLimits video) {

    public static final HubLimits DEFAULT = new HubLimits(Duration.ofDays(400), Duration.ofMinutes(15),
            VideoLimits.DEFAULT);

    public HubLimits {
        if (eventPast.isNegative() || eventFuture.isNegative()) {
            throw new IllegalArgumentException("the event time window cannot be negative");
        }
    }

    public HubLimits withVideo(VideoLimits v) {
        return new HubLimits(eventPast, eventFuture, v);
    }
}
