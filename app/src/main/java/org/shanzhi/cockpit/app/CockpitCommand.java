package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.shanzhi.cockpit.bench.BenchCommand;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.feed.CommandOutbox;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.feed.SituationCache;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.Tokens;
import org.shanzhi.cockpit.hub.drill.DrillDebriefs;
import org.shanzhi.cockpit.replay.HubRecordings;
import org.shanzhi.cockpit.wall.WallApp;
import org.shanzhi.cockpit.wall.replay.Debriefs;

/**
 * The default command: the wall. With no flags it starts the embedded hub on the Heyi scenario
 * and opens the layout that fits the monitors found; {@code --hub URL --token T} reads a remote
 * hub instead. {@code --seat district} makes it the district command's seat (区指挥): the embedded hub's district
 * token (or, with {@code --hub}, says the token given is the district's) and the {@code district} layout;
 * {@code --seat trainer} likewise the trainer's token and the {@code trainer} layout with the drill control.
 * The wall's commands wait in an outbox under {@code --data} (one file per hub and token) until the hub answers.
 */
@Command(name = "shanzhi-cockpit", mixinStandardHelpOptions = true, version = "善治 Cockpit 0.1.0",
        description = "善治 Cockpit: the command-center wall of a street-level governance center, with its event hub.",
        footer = {"", "Any long option of the wall, hub and journal commands can also be set in "
                + "<data>/shanzhi.properties, without its dashes (port=8717); the command line wins over the file.",
            "The figures' settings (三率 weights, minimum bases, 未诉先办 finders) are in <data>/figures.properties "
                + "(docs/FIGURES.md)."},
        subcommands = {HubCommand.class, WatchCommand.class, SnapshotCommand.class, JournalCommand.class, DrillCommand.class, RecordingCommand.class,
            BenchCommand.class})
final class CockpitCommand implements Callable<Integer> {

    @Mixin
    HubOptions hub = new HubOptions();

    @Mixin
    LogOptions log = new LogOptions();

    @Option(names = "--hub", description = "Read this hub (e.g. http://10.0.0.5:8717) instead of starting the embedded one; "
            + "several hubs on one journal comma-separated (http://10.0.0.5:8717,http://10.0.0.6:8717): the wall moves "
            + "to another when its hub fails, and sends commands to the one that writes.")
    String remote;

    @Option(names = "--token", description = "Token for --hub (a reading role: viewer, operator, leader, …).")
    String token;

    @Option(names = "--layout", description = "Layout name (laptop, wall-3x2, wall-4k, duty-desk, monitoring-desk, command, "
            + "district, trainer) or a layout file; "
            + "default: the one that fits the monitors.")
    String layout;

    @Option(names = "--locale", defaultValue = "zh-CN", description = "zh-CN (default) or en.")
    String locale;

    @Option(names = "--seat", defaultValue = "street", description = "street (default: the street center's duty "
            + "desk, with the operator's token) or district (区指挥: the district's token, orders and 批示, the "
            + "district layout unless --layout says otherwise) or trainer (训练员: the trainer's token and the trainer "
            + "layout, with the drill control); with --hub, the seat --token belongs to.")
    String seat;

    @Option(names = "--replay", paramLabel = "FILE", description = "Open the wall replaying this recording "
            + "(`recording export`); the wall's menu leaves the replay for live.")
    Path replayFile;

    @Option(names = "--replay-from", paramLabel = "TIME", description = "Open the wall replaying the hub's own "
            + "journal from this time (ISO-8601 with its offset, e.g. 2026-05-30T14:00:00+08:00), with --replay-to.")
    OffsetDateTime replayFrom;

    @Option(names = "--replay-to", paramLabel = "TIME", description = "The end of the range --replay-from starts.")
    OffsetDateTime replayTo;

    @Override
    public Integer call() throws Exception {
        if ((replayFrom == null) != (replayTo == null) || (replayFrom != null && replayFile != null)) {
            System.err.println("--replay-from and --replay-to go together, and not with --replay FILE");
            return 2;
        }
        if (replayFrom != null && !replayTo.isAfter(replayFrom)) {
            System.err.println("--replay-to must be after --replay-from");
            return 2;
        }
        if (replayFile != null && !Files.isReadable(replayFile)) {
            System.err.println("--replay: cannot read " + replayFile);
            return 2;
        }
        if (remote != null && token == null) {
            System.err.println("--hub needs --token");
            return 2;
        }
        if (remote != null && hubList(remote).isEmpty()) {
            System.err.println("--hub names no hub address");
            return 2;
        }
        if (!seat.equals("street") && !seat.equals("district") && !seat.equals("trainer")) {
            System.err.println("unknown seat '" + seat + "'; known: street, district, trainer");
            return 2;
        }
        // the panels' settings, read before anything starts: a bad figures.properties is refused here
        FigureSettings figures = hub.figures();
        if (!figures.equals(FigureSettings.DEFAULT)) {
            System.out.println("善治 Cockpit: figures computed with " + hub.journal.data.resolve(FiguresFile.NAME));
        }
        try (AutoCloseable file = log.toFile(hub.journal.data, "wall")) {
            return wall(figures);
        }
    }

