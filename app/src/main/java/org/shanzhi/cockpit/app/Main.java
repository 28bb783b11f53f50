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

    /** The command line with the data directory's {@code shanzhi.properties} behind its options. */
    static CommandLine commandLine(String... args) {
        CommandLine cli = ConfigFile.fresh();
        ConfigFile.apply(cli, args);
        return cli;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine(args).setExecutionExceptionHandler(Main::refusal).execute(args);
        } catch (ConfigFile.Refused e) {
            System.err.println(e.getMessage());
            code = 2;
        }
        // every command is done when it returns; vlcj's players keep non-daemon threads that would hold the JVM
        System.exit(code);
    }
}
