package org.shanzhi.cockpit.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class DrillCommandTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();

    int run(String... args) {
        CommandLine cli = new CommandLine(new CockpitCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @Test
    void aGoodScriptExitsZeroWithOneLine() {
        assertThat(run("drill", "check", "../assets/drills/storm-530.yaml")).isZero();
        assertThat(out.toString().strip()).startsWith("../assets/drills/storm-530.yaml: 5·30 大风暴雨应急处置演练 — 10 injects")
                .doesNotContain("\n");
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
