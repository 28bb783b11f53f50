package org.shanzhi.cockpit.app;

import picocli.CommandLine;

/** Entry point of the one artifact. A plain main, not a JavaFX Application, so the jar starts anywhere. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new CockpitCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
