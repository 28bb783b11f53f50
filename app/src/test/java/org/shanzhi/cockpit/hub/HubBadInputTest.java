package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;

/** Every kind of bad input gets a 4xx naming the field, writes nothing, and the hub keeps serving. */
class HubBadInputTest {

    @TempDir
    Path data;
    TestHub hub;
    long head;

    @BeforeEach
    void start() {
        hub = new TestHub(data);
        hub.ingest(Fixtures.inventory());
        head = hub.runtime.hub().head();
    }

    @AfterEach
    void stillServingAndNothingWritten() {
        assertThat(hub.get("/api/v1/health", null).status()).isEqualTo(200);
        assertThat(hub.runtime.hub().head()).isEqualTo(head);
        assertThat(hub.runtime.hub().journal().head()).isEqualTo(head);
        hub.close();
    }

    private TestHub.Reply ingest(String body) {
        return hub.post("/api/v1/ingest", Role.INGEST, body, null);
    }

    private static void refused(TestHub.Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }

    @Test
    void malformedJson() {
        refused(ingest("{\"events\": [ {\"type\": "), 400, "body");
        refused(ingest(""), 400, "body");
    }

    @Test
    void bodyThatIsNotABatch() {
        refused(ingest("[1, 2]"), 400, "events");
        refused(ingest("{\"events\": [], \"extra\": 1}"), 400, "extra");
    }

    @Test
    void unknownEventType() {
        refused(ingest("{\"events\":[{\"type\":\"SensorReported\",\"payload\":{\"sensorId\":\"S-1\",\"value\":1}},"
                + "{\"type\":\"Teleported\",\"payload\":{}}]}"), 400, "events[1].type");
    }

    @Test
    void wrongFieldType() {
        refused(ingest("{\"events\":[{\"type\":\"SensorReported\",\"payload\":{\"sensorId\":\"S-1\",\"value\":\"high\"}}]}"),
                400, "events[0].payload.value");
        refused(ingest("{\"events\":[{\"type\":\"UnitSos\",\"payload\":{\"unitId\":\"U-1\",\"active\":\"yes\"}}]}"),
                400, "events[0].payload.active");
    }

    @Test
    void missingNumberIsNotZero() {
        refused(ingest("{\"events\":[{\"type\":\"SensorReported\",\"payload\":{\"sensorId\":\"S-1\"}}]}"),
                400, "events[0].payload.value");
        refused(ingest("{\"events\":[{\"type\":\"CameraRegistered\",\"payload\":{\"camera\":{\"id\":\"C9\","
                + "\"name\":\"n\",\"at\":{\"lon\":116.38},\"ai\":true,\"online\":true}}}]}"),
                400, "events[0].payload.camera.at.lat");
    }

    @Test
    void unknownProperty() {
        refused(ingest("{\"events\":[{\"type\":\"SensorReported\",\"payload\":{\"sensorId\":\"S-1\",\"value\":1,\"colour\":2}}]}"),
                400, "events[0].payload.colour");
    }

    @Test
    void badTime() {
        refused(ingest("{\"events\":[{\"type\":\"SensorReported\",\"time\":\"yesterday\",\"payload\":{\"sensorId\":\"S-1\",\"value\":1}}]}"),
                400, "events[0].time");
    }

    @Test
    void coordinatesOutsideTheSubDistrict() {
        refused(hub.ingest(List.of(new Event.UnitMoved("U-1", new org.shanzhi.cockpit.domain.GeoPoint(116.30, 39.90), 0))),
                422, "events[0].payload.at");
        refused(ingest("{\"events\":[{\"type\":\"UnitMoved\",\"payload\":{\"unitId\":\"U-1\",\"heading\":0,"
                + "\"at\":{\"lon\":116.4,\"lat\":139.9}}}]}"), 400, "events[0].payload.at.lat");
    }

    @Test
    void unknownReferences() {
        refused(hub.ingest(List.of(new Event.CameraStatusChanged("CAM-404", false))), 422, "events[0].payload.cameraId");
        refused(hub.post("/api/v1/incidents/INC-404/dispatch", Role.LEADER, "{\"unitId\":\"U-1\"}", "k-404"), 404, "id");
    }

    @Test
    void aBatchWithOneBadEventWritesNothing() {
        TestHub.Reply r = hub.ingest(List.of(new Event.SensorReported("S-1", 1), new Event.SensorReported("S-1", 2),
                new Event.SensorReported("S-404", 3)));
        refused(r, 422, "events[2].payload.sensorId");
        assertThat(hub.runtime.hub().situation().sensors().get("S-1").value()).isZero();
    }

