package org.shanzhi.cockpit.hub;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The trainer's exercise clock through the hub's API, on the Heyi inventory. */
class DrillApiTest {

    @TempDir
    Path data;
    TestHub hub;

    @BeforeEach
    void start() {
        hub = new TestHub(data);
        assertThat(hub.ingest(HeyiScenario.loadDefault().inventory()).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    TestHub.Reply trainer(String path, String body) {
        return hub.post(path, Role.TRAINER, body, null);
    }

    @Test
    void aTrainerRunsTheStormDrill() {
        assertThat(hub.get("/api/v1/drill", Role.VIEWER).status()).isEqualTo(404);
        assertThat(hub.post("/api/v1/drill", Role.OPERATOR, "{\"name\": \"storm-530\"}", null).status()).isEqualTo(403);
        TestHub.Reply loaded = trainer("/api/v1/drill", "{\"name\": \"storm-530\"}");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
        assertThat(loaded.json().get("state").asText()).isEqualTo("ready");
        String id = loaded.json().get("id").asText();

        assertThat(trainer("/api/v1/drill/start", "").json().get("state").asText()).isEqualTo("running");
        await().until(() -> hub.runtime.hub().situation().warnings().containsKey(id + ":gale"));
        TestHub.Reply twice = trainer("/api/v1/drill/start", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("message").asText()).contains("started already");
        TestHub.Reply another = trainer("/api/v1/drill", "{\"name\": \"crowd-gathering\"}");
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.json().get("message").asText()).contains("two drills cannot share a hub");

        assertThat(trainer("/api/v1/drill/pause", "").json().get("state").asText()).isEqualTo("paused");
        assertThat(trainer("/api/v1/drill/pause", "").status()).isEqualTo(409);
        // fired now while paused: on the hub at once
        TestHub.Reply fired = trainer("/api/v1/drill/injects/tree-east/fire", "");
        assertThat(fired.status()).as(fired.body()).isEqualTo(200);
        assertThat(hub.runtime.hub().situation().alerts()).containsKey(id + ":tree-east-alert");
        assertThat(trainer("/api/v1/drill/injects/nothing/fire", "").status()).isEqualTo(404);

        assertThat(trainer("/api/v1/drill/resume", "").json().get("state").asText()).isEqualTo("running");
        TestHub.Reply skipped = trainer("/api/v1/drill/skip", "");
        assertThat(skipped.json().get("clockSeconds").asLong()).isGreaterThanOrEqualTo(3 * 3600 + 120);
        assertThat(hub.runtime.hub().situation().incidents()).containsKey(id + ":tree-west-case");

        TestHub.Reply added = trainer("/api/v1/drill/injects", """
                {"id": "sos", "title": "临时增加：单兵求助",
                 "events": [{"type": "UnitSos", "payload": {"unitId": "GW-079", "active": true}}]}
                """);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(hub.runtime.hub().situation().units().get("GW-079").sos()).isTrue();
        assertThat(hub.runtime.hub().situation().drillOf("unitSos", "GW-079")).isEqualTo(id);
        assertThat(trainer("/api/v1/drill/injects", """
                {"id": "water", "title": "临时增加：积水报警",
                 "events": [{"type": "SensorReported", "payload": {"sensorId": "SEN-WAT-01", "value": 32.5}}]}
                """).status()).isEqualTo(201);
        assertThat(hub.runtime.hub().situation().sensors().get("SEN-WAT-01").alarm()).isTrue();
        assertThat(hub.runtime.hub().situation().drillOf("sensorAlarms", "SEN-WAT-01")).isEqualTo(id);
        TestHub.Reply bad = trainer("/api/v1/drill/injects", """
                {"id": "ghost", "title": "t", "events": [{"type": "UnitSos", "payload": {"unitId": "GW-000", "active": true}}]}
                """);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("field").asText()).isEqualTo("inject.events[0].payload.unitId");

        JsonNode status = hub.get("/api/v1/drill", Role.VIEWER).json();
        assertThat(status.get("emitted").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(trainer("/api/v1/drill/stop", "").json().get("state").asText()).isEqualTo("stopped");
        // the drill's warnings do not outlive it on the walls
        assertThat(hub.runtime.hub().situation().warnings().values()).filteredOn(w -> w.id().startsWith(id + ":"))
                .isNotEmpty().allMatch(w -> w.lifted());
        // nor the SOS and the sensor alarm it raised; the ends are the drill's, in its record
        assertThat(hub.runtime.hub().situation().units().get("GW-079").sos()).isFalse();
        assertThat(hub.runtime.hub().situation().sensors().get("SEN-WAT-01").alarm()).isFalse();
        assertThat(hub.runtime.hub().situation().sensors().get("SEN-WAT-01").value()).isEqualTo(0.0);
        assertThat(hub.runtime.hub().situation().drillThings().keySet()).noneMatch(k -> k.startsWith("unitSos/")
                || k.startsWith("sensorAlarms/"));
        assertThat(trainer("/api/v1/drill/resume", "").status()).isEqualTo(409);
        assertThat(trainer("/api/v1/drill", "{\"name\": \"crowd-gathering\"}").status()).isEqualTo(201);
    }

    @Test
    void aScriptIsLoadedFromItsText() throws Exception {
        String storm = java.nio.file.Files.readString(Path.of("../assets/drills/storm-530.yaml"));
        TestHub.Reply r = trainer("/api/v1/drill", Json.write(Map.of("script", storm, "file", "storm-530.yaml")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("injects")).hasSize(10);
    }

    @Test
    void theTrainerSeesWhichDrillsCanBeLoadedAndWhatEachInjectExpects() throws Exception {
        TestHub.Reply list = hub.get("/api/v1/drill/scripts", Role.TRAINER);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("name")).containsExactly("crowd-gathering", "storm-530",
                "waterlogging-underpass");
        assertThat(list.json().get(1).get("title").asText()).isEqualTo("5·30 大风暴雨应急处置演练");
        // every drill in the folder is one the jar ships
        try (var files = java.nio.file.Files.list(Path.of("../assets/drills"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.replace(".yaml", ""))).containsExactlyInAnyOrderElementsOf(org.shanzhi.cockpit.hub.drill.ShippedDrills.IN_JAR);
        }
        assertThat(hub.get("/api/v1/drill/scripts", Role.OPERATOR).status()).isEqualTo(403);

        JsonNode lineCut = trainer("/api/v1/drill", "{\"name\": \"storm-530\"}").json().get("injects").get(3);
        assertThat(lineCut.get("id").asText()).isEqualTo("line-cut");
        assertThat(lineCut.get("expect").get(0).get("action").asText()).isEqualTo("caseDispatched");
        assertThat(lineCut.get("expect").get(0).get("withinSeconds").asLong()).isEqualTo(300);
        assertThat(lineCut.get("expect").get(0).get("text").asText()).isEqualTo("特急案件5分钟内派遣");
    }

    @Test
    void aScriptWithErrorsIsRefusedBeforeAnythingRuns() {
        String yaml = """
                name: x
                participants: [坐席]
                objectives: [{id: O1, text: t, target: t}]
                injects:
                  - {id: a, at: 0m, title: t, events: [{type: TreeFell, payload: {}}]}
                """;
        long head = hub.runtime.hub().head();
        TestHub.Reply r = trainer("/api/v1/drill", Json.write(Map.of("script", yaml, "file", "bad.yaml")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).isEqualTo("injects[0].events[0].type");
        assertThat(r.json().get("message").asText()).startsWith("bad.yaml:5:47 injects[0].events[0].type: unknown event type");
        assertThat(trainer("/api/v1/drill", "{\"name\": \"../etc\"}").status()).isEqualTo(400);
        assertThat(trainer("/api/v1/drill", "{\"name\": \"no-such-drill\"}").status()).isEqualTo(404);
        assertThat(trainer("/api/v1/drill", "{}").status()).isEqualTo(400);
        assertThat(trainer("/api/v1/drill/start", "").status()).isEqualTo(404);
        assertThat(hub.runtime.hub().head()).isEqualTo(head);
    }
}
