package org.shanzhi.cockpit.hub;

import java.nio.file.Path;

import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A field page served by another hub of the same journal may call this one; a page from anywhere else may not. */
class PeerHubsApiTest {

    static final String PEER = "http://10.0.0.6:8717";
    static final String STRANGER = "http://evil.example";

    @TempDir
    static Path data;
    static TestHub hub;
    static String base;

    @BeforeAll
    static void start() {
        hub = new TestHub(HubRuntime.Config.local(data).withLimits(
                HubLimits.DEFAULT.withPeerHubs(PeerHubs.parse(PEER + "/, http://10.0.0.7:8717"))));
        base = "http://127.0.0.1:" + hub.runtime.port();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aPeersPagePassesThePreflightAndReadsTheAnswers() throws Exception {
        try (Response r = call(preflight(PEER, "POST"))) {
            assertThat(r.code()).isEqualTo(204);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(PEER);
            assertThat(r.header("Access-Control-Allow-Headers")).contains("Authorization", "Idempotency-Key");
            assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
        }
        try (Response r = call(new Request.Builder().url(base + "/api/v1/field/me").header("Origin", PEER)
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build())) {
            assertThat(r.code()).isEqualTo(403); // an error answer, too, is readable by the peer's page
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(PEER);
            assertThat(r.header("Vary")).contains("Origin");
        }
    }

    @Test
    void anyOtherPageIsRefused() throws Exception {
        try (Response r = call(preflight(STRANGER, "POST"))) {
            assertThat(r.code()).isEqualTo(403);
            assertThat(r.header("Access-Control-Allow-Origin")).isNull();
            assertThat(r.body().string()).contains("\"field\":\"Origin\"");
        }
        try (Response r = call(new Request.Builder().url(base + "/api/v1/health").header("Origin", STRANGER).build())) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void theStreamChecksTheOrigin() throws Exception {
        String viewer = hub.token(Role.VIEWER);
        int port = hub.runtime.port();
        try (RawUpgrade u = new RawUpgrade(port, "?since=0", viewer, STRANGER)) {
            assertThat(u.status).isEqualTo(403);
            assertThat(u.body()).contains("\"field\":\"Origin\"");
        }
        for (String origin : new String[] {PEER, base, null}) { // a peer's page, the hub's own, a wall
            try (RawUpgrade u = new RawUpgrade(port, "?since=0", viewer, origin)) {
                assertThat(u.status).as("Origin %s", origin).isEqualTo(101);
            }
        }
    }

    @Test
    void theFieldPageLearnsItsPeersAndMayConnectToThem() throws Exception {
        TestHub.Reply health = hub.get("/api/v1/health", null);
        assertThat(health.json().get("peerHubs").toString()).isEqualTo("[\"" + PEER + "\",\"http://10.0.0.7:8717\"]");
        try (Response r = call(new Request.Builder().url(base + "/field/").build())) {
            assertThat(r.header("Content-Security-Policy"))
                    .contains("connect-src 'self' " + PEER + " http://10.0.0.7:8717 ws: wss:;");
        }
    }

    @Test
    void aPeerListMustHoldHubAddresses() {
        assertThat(PeerHubs.parse("HTTP://Hub-B:8717/,,https://hub-c").origins())
                .containsExactly("http://hub-b:8717", "https://hub-c");
        for (String bad : new String[] {"10.0.0.6:8717", "ftp://hub-b", "http://hub-b:8717/api", "http://u@hub-b"}) {
            assertThatThrownBy(() -> PeerHubs.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Request preflight(String origin, String method) {
        return new Request.Builder().url(base + "/api/v1/orders/O-1/advance").method("OPTIONS", null)
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key").build();
    }

    private static Response call(Request request) throws Exception {
        return TestHub.HTTP.newCall(request).execute();
    }
}
