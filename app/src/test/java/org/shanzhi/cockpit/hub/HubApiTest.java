package org.shanzhi.cockpit.hub;

import org.shanzhi.cockpit.json.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.json.StreamClose;

class HubApiTest {

    @TempDir
    Path data;
    TestHub hub;

    @BeforeEach
    void start() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void healthNeedsNoTokenEverythingElseDoes() {
        assertThat(hub.get("/api/v1/health", null).json().get("status").asText()).isEqualTo("ok");
        TestHub.Reply none = hub.get("/api/v1/snapshot", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
        TestHub.Reply wrongRole = hub.get("/api/v1/snapshot", Role.INGEST);
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.json().get("message").asText()).contains("ingest");
        assertThat(hub.post("/api/v1/incidents/INC-1/close", Role.OPERATOR, "{}", "k").status()).isEqualTo(403);
    }

    @Test
    void tokensAreGeneratedOwnerOnly() throws Exception {
        Path tokens = data.resolve("tokens.json");
        assertThat(Files.getPosixFilePermissions(tokens))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        JsonNode json = Json.MAPPER.readTree(tokens.toFile());
        for (Role r : Role.values()) {
            assertThat(json.get(r.key()).asText()).hasSizeGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void snapshotHasEveryFamilyAsArrays() {
        TestHub.Reply r = hub.snapshotAtHead();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("seq").asLong()).isEqualTo(Fixtures.inventory().size());
        JsonNode s = r.json().get("situation");
        for (String family : List.of("communities", "grids", "cameras", "sensors", "units", "incidents",
                "complaints", "disputes", "petitions", "warnings")) {
            assertThat(s.get(family).isArray()).as(family).isTrue();
        }
        assertThat(s.get("cameras")).hasSize(3);
        assertThat(s.get("cameras").get(0).get("ai").isBoolean()).isTrue();
    }

    @Test
    void listsFilterAndPage() {
        JsonNode page = hub.get("/api/v1/cameras?ai=true", Role.VIEWER).json();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo("CAM-1");
        JsonNode paged = hub.get("/api/v1/cameras?limit=2&offset=2", Role.VIEWER).json();
        assertThat(paged.get("total").asInt()).isEqualTo(3);
        assertThat(paged.get("items")).hasSize(1);
        TestHub.Reply bad = hub.get("/api/v1/cameras?colour=red", Role.VIEWER);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("colour");
        assertThat(hub.get("/api/v1/cameras/CAM-2", Role.VIEWER).json().get("name").asText()).isEqualTo("东门");
        assertThat(hub.get("/api/v1/cameras/CAM-9", Role.VIEWER).status()).isEqualTo(404);
    }

    @Test
    void commandsRunTheLoopAndAreAudited() {
        TestHub.Reply opened = hub.post("/api/v1/incidents", Role.OPERATOR,
                "{\"title\":\"井盖缺失\",\"category\":\"井盖缺失\",\"severity\":\"HIGH\",\"at\":{\"lon\":116.38,\"lat\":39.815}}",
                "open-1");
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.json().get("events").get(0).get("payload").get("incidentId").asText();

        assertThat(hub.post("/api/v1/incidents/" + id + "/advance", Role.OPERATOR,
                "{\"state\":\"PENDING_DISPATCH\"}", "adv-1").status()).isEqualTo(200);
        TestHub.Reply busy = hub.post("/api/v1/incidents/" + id + "/dispatch", Role.LEADER,
                "{\"unitId\":\"U-2\"}", "disp-0");
        assertThat(busy.status()).isEqualTo(422);
        assertThat(busy.json().get("field").asText()).isEqualTo("unitId");
        TestHub.Reply dispatched = hub.post("/api/v1/incidents/" + id + "/dispatch", Role.LEADER,
                "{\"unitId\":\"U-1\"}", "disp-1");
        assertThat(dispatched.status()).isEqualTo(200);
        JsonNode order = dispatched.json().get("events").get(0);
        assertThat(order.get("type").asText()).isEqualTo("OrderIssued");
        assertThat(order.get("payload").get("task").asText()).isEqualTo("前往处置：井盖缺失");
        String unit = hub.unitToken("U-1");
        assertThat(hub.call("POST", "/api/v1/orders/" + order.get("payload").get("orderId").asText() + "/advance", unit,
                "{\"state\":\"ACCEPTED\"}", "u-1").status()).isEqualTo(200);

        JsonNode incident = hub.get("/api/v1/incidents/" + id, Role.VIEWER).json();
        assertThat(incident.get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(incident.get("unitId").asText()).isEqualTo("U-1");
        assertThat(hub.get("/api/v1/units/U-1", Role.VIEWER).json().get("status").asText()).isEqualTo("ACK");

        JsonNode audit = hub.get("/api/v1/audit", Role.LEADER).json().get("entries");
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> actions.add(a.get("role").asText() + ":" + a.get("action").asText()));
        assertThat(actions).containsExactly("field-unit:advance-order", "leader:issue-credential", "leader:dispatch",
                "operator:advance-incident", "operator:open-incident", "ingest:ingest");
    }

    @Test
    void aWhistleSummonsDepartmentsToACaseAndRecordsEachArrival() {
        String incident = hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"燃气泄漏\",\"category\":\"燃气\","
                + "\"severity\":\"CRITICAL\",\"at\":{\"lon\":116.38,\"lat\":39.815}}", "open").json().get("events").get(0)
                .get("payload").get("incidentId").asText();
        TestHub.Reply blown = hub.post("/api/v1/incidents/" + incident + "/whistle", Role.DISTRICT,
                "{\"reason\":\"需多部门到场\",\"departments\":[\"燃气集团\",\"派出所\"]}", "w-1");
        assertThat(blown.status()).as(blown.body()).isEqualTo(200);
        JsonNode e = blown.json().get("events").get(0);
        String id = e.get("payload").get("whistleId").asText();
        assertThat(id).isEqualTo("CS-" + e.get("seq").asLong());
        assertThat(e.get("payload").get("kind").asText()).isEqualTo("DEMAND");

        assertThat(hub.post("/api/v1/whistles/" + id + "/arrived", Role.OPERATOR, "{\"department\":\"派出所\"}", "a-1")
                .status()).isEqualTo(200);
        JsonNode whistle = hub.get("/api/v1/whistles/" + id, Role.VIEWER).json();
        assertThat(whistle.get("incidentId").asText()).isEqualTo(incident);
        assertThat(whistle.get("departments")).hasSize(2);
        assertThat(whistle.get("arrivals").has("派出所")).isTrue();
        assertThat(whistle.get("arrivals").has("燃气集团")).isFalse();
        assertThat(hub.get("/api/v1/audit", Role.LEADER).json().findValuesAsText("action"))
                .contains("blow-whistle", "whistle-arrived");
    }