    @Test
    void bodiesOverOneMebibyte() {
        StringBuilder big = new StringBuilder("{\"events\":[");
        String one = "{\"type\":\"SensorReported\",\"payload\":{\"sensorId\":\"S-1\",\"value\":1}}";
        while (big.length() < HubServer.MAX_BODY + 10) {
            big.append(one).append(',');
        }
        big.append(one).append("]}");
        refused(ingest(big.toString()), 413, "body");
    }

    @Test
    void illegalLifecycleTransition() {
        String body = "{\"title\":\"t\",\"category\":\"c\",\"at\":{\"lon\":116.38,\"lat\":39.815}}";
        TestHub.Reply opened = hub.post("/api/v1/incidents", Role.OPERATOR, body, "open");
        head = hub.runtime.hub().head();
        String id = opened.json().get("events").get(0).get("payload").get("incidentId").asText();
        TestHub.Reply r = hub.post("/api/v1/incidents/" + id + "/advance", Role.OPERATOR,
                "{\"state\":\"IN_PROGRESS\"}", "a");
        refused(r, 422, "state");
        assertThat(r.json().get("message").asText()).contains("REGISTERED → IN_PROGRESS");
        refused(hub.post("/api/v1/incidents/" + id + "/advance", Role.OPERATOR, "{\"state\":\"DONE\"}", "b"),
                400, "body.state");
    }

    @Test
    void replayedIdempotencyKey() {
        String body = "{\"status\":\"PAT\"}";
        assertThat(hub.post("/api/v1/units/U-1/status", Role.OPERATOR, body, "same-key").status()).isEqualTo(200);
        head = hub.runtime.hub().head();
        TestHub.Reply again = hub.post("/api/v1/units/U-1/status", Role.OPERATOR, body, "same-key");
        refused(again, 409, "Idempotency-Key");
        assertThat(again.json().get("firstSeq").asLong()).isEqualTo(head);
        TestHub.Reply other = hub.post("/api/v1/units/U-1/status", Role.OPERATOR, "{\"status\":\"AVL\"}", "same-key");
        refused(other, 409, "Idempotency-Key");
        assertThat(other.json().get("error").asText()).isEqualTo("key_reused");
    }

    @Test
    void closingThroughAdvanceIsTheLeadersCloseCommand() {
        refused(hub.post("/api/v1/incidents/INC-1/advance", Role.OPERATOR, "{\"state\":\"CLOSED\"}", "adv"), 404, "id");
        String body = "{\"title\":\"t\",\"category\":\"c\",\"at\":{\"lon\":116.38,\"lat\":39.815}}";
        String id = hub.post("/api/v1/incidents", Role.OPERATOR, body, "open").json().get("events").get(0)
                .get("payload").get("incidentId").asText();
        head = hub.runtime.hub().head();
        refused(hub.post("/api/v1/incidents/" + id + "/advance", Role.FIELD_UNIT, "{\"state\":\"CLOSED\"}", "adv2"),
                403, "state");
    }

    @Test
    void emptyBatchAndQueryTokens() {
        refused(ingest("{\"events\":[]}"), 400, "events");
        String url = "/api/v1/snapshot?token=" + hub.token(Role.VIEWER);
        refused(hub.get(url, null), 401, "Authorization");
    }

    @Test
    void commandWithoutIdempotencyKey() {
        refused(hub.post("/api/v1/units/U-1/status", Role.OPERATOR, "{\"status\":\"PAT\"}", null), 400, "Idempotency-Key");
        for (String key : List.of("a b", "k".repeat(201), "a\tb")) {
            refused(hub.post("/api/v1/units/U-1/status", Role.OPERATOR, "{\"status\":\"PAT\"}", key), 400,
                    "Idempotency-Key");
        }
    }

    private static String event(String type, String payload) {
        return "{\"events\":[{\"type\":\"" + type + "\",\"payload\":" + payload + "}]}";
    }

    private static String timed(String time) {
        return "{\"events\":[{\"type\":\"SensorReported\",\"time\":\"" + time
                + "\",\"payload\":{\"sensorId\":\"S-1\",\"value\":1}}]}";
    }

