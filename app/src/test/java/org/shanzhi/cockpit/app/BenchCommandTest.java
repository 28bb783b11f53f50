package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench subcommand runs and prints only {@code name: number unit} lines; no timing is asserted. */
class BenchCommandTest {

    @Test
    void quickFoldAndSnapshotPrintFigures() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CockpitCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("bench", "--quick", "--only", "fold,hub.snapshot_ms");

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line ->
                assertThat(line).matches("[a-z0-9_.]+: -?\\d+(\\.\\d+)? \\S+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("fold.events_per_s: "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("hub.snapshot_ms: "));
    }

    @Test
    void unknownFigureIsAUsageError() {
        CommandLine cli = new CommandLine(new CockpitCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("bench", "--only", "nonsense")).isEqualTo(2);
    }
}
