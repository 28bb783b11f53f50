package org.shanzhi.cockpit.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;

/** The hub alone, headless: journal, API and (unless --scenario none) the living scenario. */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = "Run the event hub headless (REST + WebSocket) for wall PCs, field units and outside systems.")
final class HubCommand implements Callable<Integer> {

    @Mixin
    HubOptions options = new HubOptions();

    @Mixin
    LogOptions log = new LogOptions();

    @Override
    public Integer call() throws Exception {
        try (AutoCloseable file = log.toFile(options.journal.data, "hub"); HubRuntime runtime = Scenario.start(options)) {
            System.out.println("善治 Cockpit hub listening on " + runtime.baseUrl());
            printAccess(runtime, options);
            Thread.currentThread().join();
        }
        return 0;
    }

    static void printAccess(HubRuntime runtime, HubOptions options) {
        String tokens = options.tokensFile().toString();
        System.out.println("  tokens (role → token): " + tokens);
        System.out.println("  health:   curl " + runtime.baseUrl() + "/api/v1/health");
        String viewer = "$(sed -n 's/.*\"" + Role.VIEWER.key() + "\" *: *\"\\([^\"]*\\)\".*/\\1/p' " + tokens + ")";
        System.out.println("  snapshot: curl -H \"Authorization: Bearer " + viewer + "\" " + runtime.baseUrl()
                + "/api/v1/snapshot");
        System.out.println("  stream:   java -jar shanzhi-cockpit.jar watch --hub " + runtime.baseUrl() + " --tokens "
                + tokens + " --since 0");
    }
}
