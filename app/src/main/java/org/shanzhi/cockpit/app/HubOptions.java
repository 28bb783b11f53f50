package org.shanzhi.cockpit.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubLimits;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.PeerHubs;
import org.shanzhi.cockpit.hub.video.CameraNetworks;
import org.shanzhi.cockpit.hub.video.VideoLimits;

/** The options every command that runs a hub shares. */
final class HubOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 to serve other PCs).")
    String host;

    @Option(names = "--port", defaultValue = "8717", description = "HTTP/WebSocket port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    JournalOptions journal = new JournalOptions();

    @Option(names = "--tokens", description = "Tokens file (role → token JSON); default <data>/tokens.json.")
    Path tokens;

    @Option(names = "--scenario", defaultValue = "heyi", converter = ScenarioName.class,
            description = "Scenario that feeds the hub: heyi (the living 和义街道) or none (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--speed", defaultValue = "1",
            description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}; 60 = an hour a minute).")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scenario simulator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", description = "When the scenario's day begins, ISO-8601 (default: the scenario's, "
            + "2026-05-30T06:00+08:00, the day of the storm).")
    Instant start;

    @Option(names = "--hours-lived", defaultValue = "7",
            description = "Simulated hours of that day already lived when a new hub opens (default: ${DEFAULT-VALUE}: "
                    + "the clock starts at 13:00 with the morning's events, and the storm comes in the afternoon).")
    double hoursLived;

    @Option(names = "--max-event-age", defaultValue = "P400D", converter = NotNegative.class,
            description = "How far before the hub's clock an ingested event's time may lie, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxEventAge;

    @Option(names = "--max-event-lead", defaultValue = "PT15M", converter = NotNegative.class,
            description = "How far after the hub's clock an ingested event's time may lie, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxEventLead;

    @Option(names = "--stream-bytes-in-flight", converter = AtLeastOne.class, description = "Bytes sent to one stream subscriber that may wait "
            + "for it to read them (default: ${DEFAULT-VALUE}).")
    int streamBytesInFlight = HubLimits.DEFAULT.streamBytesInFlight();

    @Option(names = "--stream-stall-seconds", converter = AtLeastOne.class, description = "Seconds a stream subscriber may leave those bytes "
            + "unread before it is dropped (default: ${DEFAULT-VALUE}).")
    int streamStallSeconds = (int) HubLimits.DEFAULT.streamStall().toSeconds();

    @Option(names = "--max-subscribers", converter = AtLeastOne.class, description = "Stream subscribers served at once; more are refused "
            + "with 503 (default: ${DEFAULT-VALUE}).")
    int maxSubscribers = HubLimits.DEFAULT.maxSubscribers();

    @Option(names = "--max-video-viewers", converter = AtLeastOne.class, description = "Video streams (simulated "
            + "and relayed) served at once; each holds one of the hub's 250 request threads "
            + "(default: ${DEFAULT-VALUE}).")
    int maxVideoViewers = VideoLimits.DEFAULT.maxViewers();

    @Option(names = "--max-virtual-cameras", converter = AtLeastOne.class,
            description = "Simulated cameras drawn at once (default: ${DEFAULT-VALUE}).")
    int maxVirtualCameras = VideoLimits.DEFAULT.maxVirtualCameras();

    @Option(names = "--max-relays", converter = AtLeastOne.class,
            description = "RTSP cameras relayed at once, one ffmpeg each (default: ${DEFAULT-VALUE}).")
    int maxRelays = VideoLimits.DEFAULT.maxRelays();

    @Option(names = "--camera-networks", converter = Networks.class, description = "Where the RTSP relay may "
            + "connect: CIDRs, each optionally with a port, e.g. 10.0.0.0/8,192.168.1.0/24:554 "
            + "(default: ${DEFAULT-VALUE}).")
    CameraNetworks cameraNetworks = VideoLimits.DEFAULT.cameraNetworks();

    @Option(names = "--order-deliver-seconds", converter = AtLeastOne.class, description = "Seconds (on the hub's "
            + "clock) an order may wait for the phone's receipt before the seat is alerted and may resend it "
            + "(default: ${DEFAULT-VALUE}).")
    int orderDeliverSeconds = (int) HubLimits.DEFAULT.orderTiming().deliverWithin().toSeconds();

    @Option(names = "--order-accept-seconds", converter = AtLeastOne.class, description = "Seconds (on the hub's "
            + "clock) an order may wait for its unit's accept before the seat is alerted again and offered the next "
            + "unit; more than --order-deliver-seconds (default: ${DEFAULT-VALUE}).")
    int orderAcceptSeconds = (int) HubLimits.DEFAULT.orderTiming().acceptWithin().toSeconds();

    @Option(names = "--order-expire-minutes", converter = AtLeastOne.class, description = "Minutes (on the hub's "
            + "clock) an order may wait for its unit to take it before the hub marks it timed out (超时); longer "
            + "than --order-accept-seconds (default: ${DEFAULT-VALUE}).")
    int orderExpireMinutes = (int) HubLimits.DEFAULT.orderTiming().expireAfter().toMinutes();

    @Option(names = "--peer-hubs", converter = Peers.class, description = "The other hubs of the same journal, "
            + "e.g. http://10.0.0.6:8717: the field page this hub serves moves to them when this one fails, and "
            + "theirs may call this one (default: none).")
    PeerHubs peerHubs = PeerHubs.NONE;

    /** The tokens file these options name, by the hub's own rule. */
    Path tokensFile() {
        return config(s -> HubClock.system()).tokens();
    }

    HubRuntime.Config config(Function<Situation, HubClock> clock) {
        return new HubRuntime.Config(host, port, journal.data, tokens, journal.jdbc, journal.dbUser, journal.password(),
                clock, new HubLimits(maxEventAge, maxEventLead, streamBytesInFlight,
                        Duration.ofSeconds(streamStallSeconds), maxSubscribers,
                        new VideoLimits(maxVideoViewers, maxVirtualCameras, maxRelays, cameraNetworks),
                        new DispatchOrder.Timing(Duration.ofSeconds(orderDeliverSeconds),
                                Duration.ofSeconds(orderAcceptSeconds), Duration.ofMinutes(orderExpireMinutes)), peerHubs,
                        figures()));
    }

    /** The center's settings of its figures: {@code <data>/figures.properties}, or the defaults without one. */
    FigureSettings figures() {
        return FiguresFile.read(journal.data);
    }

    static final class NotNegative implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration d = Duration.parse(value);
                if (d.isNegative()) {
                    throw new TypeConversionException("'" + value + "' is negative");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration like PT15M or P400D");
            }
        }
    }

    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < 1) {
                throw new TypeConversionException("'" + value + "' is not a whole number of at least 1");
            }
            return Integer.parseInt(value);
        }
    }

    static final class ScenarioName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("heyi") && !value.equals("none")) {
                throw new TypeConversionException("unknown scenario '" + value + "'; known: heyi, none");
            }
            return value;
        }
    }

    static final class Networks implements ITypeConverter<CameraNetworks> {
        @Override
        public CameraNetworks convert(String value) {
            try {
                return CameraNetworks.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Peers implements ITypeConverter<PeerHubs> {
        @Override
        public PeerHubs convert(String value) {
            try {
                return PeerHubs.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
