package org.shanzhi.cockpit.app;

import picocli.CommandLine;

/** Entry point of the one artifact. A plain main, not a JavaFX Application, so the jar starts anywhere. */
public final class Main {

    private Main() {
    }

    /**
     * What the product refuses (a bad option value, a journal it cannot replay) is said in one
     * line that names the way on; anything else is a fault, shown whole.
     */
    private static int refusal(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            cmd.getErr().println(e.getMessage());
            return 1;
        }
        throw e;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new CockpitCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::refusal).execute(args);
        // every command is done when it returns; vlcj's players keep non-daemon threads that would hold the JVM
        System.exit(code);
    }
}
