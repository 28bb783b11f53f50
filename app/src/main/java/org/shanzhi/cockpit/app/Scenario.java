package org.shanzhi.cockpit.app;

import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;

/** Starts a hub with the scenario the options name. */
final class Scenario {

    private Scenario() {
    }

    static HubRuntime start(HubOptions o) {
        if (o.scenario.equals("none")) {
            return HubRuntime.start(o.config(HubClock.system()));
        }
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new HubCommand()),
                "unknown scenario '" + o.scenario + "'; known: heyi, none");
    }
}
