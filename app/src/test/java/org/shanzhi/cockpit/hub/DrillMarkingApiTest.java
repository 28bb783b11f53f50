package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.Json;

/**
 * A small drill through the real API: its start and end, its injects and a trainee's order on its case carry its
 * id in the journal, the frames and GET events; a live event does not; a restarted hub keeps the marks, and a
 * drill left running by a stopped hub ends as stopped.
 */
class DrillMarkingApiTest {

    @TempDir
    Path data;

    /** A case at {@code unit}'s place now, and a warning an hour on (so the drill is still running). */
    static String script(FieldUnit unit) {
        return Json.write(Map.of("file", "marking.yaml", "script", """
                name: 标记演练
                participants: [坐席]
                objectives: [{id: O1, text: 派遣, target: 5分钟}]
                injects:
                  - {id: case, at: 0m, title: 井盖缺失, events: [{type: IncidentOpened, payload: {incidentId: $case,
                     title: 井盖缺失, category: 井盖缺失, source: INSPECTOR, state: REGISTERED,
                     at: {lon: %s, lat: %s}}}]}
                  - {id: later, at: 1h, title: 预警, events: [{type: WarningIssued, payload: {warningId: $w,
                     hazard: RAINSTORM, level: BLUE, issuer: 气象台}}]}
                """.formatted(unit.at().lon(), unit.at().lat())));
    }

    /** A unit of the inventory (all off duty until the simulator's shifts) put on duty. */
    static FieldUnit freeUnit(TestHub hub) {
        FieldUnit u = hub.runtime.hub().situation().units().values().iterator().next();
        if (u.status() == UnitStatus.OFF) {
            assertThat(hub.ingest(List.of(new Event.UnitStatusChanged(u.id(), UnitStatus.AVL))).status()).isEqualTo(200);
        }
        return u;
    }

    /** The drill of each frame of GET /events after {@code since}, by "seq type". */
    static Map<String, String> drillsOf(TestHub hub, long since) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : hub.get("/api/v1/events?since=" + since + "&limit=10000", Role.VIEWER).json().get("events")) {
            out.put(f.get("type").asText() + " " + f.get("seq").asLong(), f.has("drill") ? f.get("drill").asText() : null);
        }
        return out;
    }

    @Test
    void theDrillsEventsAndTheTraineesOrderOnItsCaseCarryItsIdThroughARestart() throws Exception {
        String id;
        String caseId;
        long since;
        try (TestHub hub = new TestHub(data)) {
            assertThat(hub.ingest(HeyiScenario.loadDefault().inventory()).status()).isEqualTo(200);
            FieldUnit unit = freeUnit(hub);
            since = hub.runtime.hub().head();
            TestHub.Reply loaded = hub.post("/api/v1/drill", Role.TRAINER, script(unit), null);
            assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
            id = loaded.json().get("id").asText();
            caseId = id + ":case";
            assertThat(hub.post("/api/v1/drill/start", Role.TRAINER, "", null).status()).isEqualTo(200);
            await().until(() -> hub.runtime.hub().situation().incidents().containsKey(caseId));
            assertThat(hub.runtime.hub().situation().drill().drillId()).isEqualTo(id);

            // a trainee sends a unit to the drill case with the real tool; a live sensor reads meanwhile
            TestHub.Reply order = hub.post("/api/v1/incidents/" + caseId + "/orders", Role.OPERATOR,
                    "{\"unitId\":\"" + unit.id() + "\",\"task\":\"核查井盖\"}", "drill-order-1");
            assertThat(order.status()).as(order.body()).isEqualTo(200);
            String orderId = order.json().get("events").get(0).get("payload").get("orderId").asText();
            String sensor = hub.runtime.hub().situation().sensors().keySet().iterator().next();
            assertThat(hub.ingest(List.of(new Event.SensorReported(sensor, 1))).status()).isEqualTo(200);
            // stopped midway: the second inject never fires, what fired stays marked
            assertThat(hub.post("/api/v1/drill/stop", Role.TRAINER, "", null).status()).isEqualTo(200);

            Situation s = hub.runtime.hub().situation();
            assertThat(s.drill()).isNull();
            assertThat(s.drillOf("incidents", caseId)).isEqualTo(id);
            assertThat(s.drillOf("orders", orderId)).isEqualTo(id);
            assertThat(s.warnings()).doesNotContainKey(id + ":w");

            Map<String, String> drills = drillsOf(hub, since);
            long head = hub.runtime.hub().head();
            assertThat(drills).containsEntry("DrillStarted " + (since + 1), id)
                    .containsEntry("IncidentOpened " + (since + 2), id)
                    .containsEntry("OrderIssued " + (since + 3), id)
                    .containsEntry("SensorReported " + (since + 4), null)
                    .containsEntry("DrillEnded " + head, id);
            JsonNode ended = hub.get("/api/v1/events?since=" + (head - 1), Role.VIEWER).json().get("events").get(0);
            assertThat(ended.get("payload").get("how").asText()).isEqualTo("stopped");
            try (TestHub.Subscriber sub = hub.subscribe("?since=" + since)) {
                List<JsonNode> frames = sub.take((int) (head - since));
                assertThat(frames.get(2).get("drill").asText()).as("the order's frame").isEqualTo(id);
                assertThat(frames.get(3).has("drill")).as("the live sensor's frame").isFalse();
            }
        }
        try (TestHub again = new TestHub(data)) {
            Situation s = again.runtime.hub().situation();
            assertThat(s.drillOf("incidents", caseId)).isEqualTo(id);
            assertThat(drillsOf(again, since)).containsEntry("OrderIssued " + (since + 3), id);
            // a new drill may start: the last one ended
            assertThat(again.post("/api/v1/drill", Role.TRAINER, script(freeUnit(again)), null).status()).isEqualTo(201);
            assertThat(again.post("/api/v1/drill/start", Role.TRAINER, "", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aDrillLeftRunningByAStoppedHubEndsAsStoppedWhenItStartsAgain() {
        String id;
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(HeyiScenario.loadDefault().inventory());
            id = hub.post("/api/v1/drill", Role.TRAINER, script(freeUnit(hub)), null)
                    .json().get("id").asText();
            hub.post("/api/v1/drill/start", Role.TRAINER, "", null);
            await().until(() -> hub.runtime.hub().situation().incidents().containsKey(id + ":case"));
        }
        try (TestHub again = new TestHub(data)) {
            Situation s = again.runtime.hub().situation();
            assertThat(s.drill()).isNull();
            assertThat(s.drillOf("incidents", id + ":case")).isEqualTo(id);
            Journal.Row last = again.runtime.hub().journal().readAfter(s.seq() - 1, 1).get(0);
            assertThat(last.type()).isEqualTo("DrillEnded");
            assertThat(last.drill()).isEqualTo(id);
            assertThat(last.payload()).contains("\"how\":\"stopped\"");
        }
    }
}
