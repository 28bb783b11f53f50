package org.shanzhi.cockpit.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.shanzhi.cockpit.hub.drill.DrillScript;
import org.shanzhi.cockpit.hub.drill.DrillScripts;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;

/** Drill scripts from the command line: check one before it is loaded on a hub. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Work with drill scripts (assets/drills/README.md).",
            "check FILE: read the script and check it against the schema and the Heyi inventory; print"
                    + " FILE:LINE:COLUMN field: reason for each error (exit 1), or a one-line summary (exit 0)."})
final class DrillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "check")
    String action;

    @Parameters(index = "1", paramLabel = "FILE", description = "the drill script (YAML)")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!action.equals("check")) {
            spec.commandLine().getErr().println("unknown action '" + action + "'; known: check");
            return 2;
        }
        DrillScripts.Checked checked = DrillScripts.check(file, HeyiScenario.loadDefault());
        if (checked instanceof DrillScripts.Refused refused) {
            refused.errors().forEach(out::println);
            out.flush();
            return 1;
        }
        DrillScript s = ((DrillScripts.Good) checked).script();
        out.println(file + ": " + s.name() + " — " + DrillScripts.summary(s));
        out.flush();
        return 0;
    }
}