    private int wall(FigureSettings figures) {
        boolean district = seat.equals("district");
        boolean trainer = seat.equals("trainer");
        CompletableFuture<HubRuntime> embedded = null;
        String url = remote;
        String t = token;
        // the local wall is the duty desk's (the operator's token) or the district's; a remote token's role is
        // known only when the seat says so
        Role role = district ? Role.DISTRICT : trainer ? Role.TRAINER : remote == null ? Role.OPERATOR : null;
        // the wall has painted the situation it kept from its last run (or has none): the hub's start, which replays
        // its journal, would compete with that first frame for the CPU
        CompletableFuture<Void> painted = new CompletableFuture<>();
        if (remote == null && hub.port == 0) {
            HubRuntime started = Scenario.start(hub);
            embedded = CompletableFuture.completedFuture(started);
            url = started.baseUrl();
            t = started.tokens().tokenOf(role);
            System.out.println("善治 Cockpit: embedded hub at " + url);
            HubCommand.printAccess(started, hub);
        } else if (remote == null) {
            // the wall's windows open while the embedded hub starts; the feed connects when it listens
            // the wall reaches its own hub on loopback, whatever address the hub binds for others
            boolean wildcard = hub.host.equals("0.0.0.0") || hub.host.equals("::");
            url = "http://" + (wildcard ? "127.0.0.1" : hub.host.contains(":") ? "[" + hub.host + "]" : hub.host)
                    + ":" + hub.port;
            t = Tokens.loadOrCreate(hub.tokensFile()).tokenOf(role);
            embedded = painted.thenApplyAsync(none -> Scenario.start(hub));
            embedded.whenComplete((runtime, e) -> {
                if (e != null) {
                    System.err.println("the embedded hub did not start: " + e.getCause().getMessage());
                    System.exit(1);
                }
                System.out.println("善治 Cockpit: embedded hub at " + runtime.baseUrl());
                HubCommand.printAccess(runtime, hub);
            });
        }
        List<String> hubs = remote == null ? List.of(url) : hubList(remote);
        // the first hub named is the one the wall's video tiles read
        url = hubs.get(0);
        HubCommands commands;
        try {
            commands = new HubCommands(hubs, t, CommandOutbox.open(
                    hub.journal.data.resolve("outbox").resolve(keyOf(remote == null ? "embedded" : remote, t) + ".jsonl")));
        } catch (IOException e) {
            System.err.println("the outbox under " + hub.journal.data + " cannot be opened: " + e.getMessage());
            return 1;
        }
        // recordings are the leader's and the trainer's: the local wall reads its own hub's with the trainer's token
        String recordingsToken = remote == null ? Tokens.loadOrCreate(hub.tokensFile()).tokenOf(Role.TRAINER) : t;
        WallApp.ReplayStart replay = replayFile != null ? new WallApp.ReplayStart(replayFile, null, null)
                : replayFrom != null ? new WallApp.ReplayStart(null, replayFrom.toInstant(), replayTo.toInstant()) : null;
        // the last situation this wall saw of this hub is painted at once, until the hub answers
        Path kept = hub.journal.data.resolve("wall").resolve(keyOf(remote == null ? "embedded" : remote, t) + ".situation.gz");
        try (HubFeed feed = new HubFeed(hubs, t).start(); SituationCache cache = new SituationCache(feed, kept);
             commands) {
            cache.firstPicture().thenRun(() -> painted.complete(null));
            WallApp.run(new WallApp.Options(cache, url, layout != null ? layout : district ? "district" : trainer ? "trainer" : null,
                    Locale.forLanguageTag(locale), t, role == null ? null : role.key(), commands,
                    new HubRecordings(url, recordingsToken), replay,
                    new Debriefs(DrillDebriefs::ofShipped, hub.journal.data.resolve("debriefs")), figures));
        } finally {
            painted.complete(null);
            if (embedded != null) {
                embedded.join().close();
            }
        }
        return 0;
    }

    /** The addresses of {@code --hub}: one, or several comma-separated. */
    static List<String> hubList(String option) {
        List<String> hubs = new ArrayList<>();
        for (String h : option.split(",")) {
            if (!h.isBlank()) {
                hubs.add(h.strip());
            }
        }
        return hubs;
    }

    /**
     * The name of what this wall keeps for {@code hubId} with token {@code t} (its outbox, its last situation): another
     * hub or another seat's token never sends what this one's wall left, nor shows what it saw.
     */
    private static String keyOf(String hubId, String t) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((hubId + "\n" + t).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
