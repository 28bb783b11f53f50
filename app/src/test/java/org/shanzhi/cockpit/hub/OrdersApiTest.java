package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.UnitStatus;

/** Orders (同屏指挥) through the hub: seats issue, units answer on their own tokens, the district seat joins in. */
class OrdersApiTest {

    @TempDir
    Path data;
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    /** A hub with U-1, U-2 and U-3 free, and a registered case; returns the case's id. */
    private String start(HubLimits limits) {
        hub = new TestHub(HubRuntime.Config.local(data).withLimits(limits));
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        assertThat(hub.ingest(List.of(new Event.UnitStatusChanged("U-2", UnitStatus.AVL),
                new Event.UnitRegistered(new FieldUnit("U-3", "网格员三", FieldUnit.Role.GRID_WORKER, UnitStatus.AVL,
                        Fixtures.WEST, 0, null, null, false)))).status()).isEqualTo(200);
        return openCase("井盖缺失");
    }

    private String openCase(String title) {
        TestHub.Reply opened = hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"" + title
                + "\",\"category\":\"道路设施\",\"severity\":\"HIGH\",\"at\":{\"lon\":116.38,\"lat\":39.815}}",
                "open-" + Integer.toHexString(title.hashCode()));
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("events").get(0).get("payload").get("incidentId").asText();
    }

    /** Issues an order and returns its id. */
    private String issue(String incident, Role role, String body, String key) {
        TestHub.Reply r = hub.post("/api/v1/incidents/" + incident + "/orders", role, body, key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode e = r.json().get("events").get(r.json().get("events").size() - 1);
        String id = e.get("payload").get("orderId").asText();
        assertThat(id).isEqualTo("ZL-" + e.get("seq").asLong());
        return id;
    }

    private TestHub.Reply advance(String token, String order, String body, String key) {
        return hub.call("POST", "/api/v1/orders/" + order + "/advance", token, body, key);
    }

    private JsonNode order(String id) {
        return hub.get("/api/v1/orders/" + id, Role.VIEWER).json();
    }

    @Test
    void aUnitTakesItsOrderRoundTheLoopAndAnotherUnitIsRefused() {
        String incident = start(HubLimits.DEFAULT);
        String order = issue(incident, Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o-1");
        JsonNode issued = order(order);
        assertThat(issued.get("task").asText()).isEqualTo("前往处置：井盖缺失");
        assertThat(issued.get("priority").asText()).isEqualTo("HIGH");
        assertThat(issued.get("issuer").asText()).isEqualTo("CENTER");
        assertThat(issued.get("state").asText()).isEqualTo("SENT");

        String one = hub.unitToken("U-1");
        String two = hub.unitToken("U-2");
        TestHub.Reply theirs = advance(two, order, "{\"state\":\"ACCEPTED\"}", "a-x");
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.json().get("field").asText()).isEqualTo("id");
        TestHub.Reply shared = hub.post("/api/v1/orders/" + order + "/advance", Role.FIELD_UNIT,
                "{\"state\":\"ACCEPTED\"}", "a-y");
        assertThat(shared.status()).isEqualTo(403);
        assertThat(shared.json().get("field").asText()).isEqualTo("token");
        TestHub.Reply seatAccepts = hub.post("/api/v1/orders/" + order + "/advance", Role.OPERATOR,
                "{\"state\":\"ACCEPTED\"}", "a-z");
        assertThat(seatAccepts.status()).isEqualTo(403);
        assertThat(seatAccepts.json().get("field").asText()).isEqualTo("state");

        int step = 0;
        for (String state : List.of("DELIVERED", "ACCEPTED", "EN_ROUTE", "ON_SITE", "WORKING")) {
            assertThat(advance(one, order, "{\"state\":\"" + state + "\"}", "a-" + step++).status()).as(state).isEqualTo(200);
        }
        assertThat(hub.get("/api/v1/units/U-1", Role.VIEWER).json().get("status").asText()).isEqualTo("WRK");
        TestHub.Reply noNote = advance(one, order, "{\"state\":\"REPORTED\"}", "a-r0");
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.json().get("field").asText()).isEqualTo("note");
        assertThat(advance(one, order, "{\"state\":\"REPORTED\",\"note\":\"已补装井盖\"}", "a-r").status()).isEqualTo(200);

        JsonNode done = order(order);
        assertThat(done.get("state").asText()).isEqualTo("REPORTED");
        assertThat(done.get("note").asText()).isEqualTo("已补装井盖");
        List<String> by = new ArrayList<>();
        done.get("steps").forEach(s -> by.add(s.get("state").asText() + ":" + s.get("by").asText()));
        assertThat(by).containsExactly("SENT:center", "DELIVERED:U-1", "ACCEPTED:U-1", "EN_ROUTE:U-1", "ON_SITE:U-1",
                "WORKING:U-1", "REPORTED:U-1");
        assertThat(hub.get("/api/v1/incidents/" + incident, Role.VIEWER).json().get("state").asText())
                .isEqualTo("DISPOSED");

        JsonNode me = hub.call("GET", "/api/v1/field/me", one, null, null).json();
        assertThat(me.get("orders").get(0).get("id").asText()).isEqualTo(order);
        assertThat(me.get("orders").get(0).get("case").get("title").asText()).isEqualTo("井盖缺失");
        assertThat(hub.call("GET", "/api/v1/field/me", two, null, null).json().get("orders")).isEmpty();
        assertThat(hub.get("/api/v1/orders?unitId=U-1&state=REPORTED", Role.VIEWER).json().get("total").asInt())
                .isEqualTo(1);
        assertThat(hub.get("/api/v1/orders?incidentId=" + incident, Role.DISTRICT).json().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void aLeaderMayOverrideABusyUnitAnOperatorMayNot() {
        String first = start(HubLimits.DEFAULT);
        String held = issue(first, Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o-1");
        String second = openCase("路灯不亮");
        TestHub.Reply busy = hub.post("/api/v1/incidents/" + second + "/orders", Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o-2");
        assertThat(busy.status()).isEqualTo(422);
        assertThat(busy.json().get("field").asText()).isEqualTo("unitId");
        TestHub.Reply operator = hub.post("/api/v1/incidents/" + second + "/orders", Role.OPERATOR,
                "{\"unitId\":\"U-1\",\"override\":true}", "o-3");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().get("field").asText()).isEqualTo("override");

        String sent = issue(second, Role.LEADER, "{\"unitId\":\"U-1\",\"task\":\"先去路灯\",\"priority\":\"CRITICAL\","
                + "\"override\":true}", "o-4");
        JsonNode o = order(sent);
        assertThat(o.get("override").asBoolean()).isTrue();
        assertThat(o.get("task").asText()).isEqualTo("先去路灯");
        assertThat(o.get("priority").asText()).isEqualTo("CRITICAL");
        assertThat(order(held).get("state").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void theDistrictSeatIssuesReassignsTakesBackAndWritesInstructions() {
        String incident = start(HubLimits.DEFAULT);
        String order = issue(incident, Role.DISTRICT, "{\"unitId\":\"U-1\"}", "d-1");
        assertThat(order(order).get("issuer").asText()).isEqualTo("DISTRICT");
        assertThat(order(order).get("steps").get(0).get("by").asText()).isEqualTo("district");

        TestHub.Reply reassigned = hub.post("/api/v1/orders/" + order + "/reassign", Role.DISTRICT,
                "{\"unitId\":\"U-2\"}", "d-2");
        assertThat(reassigned.status()).isEqualTo(200);
        JsonNode events = reassigned.json().get("events");
        assertThat(events.get(0).get("payload").get("state").asText()).isEqualTo("REASSIGNED");
        String next = events.get(1).get("payload").get("orderId").asText();
        assertThat(next).isEqualTo("ZL-" + events.get(1).get("seq").asLong());
        assertThat(order(order).get("state").asText()).isEqualTo("REASSIGNED");
        assertThat(order(next).get("unitId").asText()).isEqualTo("U-2");
        assertThat(order(next).get("task").asText()).isEqualTo("前往处置：井盖缺失");

        assertThat(hub.post("/api/v1/orders/" + next + "/advance", Role.DISTRICT,
                "{\"state\":\"CANCELLED\",\"reason\":\"已由物业处置\"}", "d-3").status()).isEqualTo(200);
        assertThat(order(next).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(order(next).get("reason").asText()).isEqualTo("已由物业处置");

        TestHub.Reply ps = hub.post("/api/v1/instructions", Role.DISTRICT,
                "{\"incidentId\":\"" + incident + "\",\"text\":\"注意现场安全\"}", "d-4");
        assertThat(ps.status()).isEqualTo(201);
        String id = ps.json().get("events").get(0).get("payload").get("instructionId").asText();
        assertThat(id).isEqualTo("PS-" + ps.json().get("firstSeq").asLong());
        JsonNode instruction = hub.get("/api/v1/instructions/" + id, Role.OPERATOR).json();
        assertThat(instruction.get("issuer").asText()).isEqualTo("DISTRICT");
        assertThat(instruction.get("text").asText()).isEqualTo("注意现场安全");
        assertThat(hub.post("/api/v1/instructions", Role.LEADER, "{\"text\":\"全街道加强巡查\"}", "l-1").status())
                .isEqualTo(201);
        assertThat(hub.get("/api/v1/instructions?issuer=CENTER", Role.DISTRICT).json().get("total").asInt()).isEqualTo(1);
        assertThat(hub.post("/api/v1/instructions", Role.OPERATOR, "{\"text\":\"x\"}", "op-1").status()).isEqualTo(403);
        TestHub.Reply noText = hub.post("/api/v1/instructions", Role.LEADER, "{}", "l-2");
        assertThat(noText.status()).isEqualTo(422);
        assertThat(noText.json().get("field").asText()).isEqualTo("text");

        List<String> actions = new ArrayList<>();
        hub.get("/api/v1/audit", Role.LEADER).json().get("entries").forEach(a ->
                actions.add(a.get("role").asText() + ":" + a.get("action").asText()));
        assertThat(actions).contains("district:issue-order", "district:reassign-order", "district:advance-order",
                "district:issue-instruction");
    }

    @Test
    void theSameActionSentTwiceWithOneKeyIsAppliedOnce() {
        String incident = start(HubLimits.DEFAULT);
        String order = issue(incident, Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o-1");
        String one = hub.unitToken("U-1");
        String accept = "{\"state\":\"ACCEPTED\"}";
        TestHub.Reply first = advance(one, order, accept, "phone-accept-1");
        assertThat(first.status()).isEqualTo(200);
        TestHub.Reply again = advance(one, order, accept, "phone-accept-1");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("firstSeq").asLong()).isEqualTo(first.json().get("firstSeq").asLong());
        assertThat(order(order).get("steps")).hasSize(2);
    }

    @Test
    void aUnitsStreamCarriesOnlyWhatConcernsItAndResumes() throws Exception {
        String incident = start(HubLimits.DEFAULT);
        String one = hub.unitToken("U-1");
        long since = hub.runtime.hub().head();
        String mine;
        try (TestHub.Subscriber sub = hub.subscribe("?since=" + since, one)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers().size() == 1);
            issue(openCase("占道经营"), Role.OPERATOR, "{\"unitId\":\"U-2\"}", "o-2");
            hub.ingest(List.of(new Event.UnitMoved("U-2", Fixtures.EAST, 90)));
            mine = issue(incident, Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o-1");
            assertThat(advance(one, mine, "{\"state\":\"ACCEPTED\"}", "a-1").status()).isEqualTo(200);
            hub.post("/api/v1/instructions", Role.LEADER, "{\"incidentId\":\"" + incident + "\",\"text\":\"注意安全\"}", "i-1");
            hub.post("/api/v1/instructions", Role.LEADER, "{\"text\":\"全街道加强巡查\"}", "i-2");
            hub.ingest(List.of(new Event.UnitMoved("U-1", Fixtures.EAST, 45)));
            List<String> types = new ArrayList<>();
            for (JsonNode f : sub.take(4)) {
                types.add(f.get("type").asText());
            }
            assertThat(types).containsExactly("OrderIssued", "OrderAdvanced", "InstructionIssued", "UnitMoved");
            assertThat(sub.frames.poll(300, TimeUnit.MILLISECONDS)).as("nothing about U-2").isNull();
        }
        try (TestHub.Subscriber resumed = hub.subscribe("?since=" + since + "&batch=true", one)) {
            List<JsonNode> frames = resumed.take(4);
            assertThat(frames.get(0).get("payload").get("orderId").asText()).isEqualTo(mine);
        }
    }

    @Test
    void anOrderLeftUntakenTimesOutOnTheHubsClock() {
        String incident = start(HubLimits.DEFAULT.withOrderTiming(new org.shanzhi.cockpit.domain.DispatchOrder.Timing(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))));
        String order = issue(incident, Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> order(order).get("state").asText().equals("TIMED_OUT"));
        JsonNode steps = order(order).get("steps");
        assertThat(steps.get(steps.size() - 1).get("by").asText()).isEqualTo("hub");
        assertThat(hub.get("/api/v1/units/U-1", Role.VIEWER).json().get("status").asText()).isEqualTo("AVL");
        // one the unit took stays
        String taken = issue(incident, Role.OPERATOR, "{\"unitId\":\"U-2\"}", "o-2");
        assertThat(advance(hub.unitToken("U-2"), taken, "{\"state\":\"ACCEPTED\"}", "a-1").status()).isEqualTo(200);
        String late = issue(openCase("路灯不亮"), Role.OPERATOR, "{\"unitId\":\"U-3\"}", "o-3");
        await().atMost(Duration.ofSeconds(20)).until(() -> order(late).get("state").asText().equals("TIMED_OUT"));
        assertThat(order(taken).get("state").asText()).isEqualTo("ACCEPTED");
    }
    @Test
    void noOrderTimesOutWhileTheScenarioIsStillLivingTheTimeBeforeTheClock() {
        String incident = start(HubLimits.DEFAULT.withOrderTiming(new org.shanzhi.cockpit.domain.DispatchOrder.Timing(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))));
        hub.runtime.hub().catchingUp(true);
        String order = issue(incident, Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o-1");
        // a timer for which every order is late finds none to time out while the hub catches up
        assertThat(new OrderTimer(hub.runtime.hub(), Duration.ZERO).expire()).isZero();
        assertThat(order(order).get("state").asText()).isEqualTo("SENT");
        hub.runtime.hub().catchingUp(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> order(order).get("state").asText().equals("TIMED_OUT"));
    }
}
