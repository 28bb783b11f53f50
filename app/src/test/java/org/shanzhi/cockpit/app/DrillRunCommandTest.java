package org.shanzhi.cockpit.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code drill run} and {@code drill record} against a real hub on the Heyi inventory. */
class DrillRunCommandTest {

    /** Two injects two seconds apart; the second expects its alert confirmed within 2 minutes. */
    static final String SCRIPT = """
            name: 命令行演练
            participants: [指挥中心坐席]
            objectives: [{id: O1, text: 聚集苗头及时发现, target: 视频告警2分钟内确认}]
            injects:
              - id: intel
                at: 0s
                title: 情报信息员报告聚集苗头
                events:
                  - type: IntelReported
                    payload: {reportId: $intel, officerId: INF-001, category: 群体性事件, severity: MEDIUM,
                              communityCode: "110106016007", summary: 业主群约定聚集}
              - id: crowd-alert
                at: 2s
                title: 视频发现小区门口人员聚集
                events:
                  - type: AiAlertRaised
                    payload: {alertId: $crowd-alert, cameraId: CAM-0069, kind: 人群密度, vendorCode: "856",
                              confidence: 0.93, boxes: [{x: 0.15, y: 0.3, w: 0.7, h: 0.6, label: 人员聚集}]}
                expect:
                  - {action: alertConfirmed, within: 2m, objective: O1, text: 坐席确认视频告警}
                  - {action: caseDispatched, within: 10m}
            """;

    @TempDir
    Path dir;
    TestHub hub;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        hub = new TestHub(dir.resolve("hub"));
        assertThat(hub.ingest(HeyiScenario.loadDefault().inventory()).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    int run(String... args) {
        CommandLine cli = new CommandLine(new CockpitCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    String url() {
        return hub.runtime.baseUrl();
    }

    String trainer() {
        return hub.token(Role.TRAINER);
    }

    @Test
    void aDrillRunsToItsEndAndIsRecorded() throws Exception {
        Path script = Files.writeString(dir.resolve("cli.yaml"), SCRIPT);
        assertThat(run("drill", "run", script.toString(), "--hub", url(), "--token", trainer(), "--poll-ms", "100"))
                .as(err.toString()).isZero();
        String said = out.toString();
        assertThat(said).contains(": 命令行演练 (2 injects)", " inject intel fired: 情报信息员报告聚集苗头",
                " inject crowd-alert fired: 视频发现小区门口人员聚集", "expected within 2 min: 坐席确认视频告警", " finished at +0:00:0");
        // nobody confirmed the alert, and its 2 minutes have not run out: the debrief's judgement on the recording
        assertThat(said).contains("crowd-alert — 坐席确认视频告警 (within 2 min): open (not done yet; its time runs to ");
        // an expected action the script gives no words says what it is
        assertThat(said).contains("expected within 10 min: 派遣 (caseDispatched)",
                "crowd-alert — 派遣 (caseDispatched) (within 10 min): ");
        String id = said.substring(said.indexOf("drill ") + 6, said.indexOf(" loaded"));

        Path token = Files.writeString(dir.resolve("token"), trainer() + "\n");
        Path file = dir.resolve("drill.shanzhi");
        assertThat(run("drill", "record", "--hub", url(), "--token-file", token.toString(), "--out", file.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains(file + ": drill " + id + ", ");
        Recording.Contents c = Recording.read(file);
        assertThat(c.events()).anyMatch(r -> r.event() instanceof Event.DrillStarted d && d.drillId().equals(id));
        assertThat(c.events()).anyMatch(r -> r.event() instanceof Event.AiAlertRaised a
                && a.alertId().equals(id + ":crowd-alert") && id.equals(r.drill()));
        assertThat(c.events()).anyMatch(r -> r.event() instanceof Event.DrillEnded d && d.drillId().equals(id));
        // named by its id, as well
        Path again = dir.resolve("again.shanzhi");
        assertThat(run("drill", "record", "--hub", url(), "--token", trainer(), "--drill", id, "--out", again.toString()))
                .as(err.toString()).isZero();
        assertThat(Recording.read(again).header().events()).isEqualTo(c.header().events());
    }

    @Test
    void aDrillRunningAlreadyIsRefusedWithTheHubsReason() throws Exception {
        HubClient trainer = new HubClient(url(), trainer());
        trainer.post("/api/v1/drill", Json.write(Map.of("name", "crowd-gathering")));
        trainer.post("/api/v1/drill/start", "");
        assertThat(run("drill", "run", "storm-530", "--hub", url(), "--token", trainer())).isEqualTo(1);
        assertThat(err.toString()).contains("two drills cannot share a hub");
    }

    @Test
    void anUnreachableHubABadTokenAndAScriptErrorAreSaidInOneLine() throws Exception {
        assertThat(run("drill", "run", "storm-530", "--hub", "http://127.0.0.1:1", "--token", "x")).isEqualTo(1);
        assertThat(err.toString()).contains("the hub at http://127.0.0.1:1 does not answer");
        assertThat(run("drill", "run", "storm-530", "--hub", url(), "--token-file", dir.resolve("none").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("cannot read the token: java.nio.file.NoSuchFileException: ");
        assertThat(run("drill", "run", "storm-530", "--hub", url(), "--token", "not-a-token")).isEqualTo(1);
        assertThat(err.toString()).contains("refused the token (401)");
        assertThat(run("drill", "run", "storm-530", "--hub", url(), "--token", hub.token(Role.VIEWER))).isEqualTo(1);
        assertThat(err.toString()).contains("(403: ").contains("drills need a trainer's token");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), SCRIPT.replace("CAM-0069", "CAM-0000"));
        assertThat(run("drill", "run", bad.toString(), "--hub", url(), "--token", trainer())).isEqualTo(1);
        assertThat(err.toString()).contains(bad + ":17:");
        assertThat(err.toString()).contains("no camera 'CAM-0000' in the Heyi inventory");
        assertThat(run("drill", "record", "--hub", url(), "--token", trainer(), "--out", dir.resolve("r").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no drill was loaded on the hub since it started");
        assertThat(dir.resolve("r")).doesNotExist();
    }
}
