package org.shanzhi.cockpit.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.debrief.Debrief;
import org.shanzhi.cockpit.domain.debrief.Debrief.Outcome;
import org.shanzhi.cockpit.domain.debrief.Rating;
import org.shanzhi.cockpit.domain.debrief.Stage;
import org.shanzhi.cockpit.domain.debrief.Targets;
import org.shanzhi.cockpit.hub.drill.DrillDebriefs;
import org.shanzhi.cockpit.hub.drill.DrillPlans;
import org.shanzhi.cockpit.hub.drill.DrillScript;
import org.shanzhi.cockpit.hub.drill.DrillScripts;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.report.DebriefHtml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The storm drill end to end on a real hub: the trainer runs it (skipping from inject to inject), the trainees
 * confirm the video alert, send a unit to the line case, take the whistle's report and 50 of the 60 calls, and
 * leave the 和义西里 case alone; the range is exported, and the debrief read from the file is checked against what
 * they did.
 */
class DrillDebriefTest {

    @TempDir
    Path data;
    TestHub hub;
    String id;

    @BeforeEach
    void start() {
        hub = new TestHub(data);
        assertThat(hub.ingest(HeyiScenario.loadDefault().inventory()).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    TestHub.Reply post(String path, Role role, String body) {
        TestHub.Reply r = hub.post(path, role, body, java.util.UUID.randomUUID().toString());
        assertThat(r.status()).as(path + ": " + r.body()).isBetween(200, 299);
        return r;
    }

    org.shanzhi.cockpit.domain.Situation now() {
        return hub.runtime.hub().situation();
    }

    @Test
    void theStormDrillsDebriefHasTheFiguresOfWhatTheTraineesDid() throws Exception {
        Instant from = Instant.now();
        id = post("/api/v1/drill", Role.TRAINER, "{\"name\": \"storm-530\"}").json().get("id").asText();
        post("/api/v1/drill/start", Role.TRAINER, "");
        await().until(() -> now().warnings().containsKey(id + ":gale"));

        post("/api/v1/drill/skip", Role.TRAINER, "");
        await().until(() -> now().alerts().containsKey(id + ":tree-east-alert"));
        post("/api/v1/alerts/" + id + ":tree-east-alert/review", Role.OPERATOR,
                "{\"decision\": \"ACCEPTED\", \"severity\": \"HIGH\"}");

        post("/api/v1/drill/skip", Role.TRAINER, "");
        post("/api/v1/drill/skip", Role.TRAINER, "");
        String line = id + ":line-case";
        await().until(() -> now().incidents().containsKey(line));
        post("/api/v1/incidents/" + line + "/orders", Role.LEADER,
                "{\"unitId\": \"GY-01\", \"task\": \"抢修压线\", \"override\": true}");
        String order = now().incidents().get(line).orderIds().get(0);
        for (OrderState s : List.of(OrderState.ACCEPTED, OrderState.EN_ROUTE, OrderState.ON_SITE)) {
            assertThat(hub.ingest(List.of(new Event.OrderAdvanced(order, s, "GY-01", null, null, null))).status())
                    .isEqualTo(200);
        }

        String whistle = id + ":whistle";
        while (!now().whistles().containsKey(whistle)) {
            post("/api/v1/drill/skip", Role.TRAINER, "");
        }
        post("/api/v1/whistles/" + whistle + "/arrived", Role.OPERATOR, "{\"department\": \"供电公司\"}");

        // an unannounced inject after the outage's last step, so that skipping reaches the end
        post("/api/v1/drill/injects", Role.TRAINER, """
                {"id": "end", "at": "9h", "title": "演练结束",
                 "events": [{"type": "IntelReported", "payload": {"reportId": "$end", "officerId": "INF-001",
                   "category": "电力", "severity": "LOW", "communityCode": "110106016008", "summary": "演练结束"}}]}
                """);
        while (hub.post("/api/v1/drill/skip", Role.TRAINER, "", null).status() == 200) {
            // to the next inject still to come
        }
        await().until(() -> now().drill() == null);
        for (int n = 1; n <= 50; n++) {
            post("/api/v1/complaints/" + String.format("%s:outage-calls-%04d", id, n) + "/advance", Role.OPERATOR,
                    "{\"state\": \"DISPATCHED\"}");
        }

        Path file = data.resolve("storm.recording");
        RecordingExport.export(hub.runtime.hub().journal(), from, Instant.now(), file);
        Recording.Contents rec = Recording.read(file);
        DrillScript script = ((DrillScripts.Good) DrillScripts.check(Path.of("../assets/drills/storm-530.yaml"),
                HeyiScenario.loadDefault())).script();
        assertThat(DrillPlans.drillId(script, rec.events())).isEqualTo(id);
        Debrief d = Debrief.of(rec.snapshots().get(0).situation(), rec.events(),
                DrillPlans.plan(script, id, rec.events()), Targets.defaults());

        assertThat(d.actions()).extracting(a -> a.expected().injectId() + " " + a.expected().action() + " "
                + a.outcome()).containsExactly(
                "tree-east alertConfirmed MET",
                "tree-west caseDispatched MISSED",
                "tree-west unitOnScene MISSED",
                "line-cut caseDispatched MET",
                "line-cut unitOnScene MET",
                "outage outageRestored MET",
                "surge complaintHandled MISSED",
                "whistle whistleAnswered MET");
        Debrief.ActionResult surge = d.actions().get(6);
        assertThat(surge.of()).isEqualTo(60);
        assertThat(surge.inTime()).isEqualTo(50);
        assertThat(d.ratings()).extracting(Rating::grade).containsExactly(Rating.Grade.DONE, Rating.Grade.DONE,
                Rating.Grade.DONE, Rating.Grade.NOT_DONE);
        assertThat(d.ratings().get(3).reason()).contains("60件中50件");

        // 东三: 3, 9, 15, 21, 27, 30, 30 of 30 buildings with power; the network a step behind
        Debrief.OutageCurve dongsan = d.outages().get(0);
        assertThat(dongsan.id()).isEqualTo(id + ":dongsan");
        assertThat(dongsan.points()).extracting(Debrief.OutageCurve.Point::powerPct)
                .containsExactly(0.0, 10.0, 30.0, 50.0, 70.0, 90.0, 100.0, 100.0);
        assertThat(dongsan.points()).extracting(Debrief.OutageCurve.Point::networkPct)
                .containsExactly(0.0, 0.0, 10.0, 30.0, 50.0, 70.0, 90.0, 100.0);
        assertThat(d.calls().received()).isEqualTo(60);
        assertThat(d.calls().handled()).isEqualTo(50);
        assertThat(d.calls().absorbedAt()).isNull();

        // the case from the video alert, the 和义西里 case and the line case; the line case went round to 到场
        assertThat(d.cases()).hasSize(3);
        Debrief.CaseTimes lineCase = d.cases().stream().filter(c -> c.id().equals(line)).findFirst().orElseThrow();
        assertThat(lineCase.at()).containsKeys(Stage.ALARM, Stage.CONFIRMED, Stage.DISPATCHED, Stage.ACCEPTED,
                Stage.ON_SITE);
        assertThat(d.units()).extracting(Debrief.UnitTimes::unitId).containsExactly("GY-01");

        // the wall at a replay's end finds the shipped script of the drill the range holds, and rates the same
        assertThat(DrillDebriefs.ofShipped(rec)).isEqualTo(d);
        assertThat(DrillDebriefs.of(rec, script, null)).isEqualTo(d);

        String html = DebriefHtml.render(d);
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "src=");
        assertThat(html.split("<svg", -1)).hasSize(4);
        assertThat(html).contains("5·30 大风暴雨应急处置演练", "未完成", "停电恢复", "12345诉求受理");
        // a drill's case is named by its inject, not by its id in the journal; the line case's 派遣 is held to the
        // script's 5 min (the 和义西里 case was never dispatched); the injected cases came registered (no 0 s 确认)
        assertThat(html).contains("注入：树木压断10千伏线路（东三社区）", "脚本 ≤5分钟（自注入起）", "已先行处置")
                .doesNotContain(line);
        assertThat(lineCase.confirmedAhead()).isTrue();
        Files.writeString(data.resolve("report.html"), html);
    }
}
