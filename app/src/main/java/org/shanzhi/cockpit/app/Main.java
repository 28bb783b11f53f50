package org.shanzhi.cockpit.app;

import picocli.CommandLine;

/** Entry point of the one artifact. A plain main, not a JavaFX Application, so the jar starts anywhere. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new CockpitCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        // every command is done when it returns; vlcj's players keep non-daemon threads that would hold the JVM
        System.exit(code);
    }
}
