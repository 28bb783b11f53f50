package org.shanzhi.cockpit.hub;

import org.shanzhi.cockpit.json.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.javalin.websocket.WsHandlerEntry;
import io.javalin.websocket.WsHandlerType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.DisputeState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.PetitionState;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.domain.Whistle;

/**
 * Checks the running hub against docs/openapi.yaml: the spec parses cleanly; the routes the server
 * registers are exactly the documented ones; each documented role may use its route and no other
 * role may; the list filters are the server's; every event type and enum constant is documented;
 * and real calls (successes and each error) answer a documented status with a body that validates
 * against the documented schema, as do the stream's frames. Every accepted request body must
 * validate against the documented request schema too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the real calls fill the hub the stream test then reads
class OpenApiContractTest {

    static final Path SPEC = Path.of("..", "docs", "openapi.yaml");
    static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** The types only the hub writes (its journal quarantine, its drill clock): never ingested nor a command's. */
    static final Set<String> HUB_ONLY = Event.writtenByTheHubOnly().stream().map(Class::getSimpleName)
            .collect(java.util.stream.Collectors.toSet());

    @TempDir
    static Path data;
    static TestHub hub;
    static String specText;
    static JsonNode spec;
    static SpecSchema schemas;
    static String unitToken;

    /** "post /api/v1/incidents 201" for every validated reply. */
    final Set<String> seen = new TreeSet<>();

    @BeforeAll
    static void start() throws Exception {
        // the hub's cold start and the spec's parse overlap
        CompletableFuture<TestHub> starting = CompletableFuture.supplyAsync(() -> new TestHub(data));
        try {
            specText = Files.readString(SPEC);
            spec = new ObjectMapper(new YAMLFactory()).readTree(specText);
            schemas = new SpecSchema(spec);
        } finally {
            hub = starting.join();
        }
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    // --- the file --------------------------------------------------------------------------------

    @Test
    void specParsesWithoutMessages() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(specText, null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("bearer", "token");
    }

    @Test
    void everyEventTypeIsDocumented() {
        Set<String> documented = new TreeSet<>();
        spec.at("/components/schemas/EventType/enum").forEach(n -> documented.add(n.asText()));
        assertThat(documented).as("EventType enum vs Json.eventTypes()").isEqualTo(new TreeSet<>(Json.eventTypes()));
        for (String type : Json.eventTypes()) {
            assertThat(spec.at("/components/schemas/" + type).isObject()).as("payload schema " + type).isTrue();
            // what only the hub writes is only ever read: no client sends it, no command makes it
            List<String> envelopes = HUB_ONLY.contains(type) ? List.of("Frame")
                    : List.of("Frame", "IngestEvent", "AcceptedEvent");
            for (String envelope : envelopes) {
                assertThat(spec.at("/components/schemas/" + envelope + "/discriminator/mapping/" + type).isTextual())
                        .as(envelope + " maps " + type).isTrue();
            }
        }
    }

    @Test
    void everyEnumConstantIsDocumented() {
        Map<String, Class<? extends Enum<?>>> enums = new LinkedHashMap<>();
        enums.put("IncidentState", IncidentState.class);
        enums.put("ComplaintState", ComplaintState.class);
        enums.put("UnitStatus", UnitStatus.class);
        enums.put("DisputeState", DisputeState.class);
        enums.put("PetitionState", PetitionState.class);
        enums.put("IncidentSource", Incident.Source.class);
        enums.put("Severity", Incident.Severity.class);
        enums.put("ComplaintChannel", Complaint.Channel.class);
        enums.put("ComplaintType", Complaint.Type.class);
        enums.put("ComplaintPriority", Complaint.Priority.class);
        enums.put("Resolution", Complaint.Resolution.class);
        enums.put("Satisfaction", Complaint.Satisfaction.class);
        enums.put("DisputeLevel", Dispute.Level.class);
        enums.put("DisputeRisk", Dispute.Risk.class);
        enums.put("DisputeOutcome", Dispute.Outcome.class);
        enums.put("PetitionForm", Petition.Form.class);
        enums.put("WhistleKind", Whistle.Kind.class);
        enums.put("Hazard", WeatherWarning.Hazard.class);
        enums.put("WarningLevel", WeatherWarning.Level.class);
        enums.put("AlertReview", AiAlert.Review.class);
        enums.put("UnitRole", FieldUnit.Role.class);
        enums.put("SensorKind", Sensor.Kind.class);
        enums.put("GridKind", Grid.Kind.class);
        enums.put("Role", Role.class);
        for (Map.Entry<String, Class<? extends Enum<?>>> e : enums.entrySet()) {
            List<String> java = new ArrayList<>();
            for (Enum<?> c : e.getValue().getEnumConstants()) {
                java.add(e.getValue() == Role.class ? ((Role) c).key() : c.name());
            }
            JsonNode node = e.getKey().equals("Role") ? spec.at("/components/schemas/AuditEntry/properties/role/enum")
                    : spec.at("/components/schemas/" + e.getKey() + "/enum");
            List<String> documented = new ArrayList<>();
            node.forEach(n -> documented.add(n.asText()));
            assertThat(documented).as("enum " + e.getKey()).isEqualTo(java);
        }
    }

    // --- routes, roles, filters ------------------------------------------------------------------

    @Test
    void theServedRoutesAreExactlyTheDocumentedOnes() throws Exception {
        Set<String> served = servedRoutes();
        Set<String> documented = new TreeSet<>();
        forEachOperation((method, path, op) -> documented.add(method.toUpperCase() + " " + path));
        assertThat(documented).as("documented routes vs the routes the server registers").isEqualTo(served);

        // and from outside: each documented route answers something other than "no such route"
        forEachOperation((method, path, op) -> {
            if (path.equals("/api/v1/stream")) {
                return;
            }
            String concrete = path.replace("{id}", "no-such-id");
            Role role = allowedRole(op);
            TestHub.Reply r = probe(method, concrete, role);
            assertThat(isUnknownRoute(r)).as(method + " " + concrete + " → " + r.body()).isFalse();
        });
        assertThat(isUnknownRoute(hub.get("/api/v1/no-such-family", Role.VIEWER))).as("the probe itself").isTrue();
        assertThat(isUnknownRoute(hub.post("/api/v1/health", Role.VIEWER, "{}", null))).isTrue();
    }

    @Test
    void onlyTheStreamAndVideoOfferTheQueryToken() throws Exception {
        assertThat(spec.path("security").toString()).doesNotContain("token");
        forEachOperation((method, path, op) -> {
            boolean offered = op.path("security").toString().contains("\"token\"");
            assertThat(offered).as(method + " " + path + " offers ?token=")
                    .isEqualTo(path.equals("/api/v1/stream") || path.startsWith("/video/"));
        });
    }

    @Test
    void eachRoleMayUseExactlyItsDocumentedRoutes() throws Exception {
        forEachOperation((method, path, op) -> {
            List<String> roles = new ArrayList<>();
            op.path("x-roles").forEach(n -> roles.add(n.asText()));
            boolean open = op.has("security") && op.get("security").isEmpty();
            assertThat(open || !roles.isEmpty()).as(method + " " + path + " documents its roles (x-roles)").isTrue();
            String concrete = path.replace("{id}", "no-such-id");
            if (path.equals("/api/v1/stream")) {
                for (Role role : Role.values()) {
                    int code = wsUpgrade(role, "?since=" + hub.runtime.hub().head());
                    assertThat(code).as("stream as " + role.key()).isEqualTo(roles.contains(role.key()) ? 101 : 403);
                }
                assertThat(wsUpgrade(null, "?since=0")).isEqualTo(401);
                return;
            }
            // requests that stop right after authorization: no Idempotency-Key, no valid body
            boolean unitTokenOnly = op.path("x-unit-token").asBoolean();
            for (Role role : Role.values()) {
                TestHub.Reply r = probe(method, concrete, role);
                boolean allowed = open || roles.contains(role.key());
                if (allowed && unitTokenOnly && role == Role.FIELD_UNIT) {
                    assertThat(r.status()).as(method + " " + path + " with the shared field-unit token").isEqualTo(403);
                    assertThat(r.json().get("field").asText()).isEqualTo("token");
                    TestHub.Reply own = hub.call(method.toUpperCase(), concrete, unitToken(), null, null);
                    assertThat(own.status()).as(method + " " + path + " with a unit's own token: " + own.body())
                            .isNotIn(401, 403);
                    conforms(method, path, own);
                } else if (allowed) {
                    assertThat(r.status()).as(method + " " + path + " as " + role.key() + ": " + r.body())
                            .isNotIn(401, 403);
                } else {
                    assertThat(r.status()).as(method + " " + path + " as " + role.key() + ": " + r.body())
                            .isEqualTo(403);
                }
                conforms(method, path, r);
            }
            TestHub.Reply none = probe(method, concrete, null);
            assertThat(none.status()).as(method + " " + path + " without a token").isEqualTo(open ? 200 : 401);
            conforms(method, path, none);
        });
    }

    @Test
    void listFiltersAreTheServers() throws Exception {
        forEachOperation((method, path, op) -> {
            if (!method.equals("get") || !path.matches("/api/v1/[a-z]+") || !op.path("tags").toString()
                    .contains("families")) {
                return;
            }
            Set<String> documented = new TreeSet<>();
            for (JsonNode p : op.path("parameters")) {
                JsonNode param = schemas.resolve(p);
                if (param.path("in").asText().equals("query")) {
                    documented.add(param.get("name").asText());
                }
            }
            documented.removeAll(List.of("limit", "offset"));
            TestHub.Reply r = hub.get(path + "?zz_unknown=1", Role.VIEWER);
            assertThat(r.status()).isEqualTo(400);
            conforms(method, path, r);
            Matcher m = Pattern.compile("filters here are \\[([^]]*)]").matcher(r.json().get("message").asText());
            assertThat(m.find()).as(r.body()).isTrue();
            Set<String> served = new TreeSet<>();
            for (String f : m.group(1).split(",\\s*")) {
                if (!f.isBlank()) {
                    served.add(f.trim());
                }
            }
            assertThat(documented).as("filters of " + path).isEqualTo(served);
        });
    }

    // --- real calls ------------------------------------------------------------------------------

    @Test
    @Order(1)
    void realCallsAnswerDocumentedStatusesAndBodies() throws Exception {
        get("/api/v1/health", "/api/v1/health", null, 200);
        get("/api/v1/kpis", "/api/v1/kpis", Role.VIEWER, 200);   // nothing evaluated yet: null rates

        // every event type, and every family non-empty
        String batch = ingestBody(richBatch(), "2026-05-30T08:00:00Z");
        post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST, batch, "batch-1", 200);
        post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST, batch, "batch-1", 409);
        post("/api/v1/ingest", "/api/v1/ingest", Role.TRAINER,
                ingestBody(List.of(new Event.SensorReported("S-1", 3)), null), null, 200);
        post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST, "{\"events\":[]}", null, 400);
        TestHub.Reply unknownSensor = post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST,
                ingestBody(List.of(new Event.SensorReported("S-404", 1)), null), null, 422);
        assertThat(unknownSensor.json().get("field").asText()).isEqualTo("events[0].payload.sensorId");
        post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST, "{\"events\":[", null, 400);
        post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST,
                "{\"events\":[{\"type\":\"SensorReported\",\"payload\":{\"sensorId\":\"S-1\",\"value\":1,\"unit\":\"cm\"}}]}",
                null, 400);
        post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST, "{\"events\":\"" + "x".repeat(1_100_000) + "\"}",
                null, 413);

        // reads
        get("/api/v1/snapshot", "/api/v1/snapshot", Role.VIEWER, 200);
        get("/api/v1/kpis", "/api/v1/kpis", Role.LEADER, 200);
        TestHub.Reply events = get("/api/v1/events", "/api/v1/events?since=0&limit=10000", Role.OPERATOR, 200);
        Set<String> types = new TreeSet<>();
        events.json().get("events").forEach(f -> types.add(f.get("type").asText()));
        Set<String> ingestable = new TreeSet<>(Json.eventTypes());
        ingestable.removeAll(HUB_ONLY);
        assertThat(types).as("event types exercised").isEqualTo(ingestable);
        get("/api/v1/events", "/api/v1/events?since=-1", Role.OPERATOR, 400);
        get("/api/v1/events", "/api/v1/events?since=99999999", Role.OPERATOR, 400);
        get("/api/v1/snapshot", "/api/v1/snapshot", null, 401);
        TestHub.Reply badToken = TestHub.call(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/snapshot")
                .header("Authorization", "Bearer not-a-token-of-this-hub").build());
        assertThat(badToken.status()).isEqualTo(401);
        conforms("get", "/api/v1/snapshot", badToken);
        get("/api/v1/snapshot", "/api/v1/snapshot", Role.INGEST, 403);
        TestHub.Reply byQuery = TestHub.call(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/kpis?token="
                + hub.token(Role.VIEWER)).build());
        assertThat(byQuery.status()).as("?token= is for the stream only").isEqualTo(401);
        conforms("get", "/api/v1/kpis", byQuery);

        forEachOperation((method, path, op) -> {
            if (method.equals("get") && path.matches("/api/v1/[a-z]+/\\{id}") && op.path("tags").toString().contains("families")) {
                String family = path.substring("/api/v1/".length(), path.length() - "/{id}".length());
                TestHub.Reply page = get("/api/v1/" + family, "/api/v1/" + family + "?limit=1000", Role.FIELD_UNIT, 200);
                assertThat(page.json().get("items").size()).as(family + " has entries to check").isPositive();
                JsonNode first = page.json().get("items").get(0);
                String id = first.has("id") ? first.get("id").asText()
                        : first.has("code") ? first.get("code").asText() : first.get("orderNo").asText();
                get(path, "/api/v1/" + family + "/" + id, Role.TRAINER, 200);
                get(path, "/api/v1/" + family + "/NO-SUCH-ID", Role.VIEWER, 404);
                get("/api/v1/" + family, "/api/v1/" + family + "?limit=1&offset=1", Role.VIEWER, 200);
                get("/api/v1/" + family, "/api/v1/" + family + "?limit=1001", Role.VIEWER, 400);
            }
        });
        get("/api/v1/incidents", "/api/v1/incidents?open=true&state=DISPATCHED", Role.VIEWER, 200);
        get("/api/v1/cameras", "/api/v1/cameras?colour=red", Role.VIEWER, 400);

        // commands
        String open = "{\"title\":\"井盖缺失\",\"category\":\"井盖缺失\",\"severity\":\"HIGH\",\"at\":{\"lon\":116.38,\"lat\":39.815}}";
        TestHub.Reply opened = post("/api/v1/incidents", "/api/v1/incidents", Role.OPERATOR, open, "c-open", 201);
        String id = opened.json().get("events").get(0).get("payload").get("incidentId").asText();
        TestHub.Reply replay = post("/api/v1/incidents", "/api/v1/incidents", Role.OPERATOR, open, "c-open", 409);
        assertThat(replay.json().get("firstSeq").asLong()).isEqualTo(opened.json().get("firstSeq").asLong());
        post("/api/v1/incidents", "/api/v1/incidents", Role.OPERATOR, open, null, 400);
        post("/api/v1/incidents", "/api/v1/incidents", Role.LEADER, "{\"title\":\"t\",\"at\":{\"lon\":116.38,\"lat\":39.815}}",
                "c-open-2", 422);
        String inc = "/api/v1/incidents/" + id;
        post("/api/v1/incidents/{id}/advance", inc + "/advance", Role.OPERATOR, "{\"state\":\"PENDING_DISPATCH\"}", "c-adv-1", 200);
        post("/api/v1/incidents/{id}/dispatch", inc + "/dispatch", Role.LEADER, "{\"unitId\":\"U-2\"}", "c-disp-0", 422);
        TestHub.Reply dispatched = post("/api/v1/incidents/{id}/dispatch", inc + "/dispatch", Role.LEADER,
                "{\"unitId\":\"U-1\"}", "c-disp-1", 200);
        String zl = "/api/v1/orders/" + dispatched.json().get("events").get(0).get("payload").get("orderId").asText();
        post("/api/v1/units/{id}/status", "/api/v1/units/U-1/status", Role.FIELD_UNIT, "{\"status\":\"ACK\"}", "c-u-1", 422);
        post("/api/v1/units/{id}/status", "/api/v1/units/NOPE/status", Role.FIELD_UNIT, "{\"status\":\"ACK\"}", "c-u-2", 404);
        post("/api/v1/incidents/{id}/close", inc + "/close", Role.LEADER, "{\"note\":\"太早\"}", "c-close-0", 422);
        post("/api/v1/incidents/{id}/close", inc + "/close", Role.OPERATOR, "{}", "c-close-x", 403);

        // the unit answers its order on its own token, with a photo
        String unit = unitToken();
        post("/api/v1/orders/{id}/advance", zl + "/advance", Role.FIELD_UNIT, "{\"state\":\"ACCEPTED\"}", "c-o-0", 403);
        post("/api/v1/orders/{id}/advance", zl + "/advance", Role.OPERATOR, "{\"state\":\"ACCEPTED\"}", "c-o-x", 403);
        int step = 0;
        for (String state : List.of("DELIVERED", "ACCEPTED", "EN_ROUTE", "ON_SITE", "WORKING")) {
            call("post", "/api/v1/orders/{id}/advance", zl + "/advance", unit, "{\"state\":\"" + state + "\"}",
                    "c-o-" + ++step, 200);
        }
        TestHub.Reply notImage = photo(unit, "text".getBytes(java.nio.charset.StandardCharsets.UTF_8), 415);
        assertThat(notImage.json().get("field").asText()).isEqualTo("body");
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        String photo = photo(unit, png, 201).json().get("id").asText();
        try (Response image = TestHub.HTTP.newCall(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/photos/"
                + photo).header("Authorization", "Bearer " + hub.token(Role.DISTRICT)).build()).execute()) {
            assertThat(image.code()).isEqualTo(200);
            assertThat(operation("get", "/api/v1/photos/{id}").at("/responses/200/content")
                    .has(image.header("Content-Type"))).isTrue();
            seen.add("get /api/v1/photos/{id} 200");
        }
        get("/api/v1/photos/{id}", "/api/v1/photos/PH-404", Role.VIEWER, 404);
        call("post", "/api/v1/orders/{id}/advance", zl + "/advance", unit, "{\"state\":\"REPORTED\",\"note\":\"已补装\","
                + "\"photos\":[\"PH-0\"]}", "c-o-r0", 422);
        TestHub.Reply reported = call("post", "/api/v1/orders/{id}/advance", zl + "/advance", unit,
                "{\"state\":\"REPORTED\",\"note\":\"已补装\",\"photos\":[\"" + photo + "\"]}", "c-o-r", 200);
        assertThat(reported.json().get("events").get(0).get("payload").get("photos").get(0).asText()).isEqualTo(photo);
        call("get", "/api/v1/field/me", "/api/v1/field/me", unit, null, null, 200);
        call("post", "/api/v1/units/{id}/position", "/api/v1/units/U-1/position", unit,
                "{\"at\":{\"lon\":116.382,\"lat\":39.816},\"heading\":45}", "c-pos-1", 200);
        call("post", "/api/v1/units/{id}/position", "/api/v1/units/U-2/position", unit,
                "{\"at\":{\"lon\":116.382,\"lat\":39.816}}", "c-pos-2", 403);
        post("/api/v1/units/{id}/position", "/api/v1/units/U-2/position", Role.OPERATOR,
                "{\"at\":{\"lon\":116.382,\"lat\":39.816}}", "c-pos-3", 200);
        post("/api/v1/units/{id}/status", "/api/v1/units/U-1/status", Role.FIELD_UNIT, "{\"status\":\"PAT\"}", "c-u-3", 200);

        post("/api/v1/incidents/{id}/advance", inc + "/advance", Role.FIELD_UNIT, "{\"state\":\"CHECKING\"}", "c-adv-s", 200);
        post("/api/v1/incidents/{id}/close", inc + "/close", Role.LEADER, "", "c-close-1", 200);

        // the district seat: an order, a leader's reassignment over a busy unit, the order taken back, 批示
        TestHub.Reply second = post("/api/v1/incidents", "/api/v1/incidents", Role.OPERATOR, open.replace("井盖缺失\",\"c",
                "井盖缺失\",\"c"), "c-open-3", 201);
        String inc2 = "/api/v1/incidents/" + second.json().get("events").get(0).get("payload").get("incidentId").asText();
        post("/api/v1/incidents/{id}/orders", inc2 + "/orders", Role.OPERATOR, "{\"unitId\":\"U-1\",\"override\":true}",
                "c-io-0", 403);
        TestHub.Reply issued = post("/api/v1/incidents/{id}/orders", inc2 + "/orders", Role.DISTRICT,
                "{\"unitId\":\"U-1\",\"task\":\"核查井盖\",\"priority\":\"CRITICAL\"}", "c-io-1", 200);
        String zl2 = "/api/v1/orders/" + issued.json().get("events").get(0).get("payload").get("orderId").asText();
        post("/api/v1/orders/{id}/reassign", zl2 + "/reassign", Role.LEADER, "{\"unitId\":\"U-2\"}", "c-ra-0", 422);
        TestHub.Reply reassigned = post("/api/v1/orders/{id}/reassign", zl2 + "/reassign", Role.LEADER,
                "{\"unitId\":\"U-2\",\"override\":true}", "c-ra-1", 200);
        String zl3 = "/api/v1/orders/" + reassigned.json().get("events").get(1).get("payload").get("orderId").asText();
        post("/api/v1/orders/{id}/advance", zl3 + "/advance", Role.DISTRICT, "{\"state\":\"CANCELLED\",\"reason\":\"已处置\"}",
                "c-o-c", 200);
        post("/api/v1/instructions", "/api/v1/instructions", Role.DISTRICT, "{\"incidentId\":\"" + id
                + "\",\"text\":\"注意现场安全\"}", "c-ps-1", 201);
        post("/api/v1/instructions", "/api/v1/instructions", Role.LEADER, "{\"text\":\"\"}", "c-ps-2", 422);
        // 吹哨报到: departments summoned to the case, one reports on site
        post("/api/v1/incidents/{id}/whistle", inc2 + "/whistle", Role.OPERATOR, "{\"reason\":\"r\"}", "c-cs-0", 400);
        TestHub.Reply blown = post("/api/v1/incidents/{id}/whistle", inc2 + "/whistle", Role.DISTRICT,
                "{\"kind\":\"EMERGENCY\",\"reason\":\"需多部门到场\",\"departments\":[\"燃气集团\",\"派出所\"]}", "c-cs-1", 200);
        String cs = "/api/v1/whistles/" + blown.json().get("events").get(0).get("payload").get("whistleId").asText();
        post("/api/v1/whistles/{id}/arrived", cs + "/arrived", Role.OPERATOR, "{\"department\":\"燃气集团\"}", "c-cs-2", 200);
        post("/api/v1/whistles/{id}/arrived", cs + "/arrived", Role.LEADER, "{\"department\":\"燃气集团\"}", "c-cs-3", 422);

        // a unit's own token, issued and revoked
        post("/api/v1/units/{id}/credential", "/api/v1/units/U-2/credential", Role.LEADER, "", null, 201);
        post("/api/v1/units/{id}/credential", "/api/v1/units/NOPE/credential", Role.LEADER, "", null, 404);
        call("delete", "/api/v1/units/{id}/credential", "/api/v1/units/U-2/credential", hub.token(Role.LEADER), null, null,
                204);
        call("delete", "/api/v1/units/{id}/credential", "/api/v1/units/U-2/credential", hub.token(Role.LEADER), null, null,
                404);
        post("/api/v1/alerts/{id}/review", "/api/v1/alerts/AL-1/review", Role.OPERATOR,
                "{\"decision\":\"ACCEPTED\",\"severity\":\"HIGH\"}", "c-rv-1", 200);
        post("/api/v1/alerts/{id}/review", "/api/v1/alerts/AL-1/review", Role.OPERATOR, "{\"decision\":\"REJECTED\",\"falseAlarm\":\"MISDETECTION\"}",
                "c-rv-2", 422);
        post("/api/v1/complaints/{id}/advance", "/api/v1/complaints/2605300001/advance", Role.OPERATOR,
                "{\"state\":\"CLOSED\"}", "c-cmp-1", 200);
        // 并案 and 回访: an order joins an open case once; the 回访 of a replied order
        TestHub.Reply third = post("/api/v1/incidents", "/api/v1/incidents", Role.OPERATOR, open, "c-open-4", 201);
        String inc3 = "/api/v1/incidents/" + third.json().get("events").get(0).get("payload").get("incidentId").asText();
        post("/api/v1/incidents/{id}/complaints", inc3 + "/complaints", Role.OPERATOR, "{}", "c-link-0", 400);
        post("/api/v1/incidents/{id}/complaints", inc3 + "/complaints", Role.VIEWER,
                "{\"orderNo\":\"2605300002\"}", "c-link-v", 403);
        post("/api/v1/incidents/{id}/complaints", "/api/v1/incidents/INC-404/complaints", Role.OPERATOR,
                "{\"orderNo\":\"2605300002\"}", "c-link-4", 404);
        post("/api/v1/incidents/{id}/complaints", inc3 + "/complaints", Role.OPERATOR,
                "{\"orderNo\":\"2605300002\"}", "c-link-1", 422);
        String replied = "2605300003";
        post("/api/v1/ingest", "/api/v1/ingest", Role.INGEST, ingestBody(List.of(
                new Event.ComplaintReceived(replied, Complaint.Channel.PHONE, Complaint.Type.HELP, "道路设施",
                        Complaint.Priority.URGENT, Fixtures.WEST, "路灯不亮", false),
                new Event.ComplaintAdvanced(replied, ComplaintState.DISPATCHED),
                new Event.ComplaintAdvanced(replied, ComplaintState.SIGNED),
                new Event.ComplaintAdvanced(replied, ComplaintState.CONTACTED),
                new Event.ComplaintAdvanced(replied, ComplaintState.IN_PROGRESS),
                new Event.ComplaintAdvanced(replied, ComplaintState.REPLIED),
                new Event.ComplaintReceived("2605300004", Complaint.Channel.PHONE, Complaint.Type.HELP, "道路设施",
                        Complaint.Priority.URGENT, Fixtures.WEST, "井盖缺失", false)), null), "c-link-r", 200);
        post("/api/v1/incidents/{id}/complaints", inc3 + "/complaints", Role.LEADER,
                "{\"orderNo\":\"2605300004\"}", "c-link-2", 200);
        post("/api/v1/complaints/{id}/revisit", "/api/v1/complaints/2605300003/revisit", Role.OPERATOR,
                "{\"responded\":true,\"resolved\":\"YES\"}", "c-rvs-0", 400);
        post("/api/v1/complaints/{id}/revisit", "/api/v1/complaints/2605300002/revisit", Role.OPERATOR,
                "{\"responded\":true,\"resolved\":\"YES\",\"satisfaction\":\"SATISFIED\"}", "c-rvs-1", 422);
        post("/api/v1/complaints/{id}/revisit", "/api/v1/complaints/2605300003/revisit", Role.OPERATOR,
                "{\"responded\":true,\"resolved\":\"PARTIAL\",\"satisfaction\":\"BASICALLY_SATISFIED\"}",
                "c-rvs-2", 200);
        post("/api/v1/complaints/{id}/revisit", "/api/v1/complaints/2605300404/revisit", Role.OPERATOR,
                "{\"responded\":true,\"resolved\":\"YES\",\"satisfaction\":\"SATISFIED\"}", "c-rvs-4", 404);
        post("/api/v1/complaints/{id}/advance", "/api/v1/complaints/2605300001/advance", Role.OPERATOR,
                "{\"state\":\"CLOSED\",\"by\":\"me\"}", "c-cmp-2", 400);
        get("/api/v1/audit", "/api/v1/audit?limit=1000", Role.LEADER, 200);
        get("/api/v1/audit", "/api/v1/audit?limit=0", Role.LEADER, 400);
        try (Response file = TestHub.HTTP.newCall(new Request.Builder().url(hub.runtime.baseUrl()
                + "/api/v1/recording?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00%2B08:00")
                .header("Authorization", "Bearer " + hub.token(Role.TRAINER)).build()).execute()) {
            assertThat(file.code()).isEqualTo(200);
            assertThat(operation("get", "/api/v1/recording").at("/responses/200/content")
                    .has(file.header("Content-Type"))).isTrue();
            Path saved = Files.write(Files.createTempFile("contract-", ".shanzhi"), file.body().bytes());
            assertThat(org.shanzhi.cockpit.recording.Recording.read(saved).events()).isNotEmpty();
            Files.delete(saved);
            seen.add("get /api/v1/recording 200");
        }
        get("/api/v1/recording", "/api/v1/recording?to=2100-01-01T00:00:00Z", Role.LEADER, 400);
        get("/api/v1/recording", "/api/v1/recording?from=2000-01-01T00:00:00Z&to=1999-01-01T00:00:00Z", Role.LEADER, 400);
        get("/api/v1/recording", "/api/v1/recording?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", Role.LEADER, 404);
        get("/api/v1/recording", "/api/v1/recording?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", Role.OPERATOR, 403);
        get("/api/v1/kpis", "/api/v1/kpis", Role.VIEWER, 200);
        get("/api/v1/snapshot", "/api/v1/snapshot", Role.VIEWER, 200);

        // the trainer's drill clock: a script of warnings only (the contract's inventory is not Heyi's)
        get("/api/v1/drill", "/api/v1/drill", Role.VIEWER, 404);
        get("/api/v1/drill/scripts", "/api/v1/drill/scripts", Role.TRAINER, 200);
        get("/api/v1/drill/scripts", "/api/v1/drill/scripts", Role.VIEWER, 403);
        String script = Json.write(Map.of("file", "contract.yaml", "script", """
                name: 合同演练
                participants: [坐席]
                objectives: [{id: O1, text: 预警确认, target: 2分钟}]
                injects:
                  - {id: w1, at: 0m, title: 预警, events: [{type: WarningIssued, payload: {warningId: $w1, hazard: GALE, level: BLUE, issuer: 气象台}}]}
                  - {id: w2, at: 1h, title: 预警, events: [{type: WarningIssued, payload: {warningId: $w2, hazard: RAINSTORM, level: BLUE, issuer: 气象台}}]}
                  - {id: w3, at: 2h, title: 解除, events: [{type: WarningLifted, payload: {warningId: $w1}}]}
                  - {id: w4, at: 3h, title: 解除, events: [{type: WarningLifted, payload: {warningId: $w2}}]}
                """));
        post("/api/v1/drill", "/api/v1/drill", Role.TRAINER, script, null, 201);
        post("/api/v1/drill", "/api/v1/drill", Role.OPERATOR, script, null, 403);
        post("/api/v1/drill", "/api/v1/drill", Role.TRAINER, script.replace("WarningLifted", "TreeFell"), null, 422);
        post("/api/v1/drill", "/api/v1/drill", Role.TRAINER, "{\"name\":\"no-such-drill\"}", null, 404);
        post("/api/v1/drill", "/api/v1/drill", Role.TRAINER, "{\"colour\":\"red\"}", null, 400);
        post("/api/v1/drill/start", "/api/v1/drill/start", Role.TRAINER, "", null, 200);
        post("/api/v1/drill/start", "/api/v1/drill/start", Role.TRAINER, "", null, 409);
        post("/api/v1/drill", "/api/v1/drill", Role.TRAINER, script, null, 409);
        get("/api/v1/drill", "/api/v1/drill", Role.OPERATOR, 200);
        post("/api/v1/drill/pause", "/api/v1/drill/pause", Role.TRAINER, "", null, 200);
        post("/api/v1/drill/injects/{id}/fire", "/api/v1/drill/injects/w3/fire", Role.TRAINER, "", null, 200);
        post("/api/v1/drill/injects/{id}/fire", "/api/v1/drill/injects/NOPE/fire", Role.TRAINER, "", null, 404);
        post("/api/v1/drill/resume", "/api/v1/drill/resume", Role.TRAINER, "", null, 200);
        post("/api/v1/drill/skip", "/api/v1/drill/skip", Role.TRAINER, "", null, 200);
        post("/api/v1/drill/injects", "/api/v1/drill/injects", Role.TRAINER,
                "{\"id\":\"sos\",\"title\":\"单兵求助\",\"events\":[{\"type\":\"WarningIssued\",\"payload\":"
                        + "{\"warningId\":\"$w5\",\"hazard\":\"HEAT\",\"level\":\"YELLOW\",\"issuer\":\"气象台\"}}]}",
                null, 201);
        post("/api/v1/drill/injects", "/api/v1/drill/injects", Role.TRAINER,
                "{\"id\":\"bad\",\"title\":\"t\",\"events\":[{\"type\":\"TreeFell\",\"payload\":{}}]}", null, 422);
        post("/api/v1/drill/stop", "/api/v1/drill/stop", Role.TRAINER, "", null, 200);

        // simulated camera video: a stream (read only its start), and the errors
        var cams = hub.runtime.hub().situation().cameras().values();
        String online = cams.stream().filter(c -> c.online()).findFirst().orElseThrow().id();
        String offline = cams.stream().filter(c -> !c.id().equals(online)).findFirst().orElseThrow().id();
        assertThat(hub.ingest(List.of(new Event.CameraStatusChanged(offline, false))).status()).isEqualTo(200);
        try (Response video = TestHub.HTTP.newCall(new Request.Builder().url(hub.runtime.baseUrl() + "/video/"
                + online + ".mjpg?token=" + hub.token(Role.FIELD_UNIT)).build()).execute()) {
            assertThat(video.code()).isEqualTo(200);
            assertThat(video.header("Content-Type")).startsWith("multipart/x-mixed-replace");
            assertThat(operation("get", "/video/{cameraId}.mjpg").at("/responses/200/content")
                    .has("multipart/x-mixed-replace")).isTrue();
            seen.add("get /video/{cameraId}.mjpg 200");
        }
        TestHub.Reply down = get("/video/{cameraId}.mjpg", "/video/" + offline + ".mjpg", Role.VIEWER, 503);
        assertThat(down.json().get("cameraId").asText()).isEqualTo(offline);
        get("/video/{cameraId}.mjpg", "/video/NO-SUCH-CAM.mjpg", Role.VIEWER, 404);
        // a field unit's body-cam
        try (Response bodyCam = TestHub.HTTP.newCall(new Request.Builder().url(hub.runtime.baseUrl()
                + "/video/unit/U-1.mjpg?token=" + hub.token(Role.DISTRICT)).build()).execute()) {
            assertThat(bodyCam.code()).isEqualTo(200);
            assertThat(operation("get", "/video/unit/{unitId}.mjpg").at("/responses/200/content")
                    .has(bodyCam.header("Content-Type").replaceAll(";.*", ""))).isTrue();
            seen.add("get /video/unit/{unitId}.mjpg 200");
        }
        get("/video/unit/{unitId}.mjpg", "/video/unit/U-404.mjpg", Role.VIEWER, 404);
        get("/video/relay/{cameraId}", "/video/relay/NO-SUCH-CAM", Role.VIEWER, 404);
        get("/video/relay/{cameraId}", "/video/relay/" + online, Role.VIEWER, 400); // an MJPEG camera
        assertThat(hub.ingest(List.of(new Event.CameraRegistered(new Camera("CAM-RTSP", null, Fixtures.EAST, null,
                false, true, "rtsp://127.0.0.1:8554/c")))).status()).isEqualTo(200);
        get("/video/relay/{cameraId}", "/video/relay/CAM-RTSP", Role.VIEWER, 403); // not in the camera networks
        assertThat(operation("get", "/video/relay/{cameraId}").at("/responses/200/content").has(
                org.shanzhi.cockpit.hub.video.RtspRelay.CONTENT_TYPE)).isTrue();

        // coverage: every operation answered 2xx at least once, and every error status was seen
        forEachOperation((method, path, op) -> {
            // the stream's frames are checked below; the relay's 200 needs a real RTSP camera: RtspRelayTest
            if (!path.equals("/api/v1/stream") && !path.equals("/video/relay/{cameraId}")) {
                assertThat(seen.stream().anyMatch(s -> s.startsWith(method + " " + path + " 2")))
                        .as("a successful " + method + " " + path + " was checked").isTrue();
            }
        });
        Set<String> statuses = new TreeSet<>();
        seen.forEach(s -> statuses.add(s.substring(s.lastIndexOf(' ') + 1)));
        assertThat(statuses).contains("200", "201", "204", "400", "401", "403", "404", "409", "413", "415", "422");
    }

    @Test
    void aStartingHubAnswersHealthAsDocumented(@TempDir Path other) {
        List<TestHub.Reply> starting = new ArrayList<>();
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(other), r -> {
            starting.add(TestHub.call(new Request.Builder().url(r.baseUrl() + "/api/v1/health").build()));
            return null;
        })) {
            assertThat(starting).singleElement().satisfies(reply -> {
                assertThat(reply.status()).isEqualTo(503);
                conforms("get", "/api/v1/health", reply);
            });
        }
    }

    @Test
    @Order(2)
    void streamFramesAndClosesMatchTheSpec() throws Exception {
        JsonNode frameSchema = schemas.resolve(operation("get", "/api/v1/stream").at("/responses/101"))
                .at("/content/application~1json/schema");
        long head = hub.runtime.hub().head();
        try (TestHub.Subscriber sub = hub.subscribe("?since=0")) {
            List<JsonNode> frames = sub.take((int) head);
            Set<String> types = new TreeSet<>();
            for (JsonNode f : frames) {
                assertThat(schemas.validate(frameSchema, f)).as("frame " + f).isEmpty();
                types.add(f.get("type").asText());
            }
            assertThat(types).as("frames of every type a client can send").hasSize(Json.eventTypes().size() - 1);
        }
        String description = operation("get", "/api/v1/stream").get("description").asText();
        try (TestHub.Subscriber beyond = hub.subscribe("?since=" + (head + 1_000_000))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> beyond.closeReason != null);
            assertThat(beyond.closeCode).isEqualTo(1008);
            assertThat(beyond.closeReason).contains("beyond the head");
            assertThat(description).contains("1008").contains("beyond the head");
        }
        try (TestHub.Subscriber malformed = hub.subscribe("?since=abc")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> malformed.closeReason != null);
            assertThat(malformed.closeCode).isEqualTo(1008);
            assertThat(malformed.closeReason).contains("whole number");
            assertThat(description).contains("whole number");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    interface OperationVisitor {
        void visit(String method, String path, JsonNode operation) throws Exception;
    }

    static void forEachOperation(OperationVisitor v) throws Exception {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (String m : METHODS) {
                if (p.getValue().has(m)) {
                    v.visit(m, p.getKey(), p.getValue().get(m));
                }
            }
        }
    }

    static JsonNode operation(String method, String path) {
        JsonNode op = spec.path("paths").path(path).path(method);
        assertThat(op.isObject()).as(method + " " + path + " is documented").isTrue();
        return op;
    }

    TestHub.Reply get(String template, String path, Role role, int expected) {
        TestHub.Reply r = hub.get(path, role);
        assertThat(r.status()).as("GET " + path + ": " + r.body()).isEqualTo(expected);
        conforms("get", template, r);
        return r;
    }

    TestHub.Reply post(String template, String path, Role role, String body, String key, int expected) {
        TestHub.Reply r = hub.post(path, role, body, key);
        assertThat(r.status()).as("POST " + path + " " + abbreviate(body) + ": " + r.body()).isEqualTo(expected);
        conforms("post", template, r);
        if (r.status() / 100 == 2 && !body.isEmpty()) {
            requestFits("post", template, body);
        }
        return r;
    }

    static void requestFits(String method, String template, String body) {
        JsonNode requestSchema = operation(method, template).at("/requestBody/content/application~1json/schema");
        try {
            assertThat(schemas.validate(requestSchema, Json.MAPPER.readTree(body)))
                    .as("the accepted request body of " + method.toUpperCase() + " " + template + " fits the spec").isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The reply's status is documented for the operation, and its body validates against that response's schema. */
    void conforms(String method, String template, TestHub.Reply r) {
        JsonNode responses = operation(method, template).get("responses");
        JsonNode response = responses.get(String.valueOf(r.status()));
        assertThat(response).as(method.toUpperCase() + " " + template + " answered " + r.status()
                + ", which the spec does not document; body " + r.body()).isNotNull();
        JsonNode schema = schemas.resolve(response).at("/content/application~1json/schema");
        if (schema.isMissingNode()) {
            assertThat(r.body()).as("no body documented").isEmpty();
        } else {
            assertThat(r.json()).as(method + " " + template + " " + r.status() + " has a JSON body").isNotNull();
            assertThat(schemas.validate(schema, r.json())).as(method.toUpperCase() + " " + template + " "
                    + r.status() + " body against the spec; body " + abbreviate(r.body())).isEmpty();
        }
        seen.add(method + " " + template + " " + r.status());
    }

    /** A request that stops right after authorization: no Idempotency-Key, no valid body. */
    static TestHub.Reply probe(String method, String path, Role role) {
        return switch (method) {
            case "get" -> hub.get(path, role);
            case "delete" -> hub.delete(path, role);
            default -> hub.post(path, role, "{}", null);
        };
    }

    /** A unit's own token (U-1's), issued once. */
    static synchronized String unitToken() {
        if (unitToken == null) {
            unitToken = hub.unitToken("U-1");
        }
        return unitToken;
    }

    /** A call on a token given as is (a unit's own), checked against the spec like the others. */
    TestHub.Reply call(String method, String template, String path, String bearer, String body, String key, int expected) {
        TestHub.Reply r = hub.call(method.toUpperCase(), path, bearer, body, key);
        assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        conforms(method, template, r);
        if (r.status() / 100 == 2 && body != null) {
            requestFits(method, template, body);
        }
        return r;
    }

    /** Uploads a photo on a unit's token, checked against the spec. */
    TestHub.Reply photo(String bearer, byte[] bytes, int expected) {
        TestHub.Reply r = TestHub.call(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/photos")
                .header("Authorization", "Bearer " + bearer)
                .post(okhttp3.RequestBody.create(bytes, okhttp3.MediaType.get("image/png"))).build());
        assertThat(r.status()).as("POST /api/v1/photos: " + r.body()).isEqualTo(expected);
        conforms("post", "/api/v1/photos", r);
        return r;
    }

    static boolean isUnknownRoute(TestHub.Reply r) {
        return r.status() == 404 && r.json() != null && r.json().get("field").isNull();
    }

    static Role allowedRole(JsonNode op) {
        for (JsonNode n : op.path("x-roles")) {
            return Role.ofKey(n.asText());
        }
        return Role.VIEWER;
    }

    /** The routes the server registered: HTTP endpoints and WebSocket endpoints (as GET). */
    static Set<String> servedRoutes() throws ReflectiveOperationException {
        Field serverField = HubRuntime.class.getDeclaredField("server");
        serverField.setAccessible(true);
        Field appField = HubServer.class.getDeclaredField("app");
        appField.setAccessible(true);
        Javalin app = (Javalin) appField.get(serverField.get(hub.runtime));
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            // the field page is a page, not API (docs/api.md, "The field page")
            if (e.endpoint.method.isHttpMethod() && !e.endpoint.path.startsWith("/field")) {
                routes.add(e.endpoint.method.name().toUpperCase() + " " + e.endpoint.path);
            }
        }
        for (WsHandlerEntry e : app.unsafe.internalRouter.allWsHandlers()) {
            if (e.getType() == WsHandlerType.WEBSOCKET) {
                routes.add("GET " + e.getPath());
            }
        }
        assertThat(routes).as("routes found by reflection").hasSizeGreaterThan(10);
        return routes;
    }

    /** The HTTP status of a WebSocket upgrade: 101 when it opened. */
    static int wsUpgrade(Role role, String query) {
        Request.Builder b = new Request.Builder().url("ws://127.0.0.1:" + hub.runtime.port() + "/api/v1/stream" + query);
        if (role != null) {
            b.header("Authorization", "Bearer " + hub.token(role));
        }
        CompletableFuture<Integer> code = new CompletableFuture<>();
        TestHub.HTTP.newWebSocket(b.build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                code.complete(response.code());
                ws.close(1000, "done");
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                code.complete(response == null ? -1 : response.code());
            }
        });
        try {
            return code.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String ingestBody(List<Event> events, String firstTime) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Event e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", Json.typeOf(e));
            if (firstTime != null && list.isEmpty()) {
                m.put("time", firstTime);
            }
            m.put("payload", e);
            list.add(m);
        }
        return Json.write(Map.of("events", list));
    }

    /** One or more events of every type, after Fixtures.inventory(), so that every family has entries. */
    static List<Event> richBatch() {
        GeoPoint near = new GeoPoint(116.381, 39.816);
        String order = "2605300001";
        return List.of(
                new Event.CameraStatusChanged("CAM-3", true),
                new Event.SensorReported("S-1", 25.5),
                new Event.UnitMoved("U-1", near, 90),
                new Event.UnitStatusChanged("U-2", UnitStatus.AVL),
                new Event.IncidentOpened("INC-A", "占道经营", "市容环境", Incident.Source.INSPECTOR,
                        Incident.Severity.HIGH, IncidentState.REPORTED, Fixtures.WEST, null, null),
                new Event.IncidentAdvanced("INC-A", IncidentState.REGISTERED, "核实属实"),
                new Event.IncidentAdvanced("INC-A", IncidentState.PENDING_DISPATCH, null),
                new Event.IncidentDispatched("INC-A", "U-2"),
                new Event.IncidentAdvanced("INC-A", IncidentState.IN_PROGRESS, null),
                new Event.IncidentAdvanced("INC-A", IncidentState.POSTPONE_REQUESTED, "需协调产权单位"),
                // far beyond the hub clock's now, when the batch lands
                new Event.ExtensionApproved("INC-A", null, Instant.parse("2090-01-01T00:00:00Z")),
                new Event.UnitSos("U-2", true),
                new Event.IncidentOpened("INC-B", "井盖缺失", "道路设施", Incident.Source.GRID_WORKER,
                        Incident.Severity.CRITICAL, IncidentState.REGISTERED, Fixtures.WEST, null, null),
                new Event.OrderIssued("ZL-1", "INC-B", "U-1", "设置警示并看守", null, DispatchOrder.Issuer.CENTER, false),
                new Event.OrderAdvanced("ZL-1", OrderState.DELIVERED, "U-1", null, null, List.of()),
                new Event.OrderAdvanced("ZL-1", OrderState.ACCEPTED, "U-1", null, null, List.of()),
                new Event.OrderAdvanced("ZL-1", OrderState.CANCELLED, "center", "已由物业处置", null, List.of()),
                new Event.InstructionIssued("PS-1", "INC-B", DispatchOrder.Issuer.DISTRICT, "注意现场安全，尽快恢复"),
                new Event.ComplaintReceived(order, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "噪音扰民",
                        Complaint.Priority.TIMELY, Fixtures.EAST, "夜间施工噪音", false),
                new Event.ComplaintAdvanced(order, ComplaintState.DISPATCHED),
                new Event.ComplaintAdvanced(order, ComplaintState.SIGNED),
                new Event.ComplaintAdvanced(order, ComplaintState.CONTACTED),
                new Event.ComplaintAdvanced(order, ComplaintState.IN_PROGRESS),
                new Event.ComplaintAdvanced(order, ComplaintState.REPLIED),
                new Event.ComplaintRevisited(order, true, Complaint.Resolution.YES, Complaint.Satisfaction.SATISFIED),
                new Event.ComplaintReceived("2605300002", Complaint.Channel.WEB, Complaint.Type.HELP, "道路设施",
                        Complaint.Priority.URGENT, Fixtures.WEST, "井盖丢了", false),
                new Event.ComplaintLinked("2605300002", "INC-B"),
                new Event.DisputeRegistered("D-1", "邻里纠纷", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW,
                        "110106016001", "和义街道人民调解委员会", null, Dispute.Source.HOTLINE, "2605300002"),
                new Event.DisputeAdvanced("D-1", DisputeState.TRIAGED, null),
                new Event.PetitionRegistered("P-1", Petition.Form.VISIT, 6, "拆迁补偿", "110106016002"),
                new Event.PetitionAdvanced("P-1", PetitionState.ACCEPTED),
                new Event.PetitionExtended("P-1", 30, "涉及多部门, 经批准延期"),
                new Event.WhistleBlown("W-1", Whistle.Kind.DEMAND, "积水点处置", List.of("城管执法队", "排水集团"), "INC-A"),
                new Event.WhistleArrived("W-1", "城管执法队"),
                new Event.WhistleBlown("W-2", Whistle.Kind.EMERGENCY, "燃气泄漏", List.of("燃气集团"), null),
                new Event.WhistleResolved("W-2"),
                new Event.IntelReported("R-1", "XX-007", "群体聚集", Incident.Severity.MEDIUM, "110106016001", "小区门口聚集",
                        "110106016001001"),
                new Event.KeyPeriodDeclared("K-1", "两会", Fixtures.T0, Fixtures.T0.plus(Duration.ofDays(14))),
                new Event.WarningIssued("WW-1", WeatherWarning.Hazard.RAINSTORM, WeatherWarning.Level.YELLOW,
                        "北京市气象台", null),
                new Event.WarningIssued("WW-2", WeatherWarning.Hazard.GALE, WeatherWarning.Level.BLUE, "北京市气象台",
                        null),
                new Event.WarningLifted("WW-2"),
                new Event.AiAlertRaised("AL-1", "CAM-1", "暴露垃圾", "890", 0.91,
                        List.of(new AiAlert.Box(0.1, 0.2, 0.3, 0.4, "垃圾袋"))),
                new Event.AiAlertRaised("AL-2", "CAM-1", "暴露垃圾", "890", 0.62, List.of()),
                new Event.AiAlertReviewed("AL-2", AiAlert.Review.MERGED, null, "AL-1", null),
                new Event.OutageReported("O-1", "110106016002", "电缆故障", 4, 320),
                new Event.OutageRestored("O-1", 2, 1),
                new Event.OutageReported("O-2", "110106016002", "大风压线", 2, 150,
                        List.of("110106016002-05", "110106016002-03")),
                new Event.OutageRestored("O-2", List.of("110106016002-03"), Outage.Supply.POWER, null, null));
    }

    static String abbreviate(String s) {
        return s == null || s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }
}
