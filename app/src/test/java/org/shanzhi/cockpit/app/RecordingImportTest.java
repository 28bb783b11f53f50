package org.shanzhi.cockpit.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/** `recording import`: a range exported from one hub, imported into a new data directory, served by another hub. */
class RecordingImportTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = new CommandLine(new CockpitCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aDrillsRangeImportedIntoANewDirectoryIsServedAsTheHubHadIt() throws Exception {
        Path file = dir.resolve("drill.shanzhi");
        Situation original;
        String snapshot;
        long drillStart;
        try (TestHub a = new TestHub(dir.resolve("a"))) {
            assertThat(a.ingest(HeyiScenario.loadDefault().inventory()).status()).isEqualTo(200);
            drillStart = a.runtime.hub().head() + 1;
            HubClient trainer = new HubClient(a.runtime.baseUrl(), a.token(Role.TRAINER));
            trainer.post("/api/v1/drill", Json.write(Map.of("name", "crowd-gathering")));
            trainer.post("/api/v1/drill/start", "");
            trainer.post("/api/v1/drill/injects/crowd-alert/fire", "");
            trainer.post("/api/v1/drill/stop", "");
            Instant from = a.runtime.hub().journal().readAfter(drillStart - 1, 1).get(0).time();
            trainer.recording(from, from.plusSeconds(3600), file);
            original = a.runtime.hub().situation();
            snapshot = a.runtime.hub().snapshotJson();
        }
        Recording.Header h = Recording.read(file).header();
        assertThat(h.fromSeq()).as("a range, not the journal from its start").isEqualTo(drillStart);
        assertThat(h.toSeq()).isEqualTo(original.seq());

        Path b = dir.resolve("b");
        assertThat(run("recording", "import", file.toString(), "--data", b.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(h.events() + " events imported, seq " + drillStart + " to " + original.seq());
        try (TestHub served = new TestHub(b)) {
            assertThat(served.runtime.hub().situation()).isEqualTo(original);
            assertThat(served.runtime.hub().snapshotJson()).isEqualTo(snapshot);
            // and it goes on from there: a recording of it equals the original range
            Path again = dir.resolve("again.shanzhi");
            new HubClient(served.runtime.baseUrl(), served.token(Role.TRAINER)).recording(h.from(), h.to(), again);
            assertThat(Recording.read(again).events()).isEqualTo(Recording.read(file).events());
        }

        // into a journal that holds anything: refused, nothing written
        assertThat(run("recording", "import", file.toString(), "--data", b.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("the journal is not empty").contains("nothing imported");
        try (Journal j = Journal.open(Journal.h2Url(b), "", "")) {
            assertThat(j.head()).isEqualTo(original.seq());
        }
    }

    @Test
    void aDamagedFileIsRefusedWithItsOffsetAndTheDirectoryIsLeftAlone() throws Exception {
        Path file = dir.resolve("range.shanzhi");
        try (TestHub a = new TestHub(dir.resolve("a"))) {
            assertThat(a.ingest(HeyiScenario.loadDefault().inventory()).status()).isEqualTo(200);
            Instant t = a.runtime.hub().situation().time();
            new HubClient(a.runtime.baseUrl(), a.token(Role.LEADER)).recording(t.minusSeconds(60), t, file);
        }
        byte[] whole = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.shanzhi"), java.util.Arrays.copyOf(whole, whole.length - 100));
        Path b = dir.resolve("b");
        assertThat(run("recording", "import", cut.toString(), "--data", b.toString())).isEqualTo(1);
        assertThat(err.toString()).containsPattern("cut.shanzhi: .*at byte \\d+").contains("nothing imported");
        assertThat(b).doesNotExist();

        Path newer = Files.writeString(dir.resolve("newer.shanzhi"),
                new String(whole, java.nio.charset.StandardCharsets.ISO_8859_1).replaceFirst("\"version\":2", "\"version\":9"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(run("recording", "import", newer.toString(), "--data", b.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("newer");
        assertThat(b).doesNotExist();
    }
}