    @Test
    void reviewingAnAlertOpensAProactiveCase() {
        hub.ingest(List.of(new Event.AiAlertRaised("AL-1", "CAM-1", "暴露垃圾", "890", 0.91, List.of())));
        TestHub.Reply r = hub.post("/api/v1/alerts/AL-1/review", Role.OPERATOR, "{\"decision\":\"ACCEPTED\"}", "rv-1");
        assertThat(r.status()).isEqualTo(200);
        JsonNode alert = hub.get("/api/v1/alerts/AL-1", Role.VIEWER).json();
        assertThat(alert.get("review").asText()).isEqualTo("ACCEPTED");
        JsonNode incident = hub.get("/api/v1/incidents/" + alert.get("incidentId").asText(), Role.VIEWER).json();
        assertThat(incident.get("proactive").asBoolean()).isTrue();
        assertThat(incident.get("source").asText()).isEqualTo("AI");
    }

    @Test
    void aFalseAlarmNeedsItsReasonAndAnAlertMergesIntoAnOpenCase() {
        hub.ingest(List.of(new Event.AiAlertRaised("AL-F", "CAM-1", "占道经营", "891", 0.55, List.of()),
                new Event.AiAlertRaised("AL-M", "CAM-1", "占道经营", "891", 0.75, List.of())));
        TestHub.Reply bare = hub.post("/api/v1/alerts/AL-F/review", Role.OPERATOR, "{\"decision\":\"REJECTED\"}", "f0");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().get("field").asText()).isEqualTo("falseAlarm");
        TestHub.Reply rejected = hub.post("/api/v1/alerts/AL-F/review", Role.OPERATOR,
                "{\"decision\":\"REJECTED\",\"falseAlarm\":\"NORMAL_ACTIVITY\"}", "f1");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/alerts/AL-F", Role.VIEWER).json().get("falseAlarm").asText())
                .isEqualTo("NORMAL_ACTIVITY");
        JsonNode byKind = hub.get("/api/v1/kpis", Role.VIEWER).json().get("falseAlarmsByKind30d");
        assertThat(byKind.get(0).get("name").asText()).isEqualTo("占道经营");
        assertThat(byKind.get(0).get("rate").get("part").asLong()).isEqualTo(1);

        String body = "{\"title\":\"占道\",\"category\":\"占道经营\",\"at\":{\"lon\":116.38,\"lat\":39.815}}";
        String caseId = hub.post("/api/v1/incidents", Role.OPERATOR, body, "m0").json().get("events").get(0)
                .get("payload").get("incidentId").asText();
        TestHub.Reply merged = hub.post("/api/v1/alerts/AL-M/review", Role.OPERATOR,
                "{\"decision\":\"MERGED\",\"incidentId\":\"" + caseId + "\"}", "m1");
        assertThat(merged.status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/alerts/AL-M", Role.VIEWER).json().get("incidentId").asText()).isEqualTo(caseId);
    }

