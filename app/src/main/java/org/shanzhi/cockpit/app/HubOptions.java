package org.shanzhi.cockpit.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import picocli.CommandLine.Option;

import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubLimits;
import org.shanzhi.cockpit.hub.HubRuntime;

/** The options every command that runs a hub shares. */
final class HubOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 to serve other PCs).")
    String host;

    @Option(names = "--port", defaultValue = "8717", description = "HTTP/WebSocket port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", defaultValue = "${user.home}/.shanzhi-cockpit",
            description = "Data directory: the H2 journal and tokens.json (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--tokens", description = "Tokens file (role → token JSON); default <data>/tokens.json.")
    Path tokens;

    @Option(names = "--jdbc", description = "JDBC URL of the journal instead of H2, e.g. jdbc:postgresql://db/cockpit.")
    String jdbc;

    @Option(names = "--db-user", defaultValue = "", description = "Database user for --jdbc.")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:SHANZHI_DB_PASSWORD}",
            description = "Database password for --jdbc (default: $SHANZHI_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--scenario", defaultValue = "heyi",
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

    @Option(names = "--max-event-age", defaultValue = "P400D",
            description = "How far before the hub's clock an ingested event's time may lie, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxEventAge;

    @Option(names = "--max-event-lead", defaultValue = "PT15M",
            description = "How far after the hub's clock an ingested event's time may lie, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxEventLead;

    @Option(names = "--stream-bytes-in-flight", description = "Bytes sent to one stream subscriber that may wait "
            + "for it to read them (default: ${DEFAULT-VALUE}).")
    int streamBytesInFlight = HubLimits.DEFAULT.streamBytesInFlight();

    @Option(names = "--stream-stall-seconds", description = "Seconds a stream subscriber may leave those bytes "
            + "unread before it is dropped (default: ${DEFAULT-VALUE}).")
    long streamStallSeconds = HubLimits.DEFAULT.streamStall().toSeconds();

    @Option(names = "--max-subscribers", description = "Stream subscribers served at once; more are refused "
            + "with 503 (default: ${DEFAULT-VALUE}).")
    int maxSubscribers = HubLimits.DEFAULT.maxSubscribers();

    /** The limits these options set; a value that cannot be right is refused with its option's name. */
    HubLimits limits() {
        if (maxEventAge.isNegative() || maxEventLead.isNegative()) {
            throw new IllegalArgumentException("--max-event-age and --max-event-lead cannot be negative");
        }
        if (streamBytesInFlight < 1 || streamStallSeconds < 1 || maxSubscribers < 1) {
            throw new IllegalArgumentException("--stream-bytes-in-flight, --stream-stall-seconds and --max-subscribers"
                    + " must be at least 1");
        }
        return new HubLimits(maxEventAge, maxEventLead, streamBytesInFlight, Duration.ofSeconds(streamStallSeconds),
                maxSubscribers);
    }

    /** The tokens file these options name, by the hub's own rule. */
    Path tokensFile() {
        return config(s -> HubClock.system()).tokens();
    }

    HubRuntime.Config config(java.util.function.Function<org.shanzhi.cockpit.domain.Situation, HubClock> clock) {
        return new HubRuntime.Config(host, port, data, tokens, jdbc, dbUser, dbPassword == null ? "" : dbPassword,
                clock, limits());
    }
}
