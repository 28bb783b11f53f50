package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;

/** The closed loop through the hub: 并案, the case's 结案 replies its 12345 order, the 回访 feeds the 三率. */
class ComplaintLoopApiTest {

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
    void aCaseClosedByTheLeaderRepliesItsJoinedOrderWhoseRevisitCountsInTheThreeRates() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        String no = "2605300001";
        assertThat(hub.ingest(List.of(new Event.ComplaintReceived(no, Complaint.Channel.PHONE, Complaint.Type.HELP,
                "道路设施", Complaint.Priority.URGENT, Fixtures.WEST, "井盖缺失", false),
                new Event.ComplaintAdvanced(no, ComplaintState.DISPATCHED),
                new Event.ComplaintAdvanced(no, ComplaintState.SIGNED),
                new Event.ComplaintAdvanced(no, ComplaintState.CONTACTED),
                new Event.ComplaintAdvanced(no, ComplaintState.IN_PROGRESS))).status()).isEqualTo(200);
        TestHub.Reply opened = hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"井盖缺失\",\"category\":"
                + "\"道路设施\",\"source\":\"HOTLINE\",\"at\":{\"lon\":116.38,\"lat\":39.815}}", "open");
        String incident = opened.json().get("events").get(0).get("payload").get("incidentId").asText();

        TestHub.Reply linked = hub.post("/api/v1/incidents/" + incident + "/complaints", Role.OPERATOR,
                "{\"orderNo\":\"" + no + "\"}", "link");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(hub.get("/api/v1/complaints?incidentId=" + incident, Role.VIEWER).json().get("items").get(0)
                .get("orderNo").asText()).isEqualTo(no);
        TestHub.Reply early = hub.post("/api/v1/complaints/" + no + "/advance", Role.OPERATOR,
                "{\"state\":\"REPLIED\"}", "reply");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("message").asText()).contains(incident);

        // the unit's report disposes the case; 核查, then the leader's 结案
        TestHub.Reply order = hub.post("/api/v1/incidents/" + incident + "/orders", Role.OPERATOR,
                "{\"unitId\":\"U-1\"}", "order");
        String zl = order.json().get("events").get(0).get("payload").get("orderId").asText();
        String unit = hub.unitToken("U-1");
        for (String state : List.of("DELIVERED", "ACCEPTED", "EN_ROUTE", "ON_SITE", "WORKING")) {
            assertThat(hub.call("POST", "/api/v1/orders/" + zl + "/advance", unit, "{\"state\":\"" + state + "\"}",
                    "o-" + state).status()).isEqualTo(200);
        }
        assertThat(hub.call("POST", "/api/v1/orders/" + zl + "/advance", unit,
                "{\"state\":\"REPORTED\",\"note\":\"已补装井盖\"}", "o-rep").status()).isEqualTo(200);
        assertThat(hub.post("/api/v1/incidents/" + incident + "/advance", Role.OPERATOR, "{\"state\":\"CHECKING\"}",
                "check").status()).isEqualTo(200);
        assertThat(hub.post("/api/v1/incidents/" + incident + "/close", Role.LEADER, "{\"note\":\"核查通过\"}",
                "close").status()).isEqualTo(200);

        JsonNode complaint = hub.get("/api/v1/complaints/" + no, Role.VIEWER).json();
        assertThat(complaint.get("state").asText()).isEqualTo("REPLIED");
        assertThat(complaint.get("incidentId").asText()).isEqualTo(incident);

        TestHub.Reply revisit = hub.post("/api/v1/complaints/" + no + "/revisit", Role.OPERATOR,
                "{\"responded\":true,\"resolved\":\"YES\",\"satisfaction\":\"SATISFIED\"}", "revisit");
        assertThat(revisit.status()).as(revisit.body()).isEqualTo(200);
        JsonNode rates = hub.get("/api/v1/kpis", Role.VIEWER).json().get("threeRates30d");
        assertThat(rates.get("evaluated").asInt()).isEqualTo(1);
        assertThat(rates.get("satisfaction").asDouble()).isEqualTo(1.0);
        JsonNode audit = hub.get("/api/v1/audit?limit=20", Role.LEADER).json();
        assertThat(audit.findValuesAsText("action")).contains("link-complaint", "close-case", "revisit-complaint");
    }
}
