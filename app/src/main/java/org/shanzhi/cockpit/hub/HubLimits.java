package org.shanzhi.cockpit.hub;

import java.time.Duration;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FigureSettings;
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
 * @param orderTiming how long (on the hub's clock) an order may wait for the phone's receipt and for the unit's
 *                    accept before the seat is alerted, and before the hub marks it timed out; published in health
 * @param peerHubs    the other hubs of the same journal, whose field pages may call this one; published in health
 * @param figures     the center's settings of its figures ({@code figures.properties}); {@code /kpis} computes with
 *                    them and says them
 */
public record HubLimits(Duration eventPast, Duration eventFuture,
                        int streamBytesInFlight, Duration streamStall, int maxSubscribers, VideoLimits video,
                        DispatchOrder.Timing orderTiming, PeerHubs peerHubs, FigureSettings figures) {

    public static final HubLimits DEFAULT = new HubLimits(Duration.ofDays(400), Duration.ofMinutes(15),
            4 << 20, Duration.ofSeconds(30), 1000, VideoLimits.DEFAULT, DispatchOrder.Timing.defaults(),
            PeerHubs.NONE, FigureSettings.DEFAULT);

    public HubLimits {
        if (eventPast.isNegative() || eventFuture.isNegative()) {
            throw new IllegalArgumentException("the event time window cannot be negative");
        }
        if (streamBytesInFlight < 1 || streamStall.isNegative() || streamStall.isZero() || maxSubscribers < 1) {
            throw new IllegalArgumentException("the stream limits must be positive");
        }
        if (orderTiming.deliverWithin().isNegative() || orderTiming.deliverWithin().isZero()
                || orderTiming.acceptWithin().compareTo(orderTiming.deliverWithin()) <= 0
                || orderTiming.expireAfter().compareTo(orderTiming.acceptWithin()) <= 0) {
            throw new IllegalArgumentException("an order's waits must be positive and in order: delivery < accept < expiry");
        }
    }

    public HubLimits withStreamBytesInFlight(int bytes) {
        return new HubLimits(eventPast, eventFuture, bytes, streamStall, maxSubscribers, video, orderTiming, peerHubs, figures);
    }

    public HubLimits withStreamStall(Duration stall) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, stall, maxSubscribers, video, orderTiming, peerHubs, figures);
    }

    public HubLimits withMaxSubscribers(int subscribers) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, subscribers, video, orderTiming, peerHubs, figures);
    }

    public HubLimits withOrderTiming(DispatchOrder.Timing timing) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, maxSubscribers, video, timing, peerHubs, figures);
    }

    public HubLimits withVideo(VideoLimits v) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, maxSubscribers, v, orderTiming, peerHubs, figures);
    }

    public HubLimits withPeerHubs(PeerHubs peers) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, maxSubscribers, video, orderTiming, peers, figures);
    }

    public HubLimits withFigures(FigureSettings f) {
        return new HubLimits(eventPast, eventFuture, streamBytesInFlight, streamStall, maxSubscribers, video, orderTiming, peerHubs, f);
    }
}