    @Test
    void numbersTooLargeForADoubleAreRefusedNotStoredAsNull() {
        refused(ingest(event("UnitMoved", "{\"unitId\":\"U-1\",\"at\":{\"lon\":116.38,\"lat\":39.815},"
                + "\"heading\":1e999}")), 400, "events[0].payload.heading");
        refused(ingest(event("UnitRegistered", "{\"unit\":{\"id\":\"U-9\",\"name\":\"n\",\"role\":\"POLICE\","
                + "\"status\":\"AVL\",\"at\":{\"lon\":116.38,\"lat\":39.815},\"heading\":-1e999,\"sos\":false}}")),
                400, "events[0].payload.unit.heading");
        refused(ingest(event("AiAlertRaised", "{\"alertId\":\"A-9\",\"cameraId\":\"CAM-1\",\"kind\":\"k\","
                + "\"confidence\":0.9,\"boxes\":[{\"x\":1e999,\"y\":0,\"w\":0.1,\"h\":0.1}]}")),
                400, "events[0].payload.boxes[0].x");
        refused(ingest(event("SensorRegistered", "{\"sensor\":{\"id\":\"S-9\",\"kind\":\"SMOKE\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815},\"threshold\":1e999,\"value\":0,\"alarm\":false}}")),
                400, "events[0].payload.sensor.threshold");
        refused(ingest(event("SensorReported", "{\"sensorId\":\"S-1\",\"value\":-1e400}")),
                400, "events[0].payload.value");
    }

    @Test
    void relativeCoordinatesAndScoresStayWithinZeroAndOne() {
        refused(ingest(event("AiAlertRaised", "{\"alertId\":\"A-9\",\"cameraId\":\"CAM-1\",\"kind\":\"k\","
                + "\"confidence\":7,\"boxes\":[]}")), 400, "events[0].payload.confidence");
    }

    @Test
    void eventTimesOutsideTheHubsWindow() {
        refused(ingest(timed("2099-01-01T00:00:00Z")), 400, "events[0].time");
        refused(ingest(timed("+999999999-01-01T00:00:00Z")), 400, "events[0].time");
        refused(ingest(timed("-1000000000-01-01T00:00:00Z")), 400, "events[0].time");
        refused(ingest(timed("1999-01-01T00:00:00Z")), 400, "events[0].time");
    }

    @Test
    void timesInsideAPayloadStayInThisCentury() {
        refused(ingest(event("KeyPeriodDeclared", "{\"periodId\":\"P-9\",\"name\":\"n\","
                + "\"from\":\"2026-05-01T00:00:00Z\",\"to\":\"+999999999-12-31T23:59:59Z\"}")),
                400, "events[0].payload.to");
        refused(ingest(event("WarningIssued", "{\"warningId\":\"W-9\",\"hazard\":\"RAINSTORM\",\"level\":\"BLUE\","
                + "\"validTo\":1e15}")), 400, "events[0].payload.validTo");
    }

    @Test
    void typesAreNotCoerced() {
        refused(ingest(event("UnitStatusChanged", "{\"unitId\":\"U-1\",\"status\":2}")),
                400, "events[0].payload.status");
        refused(ingest(event("SensorReported", "{\"sensorId\":\"S-1\",\"value\":\"12\"}")),
                400, "events[0].payload.value");
        refused(ingest(event("SensorReported", "{\"sensorId\":12,\"value\":1}")),
                400, "events[0].payload.sensorId");
        refused(hub.post("/api/v1/units/U-1/status", Role.OPERATOR, "{\"status\":1}", "ordinal"), 400, "body.status");
    }

    @Test
    void identifiersAreShortPlainWords() {
        for (String id : List.of("x".repeat(100_000), "a/b", "a\\u0000b", "<script>alert(1)</script>", "a b", "")) {
            refused(ingest(event("UnitSos", "{\"unitId\":\"" + id + "\",\"active\":true}")),
                    400, "events[0].payload.unitId");
        }
        refused(ingest(event("CameraRegistered", "{\"camera\":{\"id\":\"CAM-9\",\"name\":\"n\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815},\"ai\":false,\"online\":true,"
                + "\"streamUrl\":\"file:///etc/passwd\"}}")), 400, "events[0].payload.camera.streamUrl");
    }

