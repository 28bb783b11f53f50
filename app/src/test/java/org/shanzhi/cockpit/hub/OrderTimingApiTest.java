package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.feed.HubFeed;

/** The hub's order timing, as its health publishes it for the walls, and a seat's 重发 of an order not delivered. */
class OrderTimingApiTest {

    static final DispatchOrder.Timing QUICK = new DispatchOrder.Timing(Duration.ofSeconds(20), Duration.ofSeconds(90),
            Duration.ofMinutes(5));

    @TempDir
    Path data;
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void healthPublishesTheTimingTheHubRunsWithAndTheWallsFeedReadsIt() {
        hub = new TestHub(HubRuntime.Config.local(data).withLimits(HubLimits.DEFAULT.withOrderTiming(QUICK)));
        JsonNode timing = hub.get("/api/v1/health", null).json().get("orderTiming");
        assertThat(timing.get("deliverWithinSeconds").asLong()).isEqualTo(20);
        assertThat(timing.get("acceptWithinSeconds").asLong()).isEqualTo(90);
        assertThat(timing.get("expireAfterSeconds").asLong()).isEqualTo(300);
        try (HubFeed feed = new HubFeed(hub.runtime.baseUrl(), hub.token(Role.VIEWER)).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> feed.latest() != null);
            assertThat(feed.orderTiming()).isEqualTo(QUICK);
        }
    }

    @Test
    void aSeatResendsAnOrderItsPhoneHasNotConfirmedButNotOneItHas() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        String incident = hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"井盖缺失\",\"category\":\"道路设施\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815}}", "open").json().get("events").get(0).get("payload")
                .get("incidentId").asText();
        String order = hub.post("/api/v1/incidents/" + incident + "/orders", Role.OPERATOR, "{\"unitId\":\"U-1\"}",
                "issue").json().get("events").get(0).get("payload").get("orderId").asText();

        TestHub.Reply resent = hub.post("/api/v1/orders/" + order + "/advance", Role.OPERATOR, "{\"state\":\"SENT\"}",
                "resend");
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        JsonNode o = hub.get("/api/v1/orders/" + order, Role.VIEWER).json();
        assertThat(o.get("state").asText()).isEqualTo("SENT");
        List<String> steps = o.get("steps").findValuesAsText("state");
        assertThat(steps).containsExactly("SENT", "SENT");
        assertThat(o.get("steps").get(1).get("by").asText()).isEqualTo("center");

        String unit = hub.unitToken("U-1");
        assertThat(hub.call("POST", "/api/v1/orders/" + order + "/advance", unit, "{\"state\":\"SENT\"}", "u-resend")
                .status()).isEqualTo(403);
        assertThat(hub.call("POST", "/api/v1/orders/" + order + "/advance", unit, "{\"state\":\"DELIVERED\"}", "got")
                .status()).isEqualTo(200);
        assertThat(hub.post("/api/v1/orders/" + order + "/advance", Role.OPERATOR, "{\"state\":\"SENT\"}", "resend-2")
                .status()).isEqualTo(422);
    }
}
