package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.recording.Recording;

/** `recording export` of a stopped hub's journal, then `recording check` of the file, whole and cut. */
class RecordingCommandTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedHubsJournalIsExportedAndTheFileChecked() throws Exception {
        Path data = dir.resolve("data");
        long head;
        try (HubRuntime hub = HubRuntime.start(HubRuntime.Config.local(data))) {
            hub.hub().append(Fixtures.inventory().stream().map(e -> new Hub.Pending(Fixtures.T0, e)).toList(),
                    Hub.Origin.system("test"));
            head = hub.hub().head();
        }
        Path file = dir.resolve("day.shanzhi");
        Run export = run("recording", "export", "--data", data.toString(), "--from", "2000-01-01T00:00:00+08:00",
                "--to", "2100-01-01T00:00:00+08:00", "--out", file.toString());
        assertThat(export.code).as(export.err).isZero();
        assertThat(export.out).contains(head + " events, seq 1 to " + head);
        assertThat(Recording.read(file).situationAt(head).seq()).isEqualTo(head);

        Run check = run("recording", "check", file.toString());
        assertThat(check.code).as(check.err).isZero();
        assertThat(check.out).contains(head + " events");

        Path cut = Files.write(dir.resolve("cut.shanzhi"), Arrays.copyOf(Files.readAllBytes(file),
                (int) Files.size(file) - 10));
        Run broken = run("recording", "check", cut.toString());
        assertThat(broken.code).isEqualTo(1);
        assertThat(broken.err).contains("at byte ").contains("cut short").contains("nothing in it can be replayed");

        Run none = run("recording", "export", "--data", data.toString(), "--from", "2000-01-01T00:00:00Z",
                "--to", "2000-01-02T00:00:00Z", "--out", dir.resolve("none.shanzhi").toString());
        assertThat(none.code).isEqualTo(1);
        assertThat(none.err).contains("no events");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CockpitCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