    @Test
    void textsAreBoundedAndPrintable() {
        String title = "t".repeat(900_000);
        refused(hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"" + title + "\",\"category\":\"c\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815}}", "big-title"), 400, "body.title");
        refused(hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"a\\u0007b\",\"category\":\"c\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815}}", "bell"), 400, "body.title");
    }

    @Test
    void theJournalsOwnPlaceholderCannotBeIngested() {
        refused(ingest(event("EntryQuarantined", "{\"originalType\":\"UnitMoved\",\"reason\":\"r\"}")),
                400, "events[0].type");
    }

    @Test
    void filtersTakeOnlyTheirValues() {
        refused(hub.get("/api/v1/incidents?open=maybe", Role.VIEWER), 400, "open");
        refused(hub.get("/api/v1/units?status=FLYING", Role.VIEWER), 400, "status");
    }

    @Test
    void headRequestsAreNotAWayRoundTheToken() {
        TestHub.Reply r = TestHub.call(new okhttp3.Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/snapshot")
                .head().build());
        assertThat(r.status()).isEqualTo(405);
        TestHub.Reply video = TestHub.call(new okhttp3.Request.Builder().url(hub.runtime.baseUrl()
                + "/video/CAM-1.mjpg").head().build());
        assertThat(video.status()).isEqualTo(405);
    }

    /** Sends bytes as they are (an HTTP client would correct them) and returns the raw answer. */
    private String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", hub.runtime.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsRefusedBeforeAnyRouteAreAnsweredInJson() throws Exception {
        String close = " HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n";
        for (String target : List.of("/api/v1/%zz", "/api/v1/health?" + "a".repeat(20_000))) {
            String answer = raw("GET " + target + close);
            assertThat(answer).as(target.substring(0, 10)).startsWith("HTTP/1.1 4").contains("application/json")
                    .contains("\"error\":").doesNotContain("<html");
        }
        String header = raw("GET /api/v1/health HTTP/1.1\r\nHost: hub\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(header).startsWith("HTTP/1.1 431").contains("\"error\":\"headers_too_large\"");
        String upgrade = raw("GET /api/v1/stream HTTP/1.1\r\nHost: hub\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade, close\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
        assertThat(upgrade).startsWith("HTTP/1.1 401").contains("\"error\":\"unauthorized\"");
    }

    @Test
    void unknownRoute() {
        TestHub.Reply r = hub.get("/api/v1/nothing-here", Role.VIEWER);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void orderCommandsNameWhatIsWrong() {
        String incident = hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"t\",\"category\":\"c\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815}}", "o").json().get("events").get(0).get("payload")
                .get("incidentId").asText();
        String order = hub.post("/api/v1/incidents/" + incident + "/orders", Role.OPERATOR, "{\"unitId\":\"U-1\"}", "z")
                .json().get("events").get(0).get("payload").get("orderId").asText();
        String unit = hub.unitToken("U-1");
        head = hub.runtime.hub().head();
        String orders = "/api/v1/incidents/" + incident + "/orders";
        refused(hub.post(orders, Role.OPERATOR, "{}", "k-1"), 400, "unitId");
        refused(hub.post(orders, Role.OPERATOR, "{\"unitId\":\"U-404\"}", "k-2"), 422, "unitId");
        refused(hub.post(orders, Role.OPERATOR, "{\"unitId\":\"U-2\"}", "k-3"), 422, "unitId"); // off duty
        refused(hub.post(orders, Role.OPERATOR, "{\"unitId\":\"U-1\",\"task\":\"" + "长".repeat(2001) + "\"}", "k-4"),
                400, "body.task");
        refused(hub.post(orders, Role.OPERATOR, "{\"unitId\":\"U-1\",\"priority\":\"URGENT\"}", "k-5"), 400, "body.priority");
        refused(hub.post("/api/v1/incidents/INC-404/orders", Role.DISTRICT, "{\"unitId\":\"U-1\"}", "k-6"), 404, "id");
        String advance = "/api/v1/orders/" + order + "/advance";
        refused(hub.call("POST", advance, unit, "{}", "k-7"), 400, "state");
        refused(hub.call("POST", advance, unit, "{\"state\":\"DECLINED\"}", "k-8"), 422, "reason");
        refused(hub.call("POST", advance, unit, "{\"state\":\"REPORTED\",\"note\":\"n\"}", "k-9"), 422, "state");
        refused(hub.call("POST", advance, unit, "{\"state\":\"CANCELLED\"}", "k-10"), 403, "state");
        refused(hub.call("POST", advance, unit, "{\"state\":\"ACCEPTED\",\"note\":\"a\\u0007b\"}", "k-11"), 400,
                "body.note");
        refused(hub.call("POST", advance, unit, "{\"state\":\"ACCEPTED\",\"photos\":[" + "\"PH-1\",".repeat(20)
                + "\"PH-1\"]}", "k-12"), 400, "body.photos");
        refused(hub.call("POST", advance, unit, "{\"state\":\"ACCEPTED\",\"by\":\"U-2\"}", "k-13"), 400, "body.by");
        refused(hub.call("POST", "/api/v1/orders/ZL-404/advance", unit, "{\"state\":\"ACCEPTED\"}", "k-14"), 404, "id");
        refused(hub.call("POST", advance, "revoked-or-made-up-token", "{\"state\":\"ACCEPTED\"}", "k-15"), 401,
                "Authorization");
        refused(hub.post("/api/v1/orders/" + order + "/reassign", Role.LEADER, "{\"unitId\":\"U-1\"}", "k-16"), 422,
                "unitId");
        refused(hub.post("/api/v1/instructions", Role.LEADER, "{\"text\":\"t\",\"incidentId\":\"INC-404\"}", "k-17"),
                422, "incidentId");
        refused(hub.call("POST", "/api/v1/units/U-1/position", unit, "{\"at\":{\"lon\":116.30,\"lat\":39.90}}", "k-18"),
                422, "at");
        refused(hub.call("POST", "/api/v1/units/U-1/position", unit, "{\"heading\":3}", "k-19"), 400, "at");
    }

    @Test
    void whistleCommandsNameWhatIsWrong() {
        String incident = hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"t\",\"category\":\"c\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815}}", "o").json().get("events").get(0).get("payload")
                .get("incidentId").asText();
        String whistle = hub.post("/api/v1/incidents/" + incident + "/whistle", Role.OPERATOR,
                "{\"reason\":\"r\",\"departments\":[\"燃气集团\"]}", "w").json().get("events").get(0)
                .get("payload").get("whistleId").asText();
        head = hub.runtime.hub().head();
        String blow = "/api/v1/incidents/" + incident + "/whistle";
        refused(hub.post(blow, Role.OPERATOR, "{\"departments\":[\"派出所\"]}", "k-1"), 400, "reason");
        refused(hub.post(blow, Role.OPERATOR, "{\"reason\":\"r\"}", "k-2"), 400, "departments");
        refused(hub.post(blow, Role.OPERATOR, "{\"reason\":\"r\",\"departments\":[]}", "k-3"), 400, "departments");
        refused(hub.post(blow, Role.OPERATOR, "{\"reason\":\"r\",\"departments\":[\"派出所\",\"派出所\"]}", "k-4"), 400,
                "departments[1]");
        refused(hub.post(blow, Role.OPERATOR, "{\"reason\":\"r\",\"departments\":[\" \"]}", "k-5"), 400,
                "departments[0]");
        refused(hub.post(blow, Role.OPERATOR, "{\"reason\":\"r\",\"departments\":[\"派出所\"],\"kind\":\"LOUD\"}",
                "k-6"), 400, "body.kind");
        refused(hub.post(blow, Role.OPERATOR, "{\"reason\":\"a\\u0007b\",\"departments\":[\"派出所\"]}", "k-7"), 400,
                "body.reason");
        refused(hub.post(blow, Role.OPERATOR, "{\"reason\":\"r\",\"departments\":[" + "\"d\",".repeat(20)
                + "\"e\"]}", "k-8"), 400, "departments");
        refused(hub.post("/api/v1/incidents/INC-404/whistle", Role.DISTRICT,
                "{\"reason\":\"r\",\"departments\":[\"派出所\"]}", "k-10"), 404, "id");
        String arrived = "/api/v1/whistles/" + whistle + "/arrived";
        refused(hub.post(arrived, Role.OPERATOR, "{}", "k-11"), 400, "department");
        refused(hub.post(arrived, Role.OPERATOR, "{\"department\":\"派出所\"}", "k-12"), 422, "department");
        refused(hub.post("/api/v1/whistles/CS-404/arrived", Role.OPERATOR, "{\"department\":\"派出所\"}", "k-13"), 404,
                "id");
        assertThat(hub.post(arrived, Role.LEADER, "{\"department\":\"燃气集团\"}", "k-14").status()).isEqualTo(200);
        head = hub.runtime.hub().head();
        refused(hub.post(arrived, Role.OPERATOR, "{\"department\":\"燃气集团\"}", "k-15"), 422, "department");
    }
}
