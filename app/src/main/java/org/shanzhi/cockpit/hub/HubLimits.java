package org.shanzhi.cockpit.hub;

import java.time.Duration;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.hub.video.VideoLimits;

/**
 * What one client may ask of the hub, so that no token holder can exhaust what the others need
 * or write what cannot be right. The defaults suit a sub-district's center; the hub command
 * takes each as an option.
 *
 * @param eventPast   how far before the hub's clock an ingested event's time may lie
 * @param eventFuture how far after the hub's clock an ingested event's time may lie
 * @param streamBytesInFlight how many bytes sent to one stream subscriber may wait for it to take them
 * @param streamStall how long a subscriber may leave those bytes untaken before it is dropped
 * @param maxSubscribers how many stream subscribers the hub serves at once (each costs it a thread)
 * @param video       video streams, simulated cameras drawn and RTSP relays at once, and the camera networks
 * @param orderExpiry how long (on the hub's clock) an order may wait for its unit to take it before the hub
 *                    marks it timed out ({@code DispatchOrder.Timing.expireAfter})
 */
public record HubLimits(Duration eventPast, Duration eventFuture,
                        int streamBytesInFlight, Duration streamStall, int maxSubscribers, VideoLimits video,
                        Duration orderExpiry) {

    public static final HubLimits DEFAULT = new HubLimits(Duration.ofDays(400), Duration.ofMinutes(15),
            4 << 20, Duration.ofSeconds(30), 1000, VideoLimits.DEFAULT, DispatchOrder.Timing.defaults().expireAfter());

    public HubLimits {
        if (eventPast.isNegative() || eventFuture.isNegative()) {
            throw new IllegalArgumentException("the event time window cannot be negative");
        }
        if (streamBytesInFlight < 1 || streamStall.isNegative() || streamStall.isZero() || maxSubscribers < 1) {
            throw new IllegalArgumentException("the stream limits must be positive");
        }
        if (orderExpiry.isNegative() || orderExpiry.isZero()) {
            throw new IllegalArgumentException("the order expiry must be positive");
        }
    }

    public HubLimits withStreamBytesInFlight(int bytes) {
        return new HubLimits(eventPast, eventFuture, bytes, streamStall, maxSubscribers, video, orderExpiry);
    }

    public HubLimits withStreamStall(Duration stall) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, stall, maxSubscribers, video, orderExpiry);
    }

    public HubLimits withMaxSubscribers(int subscribers) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, subscribers, video, orderExpiry);
    }

    public HubLimits withOrderExpiry(Duration expiry) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, maxSubscribers, video, expiry);
    }

    public HubLimits withVideo(VideoLimits v) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, maxSubscribers, v, orderExpiry);
    }
}
