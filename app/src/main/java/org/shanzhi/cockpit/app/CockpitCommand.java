package org.shanzhi.cockpit.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import org.shanzhi.cockpit.bench.BenchCommand;
import org.shanzhi.cockpit.hub.HubRuntime;

/**
 * The default command: the cockpit with its embedded hub on the Heyi scenario. Until the wall's
 * windows exist it runs the embedded hub and says where it listens and how to read it.
 */
@Command(name = "shanzhi-cockpit", mixinStandardHelpOptions = true, version = "善治 Cockpit 0.1.0",
        description = "善治 Cockpit: the command-center wall of a street-level governance center, with its event hub.",
        subcommands = {HubCommand.class, WatchCommand.class, BenchCommand.class})
final class CockpitCommand implements Callable<Integer> {

    @Mixin
    HubOptions hub = new HubOptions();

    @Override
    public Integer call() throws Exception {
        try (HubRuntime runtime = Scenario.start(hub)) {
            System.out.println("善治 Cockpit: embedded hub at " + runtime.baseUrl()
                    + " (the wall's windows are not part of this build yet)");
            HubCommand.printAccess(runtime, hub);
            Thread.currentThread().join();
        }
        return 0;
    }
}
