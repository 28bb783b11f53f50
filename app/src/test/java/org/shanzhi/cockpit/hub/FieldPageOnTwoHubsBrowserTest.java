package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.shanzhi.cockpit.domain.Fixtures;

/**
 * The field page served by one of two hubs on one PostgreSQL journal, each naming the other in --peer-hubs: its
 * own hub stops, and the page goes on against the other one by itself — the action the unit took meanwhile is
 * applied once, and a 批示 arrives over the other hub's stream. Runs when SHANZHI_TEST_PG_URL is set (as
 * {@link TwoHubsOnOneJournalTest}) and chromium is installed.
 */
class FieldPageOnTwoHubsBrowserTest {

    private static final String URL = TestPostgres.URL;
    private static final String USER = TestPostgres.USER;
    private static final String PASSWORD = TestPostgres.PASSWORD;

    @TempDir
    Path dir;
    TestHub a;
    TestHub b;
    ChromeDriver page;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        TestPostgres.freshDatabase();
        Chromium.require();
        page = Chromium.phone();
        wait = new WebDriverWait(page, Chromium.PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.quit();
        }
        for (TestHub h : new TestHub[] {b, a}) {
            if (h != null) {
                h.close();
            }
        }
    }

    @Test
    void theOwnHubStopsAndThePageGoesOnAgainstTheOther() throws Exception {
        int portA = freePort();
        int portB = freePort();
        a = start("a", portA, portB);
        assertThat(a.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        TestHub.Reply credential = a.post("/api/v1/units/U-1/credential", Role.LEADER, "", "cred-U-1");
        assertThat(credential.status()).isEqualTo(201);
        b = start("b", portB, portA); // reads the unit's credential from the shared unit-tokens.json

        page.get(a.runtime.baseUrl() + "/field/");
        page.findElement(By.id("token")).sendKeys(credential.json().get("token").asText());
        page.findElement(By.id("login-go")).click();
        wait.until(d -> d.findElement(By.id("link")).getText().equals("在线"));
        String first = dispatch(a, "1");
        tap(first, "ACCEPTED");
        awaitState(b, first, "ACCEPTED");

        a.close(); // the page's own hub goes; the other takes the journal's lock
        a = null;
        await().atMost(Chromium.PATIENCE).until(() -> b.runtime.hub().writing());
        tap(first, "EN_ROUTE");
        awaitState(b, first, "EN_ROUTE");
        wait.until(d -> d.findElement(By.id("link")).getText().equals("在线"));
        String incident = b.get("/api/v1/orders/" + first, Role.VIEWER).json().get("incidentId").asText();
        assertThat(b.post("/api/v1/instructions", Role.LEADER, "{\"incidentId\":\"" + incident
                + "\",\"text\":\"注意安全，设置围挡\"}", "instruction-1").status()).isEqualTo(201);
        wait.until(d -> d.findElement(By.cssSelector("[data-order='" + first + "']")).getText()
                .contains("批示：注意安全，设置围挡")); // told by the other hub's stream

        assertThat(advances(first)).containsExactly("DELIVERED", "ACCEPTED", "EN_ROUTE");
    }

    private TestHub start(String name, int port, int peerPort) {
        return new TestHub(new HubRuntime.Config("127.0.0.1", port, dir.resolve(name), dir.resolve("tokens.json"), URL,
                USER, PASSWORD, s -> HubClock.system(),
                HubLimits.DEFAULT.withPeerHubs(PeerHubs.parse("http://127.0.0.1:" + peerPort))));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String dispatch(TestHub hub, String n) {
        TestHub.Reply opened = hub.post("/api/v1/incidents", Role.OPERATOR,
                "{\"title\":\"井盖缺失\",\"category\":\"井盖缺失\",\"severity\":\"HIGH\",\"at\":{\"lon\":116.385,\"lat\":39.815}}",
                "open-" + n);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String incident = opened.json().get("events").get(0).get("payload").get("incidentId").asText();
        assertThat(hub.post("/api/v1/incidents/" + incident + "/advance", Role.OPERATOR, "{\"state\":\"PENDING_DISPATCH\"}",
                "adv-" + n).status()).isEqualTo(200);
        TestHub.Reply r = hub.post("/api/v1/incidents/" + incident + "/orders", Role.OPERATOR, "{\"unitId\":\"U-1\"}",
                "order-" + n);
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json().get("events").get(0).get("payload").get("orderId").asText();
    }

    private void tap(String order, String state) {
        wait.until(d -> {
            d.findElement(By.cssSelector("[data-order='" + order + "'] [data-action='" + state + "']")).click();
            return true;
        });
    }

    private static void awaitState(TestHub hub, String order, String state) {
        await().atMost(Chromium.PATIENCE).until(() ->
                hub.get("/api/v1/orders/" + order, Role.VIEWER).json().get("state").asText().equals(state));
    }

    /** The order's steps as the journal holds them: one OrderAdvanced per action applied. */
    private List<String> advances(String order) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : b.get("/api/v1/events?since=0&limit=10000", Role.VIEWER).json().get("events")) {
            if (e.get("type").asText().equals("OrderAdvanced") && e.get("payload").get("orderId").asText().equals(order)) {
                out.add(e.get("payload").get("state").asText());
            }
        }
        return out;
    }
}
