package org.shanzhi.cockpit.app;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.shanzhi.cockpit.bench.BenchCommand;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.Tokens;
import org.shanzhi.cockpit.wall.WallApp;

/**
 * The default command: the wall. With no flags it starts the embedded hub on the Heyi scenario
 * and opens the layout that fits the monitors found; {@code --hub URL --token T} reads a remote
 * hub instead.
 */
@Command(name = "shanzhi-cockpit", mixinStandardHelpOptions = true, version = "善治 Cockpit 0.1.0",
        description = "善治 Cockpit: the command-center wall of a street-level governance center, with its event hub.",
        footer = {"", "Any long option of the wall, hub and journal commands can also be set in "
                + "<data>/shanzhi.properties, without its dashes (port=8717); the command line wins over the file."},
        subcommands = {HubCommand.class, WatchCommand.class, SnapshotCommand.class, JournalCommand.class, DrillCommand.class,
            BenchCommand.class})
final class CockpitCommand implements Callable<Integer> {

    @Mixin
    HubOptions hub = new HubOptions();

    @Mixin
    LogOptions log = new LogOptions();

    @Option(names = "--hub", description = "Read this hub (e.g. http://10.0.0.5:8717) instead of starting the embedded one.")
    String remote;

    @Option(names = "--token", description = "Token for --hub (a reading role: viewer, operator, leader, …).")
    String token;

    @Option(names = "--layout", description = "Layout name (laptop, wall-3x2, wall-4k, duty-desk) or a layout file; "
            + "default: the one that fits the monitors.")
    String layout;

    @Option(names = "--locale", defaultValue = "zh-CN", description = "zh-CN (default) or en.")
    String locale;

    @Override
    public Integer call() throws Exception {
        if (remote != null && token == null) {
            System.err.println("--hub needs --token");
            return 2;
        }
        try (AutoCloseable file = log.toFile(hub.data, "wall")) {
            return wall();
        }
    }

    private int wall() {
        CompletableFuture<HubRuntime> embedded = null;
        String url = remote;
        String t = token;
        // the local wall is the duty desk's: it reads and sends orders with the operator's token
        Role role = remote == null ? Role.OPERATOR : null;
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
            embedded = CompletableFuture.supplyAsync(() -> Scenario.start(hub));
            embedded.whenComplete((runtime, e) -> {
                if (e != null) {
                    System.err.println("the embedded hub did not start: " + e.getCause().getMessage());
                    System.exit(1);
                }
                System.out.println("善治 Cockpit: embedded hub at " + runtime.baseUrl());
                HubCommand.printAccess(runtime, hub);
            });
        }
        try (HubFeed feed = new HubFeed(url, t).start()) {
            WallApp.run(new WallApp.Options(feed, url, layout, Locale.forLanguageTag(locale), t,
                    role == null ? null : role.key()));
        } finally {
            if (embedded != null) {
                embedded.join().close();
            }
        }
        return 0;
    }
}