    @Test
    void closingACaseNeedsItChecked() {
        String body = "{\"title\":\"t\",\"category\":\"c\",\"at\":{\"lon\":116.38,\"lat\":39.815}}";
        String id = hub.post("/api/v1/incidents", Role.OPERATOR, body, "o").json().get("events").get(0)
                .get("payload").get("incidentId").asText();
        TestHub.Reply early = hub.post("/api/v1/incidents/" + id + "/close", Role.LEADER, "{\"note\":\"done\"}", "c1");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("message").asText()).contains("REGISTERED → CLOSED");
    }

    @Test
    void streamDeliversEverythingInOrderThenLive() throws Exception {
        long head = hub.runtime.hub().head();
        try (TestHub.Subscriber sub = hub.subscribe("?since=0")) {
            List<JsonNode> frames = sub.take((int) head);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).get("seq").asLong()).isEqualTo(i + 1);
            }
            assertThat(frames.get(0).get("type").asText()).isEqualTo("DistrictDefined");
            assertThat(frames.get(0).has("time")).isTrue();
            assertThat(frames.get(0).get("payload").get("district").get("name").asText()).isEqualTo("和义街道");

            hub.ingest(List.of(new Event.SensorReported("S-1", 42)));
            JsonNode live = sub.take(1).get(0);
            assertThat(live.get("seq").asLong()).isEqualTo(head + 1);
            assertThat(live.get("type").asText()).isEqualTo("SensorReported");
            assertThat(live.get("payload").get("value").asDouble()).isEqualTo(42);
        }
    }

    @Test
    void batchedSubscribersGetArraysOfFramesUncompressed() throws Exception {
        long head = hub.runtime.hub().head();
        try (TestHub.Subscriber sub = hub.subscribe("?since=0&batch=true")) {
            List<JsonNode> frames = sub.take((int) head);
            assertThat(frames.get((int) head - 1).get("seq").asLong()).isEqualTo(head);
            assertThat(sub.messages).isLessThan((int) head);
            assertThat(sub.extensions).as("no per-message compression").isNull();
        }
    }

    @Test
    void resumingWithSinceMissesNothingAndRepeatsNothing() throws Exception {
        long cut;
        try (TestHub.Subscriber first = hub.subscribe("?since=0")) {
            first.take((int) hub.runtime.hub().head());
            cut = hub.runtime.hub().head();
        }
        for (int i = 0; i < 50; i++) {
            hub.ingest(List.of(new Event.SensorReported("S-1", i)));
        }
        try (TestHub.Subscriber second = hub.subscribe("?since=" + cut)) {
            List<JsonNode> frames = second.take(50);
            for (int i = 0; i < 50; i++) {
                assertThat(frames.get(i).get("seq").asLong()).isEqualTo(cut + 1 + i);
            }
            assertThat(second.frames).isEmpty(); // StreamResumeTest joins while a writer runs
        }
    }

    @Test
    void sinceBeyondTheHeadOrMalformedClosesWithAReason() {
        try (TestHub.Subscriber beyond = hub.subscribe("?since=999999")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> beyond.closeReason != null);
            assertThat(beyond.closeCode).isEqualTo(1008);
            assertThat(beyond.closeReason).contains("beyond the head");
            assertThat(StreamClose.of(beyond.closeCode, beyond.closeReason)).contains(StreamClose.BEYOND_HEAD);
        }
        try (TestHub.Subscriber malformed = hub.subscribe("?since=abc")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> malformed.closeReason != null);
            assertThat(malformed.closeReason).contains("whole number");
            assertThat(StreamClose.of(malformed.closeCode, malformed.closeReason)).contains(StreamClose.BAD_SINCE);
        }
    }

    @Test
    void streamNeedsAReaderToken() {
        okhttp3.Request request = new okhttp3.Request.Builder()
                .url("ws://127.0.0.1:" + hub.runtime.port() + "/api/v1/stream?since=0").build();
        java.util.concurrent.CompletableFuture<Integer> code = new java.util.concurrent.CompletableFuture<>();
        TestHub.HTTP.newWebSocket(request, new okhttp3.WebSocketListener() {
            @Override
            public void onFailure(okhttp3.WebSocket ws, Throwable t, okhttp3.Response response) {
                code.complete(response == null ? -1 : response.code());
            }

            @Override
            public void onOpen(okhttp3.WebSocket ws, okhttp3.Response response) {
                code.complete(response.code());
            }
        });
        assertThat(code.join()).isEqualTo(401);
    }

    @Test
    void restartedHubContinuesTheSequenceAndServesTheSameSnapshot() {
        hub.ingest(List.of(new Event.SensorReported("S-1", 7), new Event.UnitSos("U-1", true)));
        String before = hub.snapshotAtHead().body();
        long head = hub.runtime.hub().head();
        hub.close();

        hub = new TestHub(data);
        assertThat(hub.snapshotAtHead().body()).isEqualTo(before);
        hub.ingest(List.of(new Event.SensorReported("S-1", 8)));
        assertThat(hub.runtime.hub().head()).isEqualTo(head + 1);
    }

    static Set<String> fieldNames(JsonNode n) {
        Set<String> names = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
