package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.json.Json;

/** figures.properties: its values become the settings the hub and the wall compute with; a bad one names its place. */
class FiguresFileTest {

    @TempDir
    Path data;

    private Path write(String text) throws IOException {
        return Files.writeString(data.resolve(FiguresFile.NAME), text);
    }

    @Test
    void noFileIsDomainMdsDefaultsAndAFileSetsWhatItNames() throws IOException {
        assertThat(FiguresFile.read(data)).isEqualTo(FigureSettings.DEFAULT);
        write("""
                # 和义's own: 10/45/45, half credit for 部分解决
                weights.response = 0.10
                weights.resolution = 0.45
                weights.satisfaction = 0.45
                weights.partially-resolved = 0.5
                minimum.revisits = 50
                proactive-sources = AI, SENSOR
                petition-basis.visitors = 40
                """);
        FigureSettings f = FiguresFile.read(data);
        assertThat(f.weights()).isEqualTo(new Kpi.Weights(0.10, 0.45, 0.45, 0.6, 0.5));
        assertThat(f.minimum()).isEqualTo(new Kpi.MinimumBase(50, 10, 10, 10));
        assertThat(f.proactive().sources()).isEqualTo(EnumSet.of(Incident.Source.AI, Incident.Source.SENSOR));
        assertThat(f.petitionBasis().visitors()).isEqualTo(40);
        assertThat(f.petitionBasis().from()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(f.petitionBasis().source()).isEqualTo(FiguresFile.NAME);
    }

    @Test
    void aBadValueIsRefusedWithTheFileTheLineAndTheKey() throws IOException {
        refused("weights.partially-resolved=half\n", ":1: weights.partially-resolved: 'half' is not a share from 0 to 1");
        refused("# ours\nweights.response=0.2\n", ":2: weights.response: response + resolution + satisfaction must be 1");
        refused("minimum.revisits=0\n", ":1: minimum.revisits: '0' is not a whole number of at least 1");
        refused("proactive-sources=AI,DRONE\n", ":1: proactive-sources: unknown source 'DRONE'");
        refused("proactive-sources=AI,HOTLINE\n", ":1: proactive-sources: a 12345 order is a call");
        refused("petition-basis.from=2025-05-30\npetition-basis.to=2025-04-30\n", ":2: petition-basis.to: to is before from");
        refused("weights.basicaly-satisfied=0.5\n", ":1: unknown key 'weights.basicaly-satisfied'");
        refused("minimum.revisits=20\nminimum.revisits=40\n", ":2: minimum.revisits: given again (first on line 1)");
    }

    private void refused(String text, String expected) throws IOException {
        Path file = write(text);
        assertThatThrownBy(() -> FiguresFile.read(data)).isInstanceOf(ConfigFile.Refused.class)
                .hasMessageStartingWith(file + expected.substring(0, expected.indexOf(' ')))
                .hasMessageContaining(expected);
    }

    /** The hub, the wall and the picture of a layout read the file before they start anything; a bad one stops them. */
    @Test
    void aBadFileStopsTheHubTheWallAndThePictureBeforeTheyStart() throws IOException {
        Path file = write("weights.response=0.3\nweights.resolution=0.5\n");
        String d = data.toString();
        for (String[] args : new String[][] {{"hub", "--data", d, "--port", "0", "--scenario", "none"},
            {"--data", d, "--port", "0", "--scenario", "none"},
            {"snapshot", "--data", d, "--out", data.resolve("wall.png").toString()}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine(args);
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute(args)).isNotZero();
            assertThat(err.toString())
                    .contains(file + ":2: weights.resolution: response + resolution + satisfaction must be 1");
        }
        assertThat(data.resolve("journal.mv.db")).doesNotExist();
        assertThat(data.resolve("wall.png")).doesNotExist();
    }

    /** The hub started on a data directory with the file: its /kpis computes with the file's credit and says so. */
    @Test
    void theHubsKpisFollowTheFile() throws Exception {
        assertThat(kpis(Files.createDirectory(data.resolve("plain"))).path("threeRates30d").path("resolution").asDouble())
                .isCloseTo(0.5, within(1e-9));

        Path own = Files.createDirectory(data.resolve("own"));
        Files.writeString(own.resolve(FiguresFile.NAME), "weights.partially-resolved=0.5\n");
        JsonNode k = kpis(own);
        // 2 YES + 2 PARTIAL at half credit: (2 + 0.5 × 2) / 4
        assertThat(k.path("threeRates30d").path("resolution").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(k.path("settings").path("weights").path("partiallyResolved").asDouble()).isEqualTo(0.5);
        assertThat(k.path("settings").path("minimum").path("revisits").asInt()).isEqualTo(30);
    }

    /** A hub on {@code dir} as the hub command starts it, fed two resolved and two partly resolved orders. */
    private static JsonNode kpis(Path dir) throws Exception {
        HubCommand command = new HubCommand();
        new CommandLine(command).parseArgs("--data", dir.toString(), "--port", "0", "--scenario", "none");
        try (TestHub hub = new TestHub(command.options.config(s -> HubClock.system()))) {
            List<Event> events = new ArrayList<>(Fixtures.inventory());
            Complaint.Resolution[] answers = {Complaint.Resolution.YES, Complaint.Resolution.YES,
                Complaint.Resolution.PARTIAL, Complaint.Resolution.PARTIAL};
            for (int i = 0; i < answers.length; i++) {
                events.addAll(Fixtures.revisited("O-" + i, true, answers[i], Complaint.Satisfaction.SATISFIED));
            }
            assertThat(hub.ingest(events).status()).isEqualTo(200);
            Request get = new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/kpis")
                    .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build();
            try (Response r = new OkHttpClient().newCall(get).execute()) {
                assertThat(r.code()).isEqualTo(200);
                return Json.MAPPER.readTree(r.body().string());
            }
        }
    }
}
