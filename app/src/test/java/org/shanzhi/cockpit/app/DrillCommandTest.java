package org.shanzhi.cockpit.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;

import static org.assertj.core.api.Assertions.assertThat;

class DrillCommandTest {

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
    void aReportIsOneHtmlPageWithItsCharts() throws Exception {
        Situation s = Situation.empty();
        Instant t = Instant.parse("2026-05-30T08:00:00Z");
        long seq = 0;
        for (Event e : HeyiScenario.loadDefault().inventory()) {
            s = s.apply(new Recorded(++seq, t, e));
        }
        Path file = dir.resolve("range.recording");
        try (Recording.Writer w = new Recording.Writer(file, "test")) {
            List<Event> range = List.of(
                    new Event.IncidentOpened("C-1", "树木倒伏", "树木倒伏", Incident.Source.GRID_WORKER,
                            Incident.Severity.HIGH, IncidentState.REGISTERED, new GeoPoint(116.40885, 39.8187), null, null),
                    new Event.OutageReported("O-1", "110106016008", "断线", 30, 1800),
                    new Event.OutageRestored("O-1", 21, 9));
            for (Event e : range) {
                t = t.plusSeconds(600);
                w.add(s, ++seq, t, Json.typeOf(e), Json.write(e), null);
                s = s.apply(new Recorded(seq, t, e));
            }
            w.finish(t.minusSeconds(3600), t);
        }
        Path html = dir.resolve("report.html");
        assertThat(run("drill", "report", "--recording", file.toString(), "--out", html.toString())).as(err.toString())
                .isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "树木倒伏", "70%").doesNotContain("http");
    }

    @Test
    void aReportOfABadFileSaysWhyAndExitsOne() throws Exception {
        Path out = dir.resolve("r.html");
        assertThat(run("drill", "report", "--recording", dir.resolve("none.recording").toString(), "--out",
                out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("none.recording: no such file");
        Path junk = Files.writeString(dir.resolve("junk.recording"), "not a recording\n");
        assertThat(run("drill", "report", "--recording", junk.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("junk.recording: at byte 0: not a recording");
        assertThat(run("drill", "report", "--out", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("give either --recording FILE or --from T --to T");
        assertThat(out).doesNotExist();
    }

    /** A report keeps the logging to warnings while it runs and gives the level back: the JVM may go on (as here). */
    @Test
    void aReportLeavesTheLoggingAsItFoundIt() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        assertThat(before).isNotEqualTo(Level.WARN);
        assertThat(run("drill", "report", "--out", dir.resolve("r.html").toString())).isEqualTo(1);
        assertThat(root.getLevel()).isEqualTo(before);
    }

    @Test
    void theReportsHelpListsItsOwnOptionsNotEveryHubOption() {
        assertThat(run("drill", "report", "--help")).isZero();
        assertThat(out.toString()).contains("--recording", "--from", "--data", "--jdbc", "--script", "--out")
                .doesNotContain("--port", "--speed", "--max-subscribers", "--order-expire-minutes", "--peer-hubs");
    }

    @Test
    void aGoodScriptExitsZeroWithOneLine() {
        assertThat(run("drill", "check", "../assets/drills/storm-530.yaml")).isZero();
        assertThat(out.toString().strip()).startsWith("../assets/drills/storm-530.yaml: 5·30 大风暴雨应急处置演练 — 10 injects")
                .doesNotContain("\n");
    }

    @Test
    void severalScriptsAreEachCheckedAndOneBadFileMakesTheExitNonZero() throws Exception {
        assertThat(run("drill", "check", "../assets/drills/storm-530.yaml", "../assets/drills/crowd-gathering.yaml",
                "../assets/drills/waterlogging-underpass.yaml")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).hasSize(3).allMatch(l -> l.contains(".yaml: ") && l.contains(" injects"));

        out.getBuffer().setLength(0);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\n");
        assertThat(run("drill", "check", "../assets/drills/storm-530.yaml", bad.toString())).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("../assets/drills/storm-530.yaml: 5·30 大风暴雨应急处置演练 — 10 injects");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(l -> l.startsWith(bad + ":"));
    }

    @Test
    void aBadScriptExitsOneWithFileLineColumnAndReasonPerError() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: x
                participants: [a]
                objectives: [{id: O1, text: t, target: t}]
                injects:
                  - {id: a, after: b, title: t, events: [{type: WarningLifted, payload: {warningId: W}}]}
                  - {id: b, after: a, title: t, events: [{type: AiAlertRaised, payload: {alertId: $x, cameraId: CAM-0000, kind: k, confidence: 0.5, boxes: []}}]}
                """);
        assertThat(run("drill", "check", bad.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                bad + ":5:20 injects[0].after: after references form a cycle: a → b → a",
                bad + ":6:97 injects[1].events[0].payload.cameraId: no camera 'CAM-0000' in the Heyi inventory");
        assertThat(run("drill", "check", dir.resolve("missing.yaml").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("missing.yaml no such file");
    }
}
