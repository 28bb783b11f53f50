package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.json.Json;

/**
 * Bodies generated from the event and command types, mostly plausible and partly hostile (extreme
 * numbers, times and lengths, odd unicode, wrong types, deep nesting): every answer is a 2xx or a
 * JSON 4xx, the hub stays healthy, and a hub restarted on the same journal replays all it accepted.
 */
class HubFuzzTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 1500);
    private static final List<String> IDS = List.of("U-1", "U-2", "S-1", "CAM-1", "CAM-2", "INC-1", "110106016001", "A-1",
            "W-1", "D-1", "P-1", "O-1", "ORD-1", "ZL-1", "PS-1");
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "/", "../..", "a\u0000b", "<img src=x onerror=1>",
            "\uD83D\uDE00\u202E\u200B", "\uD800", "x".repeat(5000), "和义街道".repeat(700), "%00", "' OR 1=1 --", "\t\n");
    private static final List<String> COMMANDS = List.of("/api/v1/incidents", "/api/v1/incidents/INC-1/advance",
            "/api/v1/incidents/INC-1/dispatch", "/api/v1/incidents/INC-1/close", "/api/v1/alerts/A-1/review",
            "/api/v1/units/U-1/status", "/api/v1/complaints/ORD-1/advance", "/api/v1/complaints/ORD-1/revisit",
            "/api/v1/incidents/INC-1/complaints", "/api/v1/incidents/INC-1/orders",
            "/api/v1/orders/ZL-1/advance", "/api/v1/orders/ZL-1/reassign", "/api/v1/instructions",
            "/api/v1/units/U-1/position", "/api/v1/incidents/INC-1/whistle", "/api/v1/whistles/W-1/arrived",
            "/api/v1/drill", "/api/v1/drill/start", "/api/v1/drill/pause", "/api/v1/drill/resume", "/api/v1/drill/stop",
            "/api/v1/drill/skip", "/api/v1/drill/injects", "/api/v1/drill/injects/w1/fire");

    /** The drill control routes take no body; an inject added is shaped as in a script. */
    record NoBody() {
    }

    record FuzzEvent(String type, Event.UnitSos payload, String offset) {
    }

    record FuzzInject(String id, String title, String at, String after, List<FuzzEvent> events) {
    }

    @TempDir
    Path data;
    private final Random random = new Random(SEED);

    @Test
    void everyAnswerIsATwoHundredOrAJsonRefusalAndTheJournalReplays() {
        String snapshot;
        long head;
        int accepted = 0;
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            // a drill loaded, so that the fuzzed drill commands meet one (its Heyi ids mostly do not fold here)
            assertThat(hub.post("/api/v1/drill", Role.TRAINER, "{\"name\":\"storm-530\"}", null).status()).isEqualTo(201);
            for (int round = 0; round < ROUNDS; round++) {
                TestHub.Reply r = round % 4 == 3 ? command(hub, round) : ingest(hub);
                String context = "seed " + SEED + ", round " + round + ": " + r.body();
                assertThat(r.status()).as(context).isBetween(200, 499);
                if (r.status() >= 400) {
                    assertThat(r.json()).as(context).isNotNull();
                    assertThat(r.json().path("error").isTextual()).as(context).isTrue();
                    assertThat(r.json().path("message").isTextual()).as(context).isTrue();
                } else {
                    accepted++;
                }
            }
            assertThat(hub.get("/api/v1/health", null).status()).isEqualTo(200);
            assertThat(hub.get("/api/v1/kpis", Role.VIEWER).status()).isEqualTo(200);
            assertThat(hub.get("/api/v1/snapshot", Role.VIEWER).status()).isEqualTo(200);
            head = hub.runtime.hub().head();
            snapshot = hub.runtime.hub().snapshotJson();
        }
        assertThat(accepted).as("some generated bodies are accepted, so the journal has something to replay")
                .isGreaterThan(ROUNDS / 40); // most commands meet an id no ingest made (404); ingest carries the replay
        try (TestHub again = new TestHub(data)) {
            assertThat(again.runtime.hub().head()).isEqualTo(head);
            assertThat(again.runtime.hub().snapshotJson()).isEqualTo(snapshot);
        }
    }

    private TestHub.Reply ingest(TestHub hub) {
        ArrayNode events = F.arrayNode();
        int n = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1;
        for (int i = 0; i < n; i++) {
            List<Class<?>> types = Event.types();
            Class<?> type = types.get(random.nextInt(types.size()));
            ObjectNode e = F.objectNode().put("type", type.getSimpleName());
            if (random.nextInt(4) == 0) {
                e.set("time", time());
            }
            e.set("payload", value(type, 0));
            events.add(e);
        }
        JsonNode body = random.nextInt(50) == 0 ? nested(300) : F.objectNode().set("events", events);
        return hub.post("/api/v1/ingest", Role.INGEST, body.toString(), null);
    }

    private TestHub.Reply command(TestHub hub, int round) {
        String path = COMMANDS.get(random.nextInt(COMMANDS.size()));
        Class<?> body = Map.ofEntries(
                Map.entry("/api/v1/incidents", Commands.OpenIncident.class),
                Map.entry("/api/v1/incidents/INC-1/advance", Commands.AdvanceIncident.class),
                Map.entry("/api/v1/incidents/INC-1/dispatch", Commands.Dispatch.class),
                Map.entry("/api/v1/incidents/INC-1/close", Commands.Close.class),
                Map.entry("/api/v1/alerts/A-1/review", Commands.ReviewAlert.class),
                Map.entry("/api/v1/units/U-1/status", Commands.ChangeUnitStatus.class),
                Map.entry("/api/v1/complaints/ORD-1/advance", Commands.AdvanceComplaint.class),
                Map.entry("/api/v1/complaints/ORD-1/revisit", Commands.RevisitComplaint.class),
                Map.entry("/api/v1/incidents/INC-1/complaints", Commands.LinkComplaint.class),
                Map.entry("/api/v1/incidents/INC-1/orders", Commands.IssueOrder.class),
                Map.entry("/api/v1/orders/ZL-1/advance", Commands.AdvanceOrder.class),
                Map.entry("/api/v1/orders/ZL-1/reassign", Commands.Reassign.class),
                Map.entry("/api/v1/instructions", Commands.IssueInstruction.class),
                Map.entry("/api/v1/units/U-1/position", Commands.ReportPosition.class),
                Map.entry("/api/v1/incidents/INC-1/whistle", Commands.BlowWhistle.class),
                Map.entry("/api/v1/whistles/W-1/arrived", Commands.WhistleArrival.class),
                Map.entry("/api/v1/drill", DrillRoutes.Load.class),
                Map.entry("/api/v1/drill/injects", FuzzInject.class)).getOrDefault(path, NoBody.class);
        // the trainer runs drills; the leader may do all the rest but answer an order, which a unit's own token does
        Role role = path.startsWith("/api/v1/drill") ? Role.TRAINER
                : path.endsWith("/close") || path.endsWith("/instructions") || random.nextBoolean() ? Role.LEADER
                : Role.OPERATOR;
        if (path.contains("/orders/") && path.endsWith("/advance") && random.nextBoolean()) {
            return hub.call("POST", path, unitToken(hub), value(body, 0).toString(), "fuzz-" + round);
        }
        // an HTTP client sends only visible ASCII in a header: the hostile keys are what it lets through
        String key = random.nextInt(10) == 0 ? List.of(" ", "x".repeat(300), "<script>", "a\tb", "../", "%00")
                .get(random.nextInt(6)) : "fuzz-" + round;
        return hub.post(path, role, value(body, 0).toString(), key);
    }

    private String unitToken;

    private String unitToken(TestHub hub) {
        if (unitToken == null) {
            unitToken = hub.unitToken("U-1");
        }
        return unitToken;
    }

    /** A value for a component of {@code type}: usually plausible, sometimes hostile. */
    private JsonNode value(Type type, int depth) {
        if (random.nextInt(40) == 0) {
            return hostile();
        }
        Class<?> c = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (c == String.class) {
            return F.textNode(random.nextInt(4) != 0 ? IDS.get(random.nextInt(IDS.size())) : text());
        }
        if (c == double.class) {
            return F.numberNode(random.nextDouble());
        }
        if (c == int.class || c == long.class) {
            return F.numberNode(random.nextInt(100));
        }
        if (c == boolean.class) {
            return F.booleanNode(random.nextBoolean());
        }
        if (c == Instant.class) {
            return time();
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return F.textNode(((Enum<?>) constants[random.nextInt(constants.length)]).name());
        }
        if (c == List.class && type instanceof ParameterizedType p) {
            ArrayNode a = F.arrayNode();
            for (int i = random.nextInt(4); i > 0 && depth < 6; i--) {
                a.add(value(p.getActualTypeArguments()[0], depth + 1));
            }
            return a;
        }
        if (c.isRecord() && depth < 6) {
            if (c == org.shanzhi.cockpit.domain.GeoPoint.class && random.nextBoolean()) {
                return F.objectNode().put("lon", 116.372 + random.nextDouble() * 0.047)
                        .put("lat", 39.803 + random.nextDouble() * 0.028);
            }
            ObjectNode o = F.objectNode();
            for (RecordComponent rc : c.getRecordComponents()) {
                if (random.nextInt(40) != 0) {
                    o.set(rc.getName(), value(rc.getGenericType(), depth + 1));
                }
            }
            return o;
        }
        return F.nullNode();
    }

    private JsonNode hostile() {
        return switch (random.nextInt(10)) {
            case 0 -> F.numberNode(new java.math.BigDecimal("1e999"));
            case 1 -> F.numberNode(-Double.MAX_VALUE);
            case 2 -> F.numberNode(new java.math.BigInteger("9".repeat(40)));
            case 3 -> F.textNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
            case 4 -> F.textNode(List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2099-01-01T00:00:00Z",
                    "1970-01-01T00:00:00Z", "2026-02-30T00:00:00Z").get(random.nextInt(5)));
            case 5 -> nested(1 + random.nextInt(200));
            case 6 -> F.booleanNode(true);
            case 7 -> F.numberNode(Long.MIN_VALUE);
            case 8 -> F.objectNode().put("x", 1);
            default -> F.nullNode();
        };
    }

    private JsonNode time() {
        return random.nextInt(8) == 0 ? hostile()
                : F.textNode(Fixtures.T0.plusSeconds(random.nextInt(86_400)).toString());
    }

    private String text() {
        return random.nextBoolean() ? HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())) : "文本-" + random.nextInt(1000);
    }

    private static JsonNode nested(int depth) {
        JsonNode n = F.arrayNode();
        for (int i = 0; i < depth; i++) {
            n = F.arrayNode().add(n);
        }
        return n;
    }
}
